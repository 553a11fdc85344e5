// Graceful shutdown and abort over the simulated link (RFC 9260 sections
// 9.1 and 9.2).
#include <gtest/gtest.h>

#include "packet/chunk_type.h"
#include "scenario_network.h"

namespace sctp::scenario {
namespace {

constexpr uint8_t kShutdown = uint8_t(ChunkType::kShutdown);
constexpr uint8_t kShutdownAck = uint8_t(ChunkType::kShutdownAck);
constexpr uint8_t kShutdownComplete = uint8_t(ChunkType::kShutdownComplete);

void connect(Network& net) {
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(10000)));
}

TEST(Shutdown, Section9_2_GracefulShutdownInitiatedByA) {
  Network net(20);
  connect(net);
  net.a.socket().shutdown();
  EXPECT_EQ(net.a.socket().state(), SocketState::kShuttingDown);
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.events.closed, 1);
  EXPECT_EQ(net.b.events.closed, 1);
  EXPECT_TRUE(net.a.events.aborted.empty());
  EXPECT_TRUE(net.b.events.aborted.empty());
  EXPECT_TRUE(first_chunk_is(net.a.sent_packets.back(), kShutdownComplete));
}

TEST(Shutdown, Section9_2_GracefulShutdownInitiatedByB) {
  Network net(21);
  connect(net);
  net.b.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(1000)));
  EXPECT_EQ(net.a.events.closed, 1);
  EXPECT_EQ(net.b.events.closed, 1);
}

TEST(Shutdown, Section9_2_BothSidesShutDownAtOnce) {
  Network net(22);
  connect(net);
  net.a.socket().shutdown();
  net.b.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(10000)));
  EXPECT_EQ(net.a.events.closed, 1);
  EXPECT_EQ(net.b.events.closed, 1);
  EXPECT_TRUE(net.a.events.aborted.empty());
  EXPECT_TRUE(net.b.events.aborted.empty());
}

class ShutdownLoss : public ::testing::TestWithParam<uint8_t> {};

TEST_P(ShutdownLoss, Section9_2_T2ShutdownRecoversFromALostShutdownChunk) {
  const uint8_t lost = GetParam();
  Network net(23);
  connect(net);
  const auto filter = drop_nth_with_first_chunk(lost, 0);
  // a shuts down: a sends SHUTDOWN and SHUTDOWN COMPLETE, b the SHUTDOWN ACK.
  (lost == kShutdownAck ? net.b_to_a : net.a_to_b).set_filter(filter);
  net.a.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(10000)));
  EXPECT_EQ(net.a.events.closed, 1);
  EXPECT_EQ(net.b.events.closed, 1);
  EXPECT_TRUE(net.a.events.aborted.empty());
  EXPECT_TRUE(net.b.events.aborted.empty());
}

INSTANTIATE_TEST_SUITE_P(EveryShutdownChunk, ShutdownLoss,
                         ::testing::Values(kShutdown, kShutdownAck, kShutdownComplete));

TEST(Shutdown, Section9_2_ShutdownToASilentPeerEndsWithinTheGuard) {
  SocketOptions o;
  o.rto_max = DurationMs(2000);         // T5 = 5 * RTO.Max = 10 s
  o.max_association_retransmits = 100;  // so that T5, not the error count, ends it
  Network net(24, o);
  connect(net);
  net.a_to_b.set_blackhole(true);
  net.a.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(20000)));
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.aborted[0].first, ErrorKind::kTooManyRetries);
  EXPECT_NE(net.a.events.aborted[0].second.find("T5"), std::string::npos);
  EXPECT_LE(net.loop.now().ms, 10000 + 100);
}

TEST(Shutdown, ShutdownDuringHandshakeHappensOnceEstablished) {
  Network net(25);
  net.a.socket().connect();
  net.a.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.both_closed() && net.a.events.closed == 1; },
                            DurationMs(10000)));
  EXPECT_EQ(net.a.events.connected, 1);
  EXPECT_EQ(net.b.events.closed, 1);
}

TEST(Abort, Section9_1_UserAbortReachesThePeerWithItsReason) {
  Network net(30);
  connect(net);
  net.a.socket().abort("going away");
  EXPECT_EQ(net.a.socket().state(), SocketState::kClosed);
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(1000)));
  ASSERT_EQ(net.b.events.aborted.size(), 1u);
  EXPECT_EQ(net.b.events.aborted[0].first, ErrorKind::kPeerReported);
  EXPECT_NE(net.b.events.aborted[0].second.find("User-Initiated Abort"), std::string::npos)
      << net.b.events.aborted[0].second;
  EXPECT_NE(net.b.events.aborted[0].second.find("going away"), std::string::npos);
  // The aborting side reports it too (the association is gone).
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.closed, 0);
}

TEST(Abort, Section9_1_AbortFromBReachesA) {
  Network net(31);
  connect(net);
  net.b.socket().abort("bye");
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(1000)));
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_NE(net.a.events.aborted[0].second.find("bye"), std::string::npos);
}

TEST(Abort, Section8_5_1_AbortAfterPeerLostStateIsAnsweredAsOotb) {
  // b forgets everything (no restart): a's next HEARTBEAT is out of the blue
  // for b, which answers with ABORT + T bit (8.4 rule 8); a accepts it
  // (8.5.1 B: the T bit with its own tag reflected... its peer's tag).
  Network net(32);
  connect(net);
  net.b.restart(SocketOptions{});
  ASSERT_TRUE(net.run_until([&] { return net.a.socket().state() == SocketState::kClosed; },
                            DurationMs(120000)));
  ASSERT_EQ(net.a.events.aborted.size(), 1u);
  EXPECT_EQ(net.a.events.aborted[0].first, ErrorKind::kPeerReported);
}

}  // namespace
}  // namespace sctp::scenario
