// The socket keeps at most SocketOptions::max_outstanding_chunks (default
// 512) TSNs above the peer's Cumulative TSN Ack, however large cwnd and
// a_rwnd are.
// A usrsctp receiver holds at most 512 chunks behind a gap and silently drops
// the DATA above them; with more outstanding, one lost packet turned into
// hundreds lost unreported and T3-rtx expiries (core-transfer-bench
// --message-size 100 --loss 0.01 --mode ours-usrsctp: 4636 chunks
// retransmitted for 58 packets lost).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "packet/chunks/data_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "raw_peer.h"

namespace sctp::testing {
namespace {

// The highest TSN of DATA in `packet`, if it carries any.
std::optional<Tsn> highest_data_tsn(const SentPacket& packet) {
  std::optional<Tsn> highest;
  for (const RawChunk& c : packet.view()) {
    if (c.type != uint8_t(ChunkType::kData)) continue;
    auto data = DataChunk::parse(c);
    EXPECT_TRUE(data);
    if (data && (!highest || data->tsn > *highest)) highest = data->tsn;
  }
  return highest;
}

// With `options`, the TSNs above the cumulative ack grow to exactly
// options.max_outstanding_chunks and never beyond.
void expect_outstanding_capped(const SocketOptions& options) {
  RawPeer peer(options);
  InitChunk init = peer.make_init();
  init.a_rwnd = 4 * 1024 * 1024;  // never the limit here

  // 10000 small messages, one DATA chunk each: 1 MB, far more chunks than
  // the limit once cwnd has grown. Queued before the association is up, so
  // packets go out full.
  const std::vector<uint8_t> payload(100, 0x5a);
  for (int i = 0; i < 10000; ++i)
    ASSERT_EQ(peer.socket().send(StreamId(1), payload, {}), SendStatus::kSuccess);
  const VerificationTag tag = peer.establish_as_initiator(init);

  // Acknowledge packet by packet, in order, until cwnd covers the limit in
  // 100-byte chunks (slow start, RFC 9260 7.2.1); then lose the next TSN for
  // good and gap-ack everything after it, as a receiver waiting for it would.
  // Gap acks take chunks out of the flight, so cwnd lets new data go while
  // the TSNs above the cumulative ack pile up: only the limit stops them.
  const size_t kLimit = options.max_outstanding_chunks;
  std::deque<Tsn> unacked;  // highest TSN of each DATA packet not yet acked
  size_t next_packet = 0;
  auto collect = [&] {
    for (; next_packet < peer.sent.size(); ++next_packet)
      if (auto tsn = highest_data_tsn(peer.sent[next_packet])) unacked.push_back(*tsn);
  };
  collect();
  ASSERT_FALSE(unacked.empty());
  std::optional<Tsn> lost;  // cum ack stays just below it from then on
  Tsn highest_sent = unacked.back();
  size_t most_outstanding = 0;
  int sacks = 0;
  while (!unacked.empty() && sacks < 20000) {
    const Tsn acked = unacked.front();
    unacked.pop_front();
    if (lost && acked <= *lost) continue;  // its fast retransmission is lost too
    SackChunk sack;
    sack.a_rwnd = init.a_rwnd;
    if (!lost && peer.socket().metrics().cwnd >= kLimit * payload.size()) {
      lost = acked.next();  // the first TSN not yet acknowledged
    }
    if (!lost) {
      sack.cumulative_tsn_ack = acked;
    } else {
      sack.cumulative_tsn_ack = lost->prev();
      sack.gap_ack_blocks = {{2, static_cast<uint16_t>(acked.value() - lost->prev().value())}};
    }
    peer.deliver(tag, sack);
    ++sacks;
    collect();
    if (!unacked.empty() && unacked.back() > highest_sent) highest_sent = unacked.back();
    const size_t outstanding = highest_sent.value() - sack.cumulative_tsn_ack.value();
    most_outstanding = std::max(most_outstanding, outstanding);
    ASSERT_LE(outstanding, kLimit) << "after SACK " << sacks;
  }
  ASSERT_TRUE(lost.has_value()) << "cwnd never grew to " << kLimit * payload.size();
  // The sender filled the limit and stopped there with data still queued.
  EXPECT_EQ(most_outstanding, kLimit);
  EXPECT_GT(peer.socket().total_buffered_amount(), 0u);
}

TEST(OutstandingChunks, AtMostTheUsrsctpReceiveQueueAboveTheCumulativeAck) {
  const SocketOptions defaults;
  ASSERT_EQ(defaults.max_outstanding_chunks, 512u);  // usrsctp's sctp_max_chunks_on_queue
  expect_outstanding_capped(defaults);
}

TEST(OutstandingChunks, RaisedForPeersWithoutThatLimit) {
  SocketOptions options;
  options.max_outstanding_chunks = 900;
  expect_outstanding_capped(options);
}

}  // namespace
}  // namespace sctp::testing
