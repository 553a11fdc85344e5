// Interop with usrsctp (the stack inside gst-plugins-bad, Firefox and
// formerly Chrome), in process over AF_CONN: each side as initiator, both at
// once, graceful shutdown and abort in each direction.
#include <gtest/gtest.h>

#include "usrsctp_peer.h"

namespace sctp::interop {
namespace {

using std::chrono::milliseconds;
constexpr milliseconds kTimeout{3000};

void expect_connected(Bridge& bridge) {
  ASSERT_TRUE(bridge.run_until(
      [&](const UsrsctpEvents& e) { return e.comm_up && bridge.connected == 1; }, kTimeout))
      << "ours: " << to_string(bridge.socket().state());
  EXPECT_EQ(bridge.socket().state(), SocketState::kConnected);
}

TEST(UsrsctpInterop, Section5_1_OurSocketInitiatesUsrsctpResponds) {
  Bridge bridge;
  bridge.usrsctp_listen();
  bridge.socket().connect();
  expect_connected(bridge);
}

TEST(UsrsctpInterop, Section5_1_UsrsctpInitiatesOurSocketResponds) {
  Bridge bridge;
  bridge.usrsctp_connect();
  expect_connected(bridge);
}

TEST(UsrsctpInterop, Section5_2_1_BothConnectAtOnce) {
  // What two gst-plugins-bad elements (or one and ours) do every time.
  for (int i = 0; i < 3; ++i) {
    Bridge bridge;
    bridge.usrsctp_connect();
    bridge.socket().connect();
    expect_connected(bridge);
  }
}

TEST(UsrsctpInterop, Section9_2_OurShutdownIsCompletedByUsrsctp) {
  Bridge bridge;
  bridge.usrsctp_connect();
  expect_connected(bridge);
  bridge.socket().shutdown();
  ASSERT_TRUE(bridge.run_until(
      [&](const UsrsctpEvents& e) { return e.shutdown_complete && bridge.closed == 1; }, kTimeout));
  EXPECT_EQ(bridge.socket().state(), SocketState::kClosed);
  EXPECT_TRUE(bridge.aborted.empty());
}

TEST(UsrsctpInterop, Section9_2_UsrsctpShutdownIsCompletedByOurSocket) {
  Bridge bridge;
  bridge.usrsctp_listen();
  bridge.socket().connect();
  expect_connected(bridge);
  bridge.usrsctp_shutdown();
  ASSERT_TRUE(bridge.run_until(
      [&](const UsrsctpEvents& e) { return e.shutdown_complete && bridge.closed == 1; }, kTimeout));
  EXPECT_EQ(bridge.socket().state(), SocketState::kClosed);
  EXPECT_TRUE(bridge.aborted.empty());
}

TEST(UsrsctpInterop, Section9_1_OurAbortReachesUsrsctp) {
  Bridge bridge;
  bridge.usrsctp_connect();
  expect_connected(bridge);
  bridge.socket().abort("test over");
  ASSERT_TRUE(bridge.run_until([&](const UsrsctpEvents& e) { return e.comm_lost; }, kTimeout));
}

TEST(UsrsctpInterop, Section9_1_UsrsctpAbortReachesOurSocket) {
  Bridge bridge;
  bridge.usrsctp_connect();
  expect_connected(bridge);
  bridge.usrsctp_abort();
  ASSERT_TRUE(
      bridge.run_until([&](const UsrsctpEvents&) { return !bridge.aborted.empty(); }, kTimeout));
  EXPECT_EQ(bridge.aborted[0].first, ErrorKind::kPeerReported);
  EXPECT_EQ(bridge.socket().state(), SocketState::kClosed);
}

}  // namespace
}  // namespace sctp::interop
