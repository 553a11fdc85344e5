// Association setup over the simulated link (RFC 9260 section 5).
#include <gtest/gtest.h>

#include "packet/chunk_type.h"
#include "scenario_network.h"

namespace sctp::scenario {
namespace {

constexpr uint8_t kInit = uint8_t(ChunkType::kInit);
constexpr uint8_t kInitAck = uint8_t(ChunkType::kInitAck);
constexpr uint8_t kCookieEcho = uint8_t(ChunkType::kCookieEcho);
constexpr uint8_t kCookieAck = uint8_t(ChunkType::kCookieAck);
constexpr uint8_t kError = uint8_t(ChunkType::kError);

int count_first_chunk(const std::vector<std::vector<uint8_t>>& packets, uint8_t type) {
  int n = 0;
  for (const auto& p : packets)
    n += first_chunk_is(p, type) ? 1 : 0;
  return n;
}

TEST(Handshake, Section5_1_FourWayHandshakeWithAAsInitiator) {
  Network net(1);
  net.a.socket().connect();
  EXPECT_EQ(net.a.socket().state(), SocketState::kConnecting);
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 1);
  // INIT, COOKIE ECHO from a; INIT ACK, COOKIE ACK from b.
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kInit), 1);
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kInitAck), 1);
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kCookieEcho), 1);
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kCookieAck), 1);
  // Two round trips of 10 ms each way.
  EXPECT_EQ(net.loop.now(), TimeMs{40});
}

TEST(Handshake, Section5_1_FourWayHandshakeWithBAsInitiator) {
  Network net(2);
  net.b.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 1);
  EXPECT_TRUE(net.a.events.aborted.empty());
  EXPECT_TRUE(net.b.events.aborted.empty());
}

TEST(Handshake, Section5_1_ResponderKeepsNoStateBeforeValidCookieEcho) {
  Network net(3);
  net.a_to_b.set_filter([](std::span<const uint8_t> p, uint64_t) {
    return first_chunk_is(p, kCookieEcho);  // every COOKIE ECHO is lost
  });
  net.a.socket().connect();
  net.run_for(DurationMs(30));  // INIT answered by INIT ACK
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kInitAck), 1);
  EXPECT_EQ(net.b.socket().state(), SocketState::kClosed);
  net.run_for(DurationMs(5000));
  EXPECT_EQ(net.b.socket().state(), SocketState::kClosed);
  EXPECT_EQ(net.loop.pending() > 0, true);  // a keeps retransmitting
}

TEST(Handshake, Section3_3_2_StreamCountsNegotiatedAsMinimumEachWay) {
  SocketOptions ao;
  ao.announced_outbound_streams = 10;
  ao.announced_inbound_streams = 20;
  SocketOptions bo;
  bo.announced_outbound_streams = 5;
  bo.announced_inbound_streams = 7;
  Network net(4, ao, bo);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.socket().metrics().negotiated_outbound_streams, 7);
  EXPECT_EQ(net.a.socket().metrics().negotiated_inbound_streams, 5);
  EXPECT_EQ(net.b.socket().metrics().negotiated_outbound_streams, 5);
  EXPECT_EQ(net.b.socket().metrics().negotiated_inbound_streams, 7);
}

TEST(Handshake, Rfc5061_ExtensionsNegotiatedThroughSupportedExtensions) {
  SocketOptions ao;
  ao.enable_message_interleaving = true;
  ao.enable_zero_checksum = true;
  SocketOptions bo;
  bo.enable_message_interleaving = true;
  bo.enable_stream_reconfiguration = false;
  Network net(5, ao, bo);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  for (Endpoint* e : {&net.a, &net.b}) {
    const Metrics m = e->socket().metrics();
    EXPECT_TRUE(m.uses_partial_reliability) << e->name();
    EXPECT_FALSE(m.uses_stream_reconfiguration) << e->name();
    EXPECT_TRUE(m.uses_message_interleaving) << e->name();
  }
  // RFC 9653: per direction. a accepts zero checksums, so b may send them;
  // b does not, so a must not.
  EXPECT_FALSE(net.a.socket().metrics().uses_zero_checksum);
  EXPECT_TRUE(net.b.socket().metrics().uses_zero_checksum);
}

class HandshakeLoss : public ::testing::TestWithParam<uint8_t> {};

TEST_P(HandshakeLoss, Section5_1_EachHandshakePacketLostOnceIsRetransmitted) {
  const uint8_t lost = GetParam();
  Network net(6);
  const auto filter = drop_nth_with_first_chunk(lost, 0);
  if (lost == kInit || lost == kCookieEcho) {
    net.a_to_b.set_filter(filter);
  } else {
    net.b_to_a.set_filter(filter);
  }
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(10000)));
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 1);
  EXPECT_EQ(net.a_to_b.dropped() + net.b_to_a.dropped(), 1u);
  // One T1 timeout (RTO.Initial = 1 s) at most.
  EXPECT_LE(net.loop.now().ms, 1100);
}

INSTANTIATE_TEST_SUITE_P(EveryHandshakeChunk, HandshakeLoss,
                         ::testing::Values(kInit, kInitAck, kCookieEcho, kCookieAck));

TEST(Handshake, Section5_1_T1InitGivesUpAfterMaxInitRetransmits) {
  SocketOptions o;
  o.max_init_retransmits = 3;
  Network net(7, o);
  net.a_to_b.set_blackhole(true);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(120000)));
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kInit), 4);  // 1 + 3 retransmissions
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.aborted[0].first, ErrorKind::kTooManyRetries);
  // Backoff 1 + 2 + 4 + 8 s.
  EXPECT_EQ(net.loop.now().ms, 15000);
}

