// Stream reset (RFC 6525) between two sockets over the simulated link: what
// a WebRTC data channel close does (RFC 8831 section 6.7).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "packet/chunk_type.h"
#include "packet/chunks/data_chunk.h"
#include "packet/packet_view.h"
#include "scenario_network.h"

namespace sctp::scenario {
namespace {

using Streams = std::vector<StreamId>;
constexpr uint8_t kReConfig = uint8_t(ChunkType::kReConfig);

std::vector<uint8_t> payload(size_t size, uint8_t seed) {
  std::vector<uint8_t> v(size);
  for (size_t i = 0; i < size; ++i)
    v[i] = uint8_t(seed + i * 7);
  return v;
}

void connect(Network& net, DurationMs limit = DurationMs(20000)) {
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, limit));
}

bool has_chunk(std::span<const uint8_t> packet, uint8_t type) {
  const auto types = chunk_types(packet);
  return std::find(types.begin(), types.end(), type) != types.end();
}

// Drops the `nth` (0-based) packet carrying a RE-CONFIG chunk.
SimulatedLink::Filter drop_nth_reconfig(int nth) {
  auto seen = std::make_shared<int>(0);
  return [nth, seen](std::span<const uint8_t> packet, uint64_t) {
    if (!has_chunk(packet, kReConfig)) return false;
    return (*seen)++ == nth;
  };
}

// SSNs of the DATA chunks `endpoint` sent on `stream`, in sending order.
std::vector<uint16_t> sent_ssns(const Endpoint& endpoint, StreamId stream) {
  std::vector<uint16_t> ssns;
  for (const auto& bytes : endpoint.sent_packets) {
    auto packet = PacketView::parse(bytes);
    if (!packet) continue;
    for (const RawChunk& chunk : *packet) {
      if (chunk.type != uint8_t(ChunkType::kData)) continue;
      auto data = DataChunk::parse(chunk);
      if (data && data->stream_id == stream) ssns.push_back(data->ssn.value());
    }
  }
  return ssns;
}

TEST(StreamReset, Section5_1_2_ResetOneStreamReportedOnBothSides) {
  Network net(700);
  connect(net);
  ASSERT_TRUE(net.a.socket().metrics().uses_stream_reconfiguration);
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(3)}));
  ASSERT_TRUE(net.run_until([&] { return !net.a.events.outgoing_streams_reset.empty(); },
                            DurationMs(5000)));
  ASSERT_EQ(net.b.events.incoming_streams_reset.size(), 1u);
  EXPECT_EQ(net.b.events.incoming_streams_reset[0], Streams{StreamId(3)});
  ASSERT_EQ(net.a.events.outgoing_streams_reset.size(), 1u);
  EXPECT_EQ(net.a.events.outgoing_streams_reset[0], Streams{StreamId(3)});
  EXPECT_TRUE(net.a.events.errors.empty());
  EXPECT_TRUE(net.b.events.errors.empty());
}

TEST(StreamReset, Section5_1_2_DataBeforeResetDeliveredFirstDataAfterStartsAtSsnZero) {
  Network net(701);
  connect(net);
  const StreamId s(1);
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(net.a.socket().send(s, payload(3000, uint8_t(i)), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{s}));
  // Until the peer confirms, the stream takes no new message.
  EXPECT_EQ(net.a.socket().send(s, payload(10, 99), {}), SendStatus::kErrorStreamResetting);
  EXPECT_EQ(net.a.socket().send(StreamId(2), payload(10, 98), {}), SendStatus::kSuccess);
  // The incoming reset is reported after the five messages sent before it.
  size_t delivered_at_reset = 0;
  ASSERT_TRUE(net.run_until(
      [&] {
        if (!net.b.events.incoming_streams_reset.empty() && delivered_at_reset == 0)
          delivered_at_reset = net.b.events.messages.size();
        return !net.a.events.outgoing_streams_reset.empty();
      },
      DurationMs(10000)));
  size_t on_stream = 0;
  for (const Message& m : net.b.events.messages)
    on_stream += m.stream_id == s ? 1 : 0;
  EXPECT_EQ(on_stream, 5u);
  EXPECT_GE(delivered_at_reset, 5u);
  // After the reset the stream numbers from SSN 0 again.
  ASSERT_EQ(net.a.socket().send(s, payload(100, 50), {}), SendStatus::kSuccess);
  ASSERT_EQ(net.a.socket().send(s, payload(100, 51), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == 8; }, DurationMs(5000)));
  EXPECT_EQ(net.b.events.messages[6].payload, payload(100, 50));
  EXPECT_EQ(net.b.events.messages[7].payload, payload(100, 51));
  const auto ssns = sent_ssns(net.a, s);
  ASSERT_GE(ssns.size(), 2u);
  EXPECT_EQ(ssns[ssns.size() - 2], 0);
  EXPECT_EQ(ssns.back(), 1);
}

TEST(StreamReset, Section5_1_1_LostRequestIsRetransmitted) {
  Network net(702);
  connect(net);
  net.a_to_b.set_filter(drop_nth_reconfig(0));
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(0)}));
  ASSERT_TRUE(net.run_until([&] { return !net.a.events.outgoing_streams_reset.empty(); },
                            DurationMs(20000)));
  EXPECT_EQ(net.b.events.incoming_streams_reset.size(), 1u);
}

