// Path supervision over the simulated link (RFC 9260 sections 8.1, 8.3 and
// 6.3.1).
#include <gtest/gtest.h>

#include "packet/chunk_type.h"
#include "scenario_network.h"

namespace sctp::scenario {
namespace {

constexpr uint8_t kHeartbeat = uint8_t(ChunkType::kHeartbeat);
constexpr uint8_t kHeartbeatAck = uint8_t(ChunkType::kHeartbeatAck);

int count_first_chunk(const std::vector<std::vector<uint8_t>>& packets, uint8_t type) {
  int n = 0;
  for (const auto& p : packets)
    n += first_chunk_is(p, type) ? 1 : 0;
  return n;
}

TEST(Heartbeat, Section8_3_IdleAssociationSendsAndAnswersHeartbeats) {
  SocketOptions o;
  o.heartbeat_interval = DurationMs(1000);
  Network net(40, o);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  net.run_for(DurationMs(20000));
  // Every HB.interval + RTO (+/- RTO/2): about 20 s / 1.4 s on each side.
  const int a_hb = count_first_chunk(net.a.sent_packets, kHeartbeat);
  EXPECT_GE(a_hb, 10);
  EXPECT_LE(a_hb, 20);
  EXPECT_EQ(count_first_chunk(net.b.sent_packets, kHeartbeatAck),
            count_first_chunk(net.a.sent_packets, kHeartbeat));
  EXPECT_TRUE(net.both_connected());
}

TEST(Heartbeat, Section6_3_1_RttEstimateFromHeartbeatsTracksAChangedLinkDelay) {
  SocketOptions o;
  o.heartbeat_interval = DurationMs(500);
  o.rto_min = DurationMs(10);
  LinkConfig link;
  link.delay = DurationMs(20);
  Network net(41, o, o, link, link);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  net.run_for(DurationMs(30000));
  EXPECT_NEAR(double(net.a.socket().metrics().srtt.count()), 40.0, 2.0);
  link.delay = DurationMs(150);
  net.a_to_b.set_config(link);
  net.b_to_a.set_config(link);
  net.run_for(DurationMs(60000));
  const Metrics m = net.a.socket().metrics();
  EXPECT_NEAR(double(m.srtt.count()), 300.0, 10.0);
  EXPECT_GE(m.rto.count(), 300);
  EXPECT_TRUE(net.both_connected());
}

TEST(Heartbeat, Section8_1_SilentPeerFailsTheAssociationWithinTheConfiguredBound) {
  SocketOptions o;
  o.heartbeat_interval = DurationMs(1000);
  o.max_association_retransmits = 4;
  o.rto_min = DurationMs(100);
  o.rto_max = DurationMs(1000);
  Network net(42, o);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  const TimeMs silent_at = net.loop.now();
  net.b_to_a.set_blackhole(true);
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(60000)));
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.aborted[0].first, ErrorKind::kTooManyRetries);
  // Max.Retrans + 1 unanswered HEARTBEATs, each at most HB.interval + 1.5 RTO
  // apart and detected one RTO later.
  const int64_t bound = (4 + 1) * (1000 + 1500) + 1000;
  EXPECT_LE((net.loop.now() - silent_at).count(), bound);
}

TEST(Heartbeat, Section8_3_AForgedHeartbeatAckDoesNotCount) {
  // A heartbeat ACK carrying an info we never sent (wrong nonce) must not
  // reset the error counter: with every real ACK replaced, the association
  // still fails.
  SocketOptions o;
  o.heartbeat_interval = DurationMs(1000);
  o.max_association_retransmits = 2;
  Network net(43, o);
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(1000)));
  net.b_to_a.set_filter(
      [](std::span<const uint8_t> p, uint64_t) { return first_chunk_is(p, kHeartbeatAck); });
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(60000)));
  EXPECT_EQ(net.a.events.aborted.size(), 1u);
}

}  // namespace
}  // namespace sctp::scenario
