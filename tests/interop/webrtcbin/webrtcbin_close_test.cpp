// Closing a data channel under webrtcbin with our sctpenc/sctpdec: webrtcbin
// closes a channel by releasing its sctpenc sink pad, which must reset the
// outgoing stream (RFC 6525 5.1.2 / RFC 8831 6.7); the peer's sctpdec then
// removes its src pad and the peer's webrtcbin closes its side of the
// channel. A pre-negotiated channel closed before it carried any data is
// covered too: the peer's sctpdec adds and removes the pad, as
// gst-plugins-bad's does, since pad removal is all webrtcbin listens to.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "standard_session.h"

namespace webrtcbin_interop {
namespace {

using std::chrono::seconds;

constexpr seconds kCloseTimeout{10};

const ChannelPair& find(const std::vector<ChannelPair>& channels, const std::string& label) {
  for (const ChannelPair& channel : channels) {
    if (channel.spec.label == label) return channel;
  }
  ADD_FAILURE() << "no channel " << label;
  return channels.front();
}

// Closes `label` from one side and expects CLOSED and on-close on both.
void expect_close_seen_on_both_sides(const std::vector<ChannelPair>& channels,
                                     const std::string& label, Side closer) {
  const ChannelPair& channel = find(channels, label);
  ChannelRecorder* local = closer == Side::kOfferer ? channel.offerer : channel.answerer;
  ChannelRecorder* remote = closer == Side::kOfferer ? channel.answerer : channel.offerer;
  gst_webrtc_data_channel_close(local->channel());
  EXPECT_TRUE(local->wait_closed(kCloseTimeout))
      << label << ": not closed on the side that closed it within 10 s";
  EXPECT_TRUE(remote->wait_closed(kCloseTimeout))
      << label << ": not closed on the peer within 10 s";
}

TEST(WebrtcbinInteropClose, ClosingAChannelOnOneSideClosesItOnBoth) {
  gst_init(nullptr, nullptr);
  PeerPair pair;
  std::vector<ChannelPair> channels;
  std::string error;
  ASSERT_TRUE(open_standard_session(pair, &channels, &error)) << error;

  expect_close_seen_on_both_sides(channels, "reliable-ordered", Side::kOfferer);
  expect_close_seen_on_both_sides(channels, "from-answerer", Side::kAnswerer);
  expect_close_seen_on_both_sides(channels, "pre-negotiated", Side::kAnswerer);

  // The other channels are untouched and still carry messages both ways.
  const ChannelPair& open = find(channels, "reliable-unordered");
  const Message to_answerer{MessageKind::kString, "still open, to answerer"};
  const Message to_offerer{MessageKind::kBinary, "still open, to offerer"};
  ASSERT_TRUE(open.offerer->send(to_answerer, &error)) << error;
  ASSERT_TRUE(open.answerer->send(to_offerer, &error)) << error;
  EXPECT_TRUE(open.answerer->wait_received(1, kCloseTimeout));
  EXPECT_TRUE(open.offerer->wait_received(1, kCloseTimeout));
  {
    auto lock = pair.monitor().lock();
    EXPECT_TRUE(open.answerer->received() == std::vector<Message>{to_answerer});
    EXPECT_TRUE(open.offerer->received() == std::vector<Message>{to_offerer});
    EXPECT_EQ(open.offerer->close_signals() + open.answerer->close_signals(), 0);
  }

  for (const std::string& bus_error : pair.bus_errors())
    ADD_FAILURE() << bus_error;
  EXPECT_TRUE(pair.stop(seconds(10), &error)) << error;
}

}  // namespace
}  // namespace webrtcbin_interop