TEST(Handshake, Section5_1_T1CookieGivesUpAfterMaxInitRetransmits) {
  SocketOptions o;
  o.max_init_retransmits = 2;
  Network net(8, o);
  net.a_to_b.set_filter(
      [](std::span<const uint8_t> p, uint64_t) { return first_chunk_is(p, kCookieEcho); });
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(120000)));
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kCookieEcho), 3);
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.aborted[0].first, ErrorKind::kTooManyRetries);
}

TEST(Handshake, Section5_2_1_SimultaneousOpenAlwaysWorks) {
  // Both ends connect at once, as gst-plugins-bad's elements always do:
  // many seeds, delays and start offsets, some with loss and reordering.
  int runs = 0;
  for (uint64_t seed = 100; seed < 160; ++seed) {
    for (int64_t delay : {0, 1, 7, 50}) {
      LinkConfig link;
      link.delay = DurationMs(delay);
      link.jitter = DurationMs(seed % 3 == 0 ? delay : 0);
      link.loss_rate = seed % 4 == 0 ? 0.2 : 0.0;
      Network net(seed, SocketOptions{}, SocketOptions{}, link, link);
      net.a.socket().connect();
      const auto offset = DurationMs(int64_t(seed % 5) * delay / 4);
      net.loop.schedule(offset, [&] { net.b.socket().connect(); });
      ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(60000)))
          << "seed " << seed << " delay " << delay << " a=" << to_string(net.a.socket().state())
          << " b=" << to_string(net.b.socket().state());
      EXPECT_EQ(net.a.events.connected, 1) << "seed " << seed;
      EXPECT_EQ(net.b.events.connected, 1) << "seed " << seed;
      // The association is usable: both agree, and it stays up.
      net.run_for(DurationMs(100000));
      EXPECT_TRUE(net.both_connected()) << "seed " << seed << " delay " << delay;
      EXPECT_TRUE(net.a.events.aborted.empty()) << "seed " << seed;
      EXPECT_TRUE(net.b.events.aborted.empty()) << "seed " << seed;
      ++runs;
    }
  }
  EXPECT_EQ(runs, 240);
}

TEST(Handshake, Section5_2_1_ConnectWhileAnsweringPeerInit) {
  // b answers a's INIT statelessly, then connects itself before the COOKIE
  // ECHO arrives: tags differ, the collision rules must still converge.
  Network net(9);
  net.a.socket().connect();
  net.loop.schedule(DurationMs(15), [&] { net.b.socket().connect(); });
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(10000)));
  net.run_for(DurationMs(100000));
  EXPECT_TRUE(net.both_connected());
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 1);
}

TEST(Handshake, Section5_2_6_StaleCookieIsReportedAndTheRetryWithPreservativeSucceeds) {
  SocketOptions o;
  o.valid_cookie_life = DurationMs(150);
  LinkConfig slow;
  slow.delay = DurationMs(100);  // the cookie comes back 200 ms after it was made
  Network net(10, o, o, slow, slow);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(10000)));
  // b answered the first COOKIE ECHO with an ERROR (Stale Cookie), a sent a
  // second INIT (with a Cookie Preservative) and the second cookie was fresh.
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kError), 1);
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kInit), 2);
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kCookieEcho), 2);
  EXPECT_EQ(net.a.events.connected, 1);
}

// Section 5.2.4 step 3: a COOKIE ECHO whose tags both match the existing
// association is valid however old (action D). b is established since the
// first COOKIE ECHO, but its COOKIE ACKs are lost for longer than the
// cookie's life: a's late retransmission must get a COOKIE ACK, not a Stale
// Cookie error that would start a new handshake (found by the data matrix at
// 30 % loss, where the handshake never finished).
TEST(Handshake, Section5_2_4_StepD_OldCookieOfTheExistingAssociationIsStillAcked) {
  Network net(11);
  net.b_to_a.set_filter([&](std::span<const uint8_t> packet, uint64_t) {
    return first_chunk_is(packet, kCookieAck) && net.loop.now() < TimeMs{100000};
  });
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(300000)));
  EXPECT_GT(net.loop.now(), TimeMs{100000});
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kError), 0);
  EXPECT_EQ(count_first_chunk(net.a.sent_packets, kInit), 1);
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 1);
  EXPECT_EQ(net.b.events.restarted, 0);
}

TEST(Handshake, Section5_2_4_CaseA_PeerRestartIsDetected) {
  Network net(11);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  // b loses all its state and connects again: a sees an unexpected INIT
  // (5.2.2), then a COOKIE ECHO whose tie-tags match (5.2.4 case A).
  net.b.restart(SocketOptions{});
  net.b.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.events.restarted, 1);
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.connected, 2);  // once per socket instance
  net.run_for(DurationMs(100000));
  EXPECT_TRUE(net.both_connected());
  EXPECT_TRUE(net.a.events.aborted.empty());
}

TEST(Handshake, Section5_2_2_UnexpectedInitLeavesTheAssociationAsItIs) {
  Network net(12);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  // A restarted b whose COOKIE ECHO is lost: a answered the INIT but must
  // not have changed anything.
  net.a_to_b.set_blackhole(false);
  net.b_to_a.set_filter(
      [](std::span<const uint8_t> p, uint64_t) { return first_chunk_is(p, kCookieEcho); });
  net.b.restart(SocketOptions{});
  net.b.socket().connect();
  net.run_for(DurationMs(100));
  EXPECT_EQ(net.a.socket().state(), SocketState::kConnected);
  EXPECT_EQ(net.a.events.restarted, 0);
}

}  // namespace
}  // namespace sctp::scenario
