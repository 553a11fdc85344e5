// Interop with usrsctp (the stack inside gst-plugins-bad, Firefox and
// formerly Chrome), in process over AF_CONN: each side as initiator, both at
// once, graceful shutdown and abort in each direction.
#include <gtest/gtest.h>

#include <algorithm>

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

std::vector<uint8_t> pattern(size_t size, uint8_t seed) {
  std::vector<uint8_t> v(size);
  for (size_t i = 0; i < size; ++i)
    v[i] = uint8_t(seed + i * 13);
  return v;
}

const std::vector<size_t> kSizes = {1, 500, 1200, 5000, 70000};

TEST(UsrsctpInterop, Section6_MessagesFromOurSocketReachUsrsctp) {
  Bridge bridge;
  bridge.usrsctp_listen();
  bridge.socket().connect();
  expect_connected(bridge);
  for (size_t i = 0; i < kSizes.size(); ++i) {
    SendOptions o;
    o.ppid = Ppid(51);
    ASSERT_EQ(bridge.socket().send(StreamId(uint16_t(i)), pattern(kSizes[i], uint8_t(i)), o),
              SendStatus::kSuccess);
  }
  std::vector<UsrsctpMessage> got;
  ASSERT_TRUE(bridge.run_until(
      [&](const UsrsctpEvents& e) {
        if (e.messages.size() < kSizes.size()) return false;
        got = e.messages;
        return true;
      },
      kTimeout));
  // Different streams: usrsctp may deliver them in any order.
  for (size_t i = 0; i < kSizes.size(); ++i) {
    const auto it = std::find_if(got.begin(), got.end(),
                                 [&](const UsrsctpMessage& m) { return m.stream == i; });
    ASSERT_NE(it, got.end()) << "message " << i;
    EXPECT_EQ(it->ppid, 51u);
    EXPECT_FALSE(it->unordered);
    EXPECT_EQ(it->payload, pattern(kSizes[i], uint8_t(i))) << "message " << i;
  }
}

TEST(UsrsctpInterop, Section6_MessagesFromUsrsctpReachOurSocket) {
  Bridge bridge;
  bridge.usrsctp_connect();
  expect_connected(bridge);
  for (size_t i = 0; i < kSizes.size(); ++i) {
    ASSERT_TRUE(bridge.usrsctp_send(3, 53, pattern(kSizes[i], uint8_t(i))));
  }
  ASSERT_TRUE(bridge.run_until(
      [&](const UsrsctpEvents&) { return bridge.messages.size() == kSizes.size(); }, kTimeout));
  for (size_t i = 0; i < kSizes.size(); ++i) {
    EXPECT_EQ(bridge.messages[i].stream_id, StreamId(3));
    EXPECT_EQ(bridge.messages[i].ppid, Ppid(53));
    EXPECT_EQ(bridge.messages[i].payload, pattern(kSizes[i], uint8_t(i))) << "message " << i;
  }
}

}  // namespace
}  // namespace sctp::interop