TEST(StreamReset, Section5_2_1_LostResponseAnsweredAgainWithoutSecondReset) {
  Network net(703);
  connect(net);
  net.b_to_a.set_filter(drop_nth_reconfig(0));
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(0)}));
  ASSERT_TRUE(net.run_until([&] { return !net.a.events.outgoing_streams_reset.empty(); },
                            DurationMs(20000)));
  // The retransmitted request (sequence number = expected - 1) got the
  // stored response; the peer reset its incoming stream once.
  EXPECT_EQ(net.b.events.incoming_streams_reset.size(), 1u);
  EXPECT_EQ(net.a.events.outgoing_streams_reset.size(), 1u);
}

TEST(StreamReset, Section5_1_2_BothSidesResetSameStreamAtOnce) {
  // A data channel closed from both ends at the same time.
  Network net(704);
  connect(net);
  ASSERT_EQ(net.a.socket().send(StreamId(5), payload(500, 1), {}), SendStatus::kSuccess);
  ASSERT_EQ(net.b.socket().send(StreamId(5), payload(500, 2), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(5)}));
  ASSERT_TRUE(net.b.socket().reset_streams(Streams{StreamId(5)}));
  ASSERT_TRUE(net.run_until(
      [&] {
        return !net.a.events.outgoing_streams_reset.empty() &&
               !net.b.events.outgoing_streams_reset.empty() &&
               !net.a.events.incoming_streams_reset.empty() &&
               !net.b.events.incoming_streams_reset.empty();
      },
      DurationMs(10000)));
  EXPECT_EQ(net.a.events.messages.size(), 1u);
  EXPECT_EQ(net.b.events.messages.size(), 1u);
  // Both can reuse the stream afterwards.
  ASSERT_EQ(net.a.socket().send(StreamId(5), payload(20, 3), {}), SendStatus::kSuccess);
  ASSERT_EQ(net.b.socket().send(StreamId(5), payload(20, 4), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.run_until(
      [&] { return net.a.events.messages.size() == 2 && net.b.events.messages.size() == 2; },
      DurationMs(5000)));
  EXPECT_TRUE(net.a.events.errors.empty());
  EXPECT_TRUE(net.b.events.errors.empty());
}

TEST(StreamReset, Section5_1_1_ManyStreamsOneRequestAtATime) {
  Network net(705);
  connect(net);
  // Three calls while the first request is outstanding: later streams are
  // gathered into the next request.
  Streams first;
  for (uint16_t i = 0; i < 40; ++i)
    first.push_back(StreamId(i));
  ASSERT_TRUE(net.a.socket().reset_streams(first));
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(40), StreamId(41)}));
  ASSERT_TRUE(net.a.socket().reset_streams(Streams{StreamId(42)}));
  auto count = [](const std::vector<std::vector<StreamId>>& events) {
    size_t n = 0;
    for (const auto& e : events)
      n += e.size();
    return n;
  };
  ASSERT_TRUE(net.run_until([&] { return count(net.a.events.outgoing_streams_reset) == 43; },
                            DurationMs(10000)));
  EXPECT_EQ(net.a.events.outgoing_streams_reset.size(), 2u);
  EXPECT_EQ(count(net.b.events.incoming_streams_reset), 43u);
}

TEST(StreamReset, Section3_1_WithoutNegotiationResetIsRefused) {
  SocketOptions without;
  without.enable_stream_reconfiguration = false;
  Network net(706, SocketOptions{}, without);
  connect(net);
  EXPECT_FALSE(net.a.socket().metrics().uses_stream_reconfiguration);
  EXPECT_FALSE(net.a.socket().reset_streams(Streams{StreamId(1)}));
  EXPECT_FALSE(net.b.socket().reset_streams(Streams{StreamId(1)}));
}

TEST(StreamReset, Section5_LossyLinkTwentySeedsConverge) {
  for (uint64_t seed = 710; seed < 730; ++seed) {
    LinkConfig link;
    link.delay = DurationMs(20);
    link.jitter = DurationMs(10);
    link.loss_rate = 0.1;
    link.duplicate_rate = 0.02;
    Network net(seed, SocketOptions{}, SocketOptions{}, link, link);
    // The handshake itself may need INIT / COOKIE retransmissions.
    connect(net, DurationMs(300000));
    ASSERT_TRUE(net.both_connected()) << "seed " << seed;
    const StreamId s(uint16_t(seed % 7));
    constexpr int kBefore = 20;
    for (int i = 0; i < kBefore; ++i)
      ASSERT_EQ(net.a.socket().send(s, payload(size_t(200 + 97 * i), uint8_t(i)), {}),
                SendStatus::kSuccess);
    ASSERT_TRUE(net.a.socket().reset_streams(Streams{s}));
    ASSERT_TRUE(net.b.socket().reset_streams(Streams{s}));
    ASSERT_TRUE(net.run_until(
        [&] {
          return !net.a.events.outgoing_streams_reset.empty() &&
                 !net.b.events.outgoing_streams_reset.empty();
        },
        DurationMs(120000)))
        << "seed " << seed;
    ASSERT_EQ(net.a.socket().send(s, payload(64, 200), {}), SendStatus::kSuccess);
    ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == kBefore + 1; },
                              DurationMs(120000)))
        << "seed " << seed;
    for (int i = 0; i < kBefore; ++i)
      EXPECT_EQ(net.b.events.messages[size_t(i)].payload, payload(size_t(200 + 97 * i), uint8_t(i)))
          << "seed " << seed << " message " << i;
    EXPECT_EQ(net.b.events.messages.back().payload, payload(64, 200)) << "seed " << seed;
    EXPECT_EQ(net.b.events.incoming_streams_reset.size(), 1u) << "seed " << seed;
    EXPECT_EQ(net.a.events.incoming_streams_reset.size(), 1u) << "seed " << seed;
  }
}

}  // namespace
}  // namespace sctp::scenario
