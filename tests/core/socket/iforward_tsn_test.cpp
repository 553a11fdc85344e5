// RFC 8260 section 2.3: with both PR-SCTP and I-DATA negotiated, abandoned
// messages are skipped with I-FORWARD-TSN (stream, U bit, MID entries), never
// FORWARD-TSN; and a receiver skips the messages an I-FORWARD-TSN names.
#include <gtest/gtest.h>

#include "packet/chunks/forward_tsn_chunk.h"
#include "packet/chunks/idata_chunk.h"
#include "packet/chunks/iforward_tsn_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "packet/parameters/forward_tsn_supported_parameter.h"
#include "packet/parameters/supported_extensions_parameter.h"
#include "raw_peer.h"

namespace sctp::testing {
namespace {

constexpr uint8_t kIForwardTsnType = uint8_t(ChunkType::kIForwardTsn);
constexpr uint8_t kForwardTsnType = uint8_t(ChunkType::kForwardTsn);

SocketOptions interleaving_options() {
  SocketOptions options;
  options.enable_message_interleaving = true;
  options.enable_partial_reliability = true;
  return options;
}

// An INIT announcing PR-SCTP and I-DATA with I-FORWARD-TSN (RFC 8260 2.3).
InitChunk init_with_idata_and_pr(const RawPeer& peer) {
  InitChunk init = peer.make_init();
  SupportedExtensionsParameter ext;
  ext.chunk_types = {uint8_t(ChunkType::kForwardTsn), uint8_t(ChunkType::kIData),
                     uint8_t(ChunkType::kIForwardTsn)};
  init.parameters.emplace_back(std::move(ext));
  init.parameters.emplace_back(ForwardTsnSupportedParameter{});
  return init;
}

IDataChunk idata(uint32_t tsn, uint16_t stream, uint32_t mid, bool beginning, bool ending,
                 const std::vector<uint8_t>& payload, bool unordered = false) {
  IDataChunk c;
  c.tsn = Tsn(tsn);
  c.stream_id = StreamId(stream);
  c.mid = Mid(mid);
  c.fsn = Fsn(0);
  c.ppid = Ppid(53);
  c.unordered = unordered;
  c.beginning = beginning;
  c.ending = ending;
  c.immediate_sack = true;
  c.payload = payload;
  return c;
}

TEST(IForwardTsn, Rfc8260_2_3_1_AbandonedMessageIsSkippedWithIForwardTsnNotForwardTsn) {
  RawPeer peer(interleaving_options());
  const VerificationTag tag = peer.establish_as_initiator(init_with_idata_and_pr(peer));
  ASSERT_TRUE(peer.socket().metrics().uses_message_interleaving);
  ASSERT_TRUE(peer.socket().metrics().uses_partial_reliability);

  // An ordered and an unordered message, each sent once (RFC 7496 RTX
  // policy, no retransmission), then lost.
  SendOptions once;
  once.max_retransmissions = 0;
  SendOptions once_unordered = once;
  once_unordered.unordered = true;
  const std::vector<uint8_t> payload(100, 0x11);
  ASSERT_EQ(peer.socket().send(StreamId(2), payload, once), SendStatus::kSuccess);
  ASSERT_EQ(peer.socket().send(StreamId(5), payload, once_unordered), SendStatus::kSuccess);
  const size_t before = peer.sent.size();
  peer.advance(DurationMs(60'000));  // T3 fires: both are abandoned

  std::optional<IForwardTsnChunk> fwd;
  bool forward_tsn_sent = false;
  for (size_t i = before; i < peer.sent.size(); ++i) {
    for (const RawChunk& c : peer.sent[i].view()) {
      if (c.type == kForwardTsnType) forward_tsn_sent = true;
      if (c.type == kIForwardTsnType && !fwd) {
        auto parsed = IForwardTsnChunk::parse(c);
        ASSERT_TRUE(parsed);
        // Copy the entries out: the parsed list views the packet bytes.
        fwd = IForwardTsnChunk{parsed->new_cumulative_tsn, {}};
        for (const auto& s : parsed->skipped_streams)
          fwd->skipped_streams.push_back(s);
      }
    }
  }
  EXPECT_FALSE(forward_tsn_sent);
  ASSERT_TRUE(fwd.has_value());
  // The socket's first TSN is the one after the peer's cumulative ack in
  // the SACK below: both messages (two TSNs) are skipped.
  ASSERT_EQ(fwd->skipped_streams.size(), 2u);
  std::vector<IForwardTsnChunk::SkippedStream> entries(fwd->skipped_streams.begin(),
                                                       fwd->skipped_streams.end());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.stream_id < b.stream_id; });
  EXPECT_EQ(entries[0], (IForwardTsnChunk::SkippedStream{StreamId(2), false, Mid(0)}));
  EXPECT_EQ(entries[1], (IForwardTsnChunk::SkippedStream{StreamId(5), true, Mid(0)}));
  (void)tag;
}

TEST(IForwardTsn, Rfc8260_2_3_1_ReceiverSkipsTheAbandonedMessageAndDeliversTheNext) {
  RawPeer peer(interleaving_options());
  const VerificationTag tag = peer.establish_as_initiator(init_with_idata_and_pr(peer));
  ASSERT_TRUE(peer.socket().metrics().uses_message_interleaving);
  const uint32_t first = RawPeer::kPeerInitialTsn;
  const std::vector<uint8_t> part = {1, 2, 3};
  const std::vector<uint8_t> whole = {7, 8, 9};

  // MID 0 on stream 1: only its first fragment arrives; the sender gives
  // it up. MID 1 arrives complete but must wait behind MID 0 (ordered).
  peer.deliver(tag, idata(first, 1, 0, true, false, part));
  peer.deliver(tag, idata(first + 2, 1, 1, true, true, whole));
  EXPECT_TRUE(peer.messages.empty());

  IForwardTsnChunk fwd;
  fwd.new_cumulative_tsn = Tsn(first + 1);  // TSN first+1 (MID 0's rest) abandoned
  fwd.skipped_streams.push_back({StreamId(1), false, Mid(0)});
  const size_t before = peer.sent.size();
  peer.deliver(tag, fwd);

  ASSERT_EQ(peer.messages.size(), 1u);
  EXPECT_EQ(peer.messages[0].stream_id, StreamId(1));
  EXPECT_EQ(peer.messages[0].payload, whole);
  EXPECT_TRUE(peer.aborted.empty());
  peer.advance(DurationMs(1000));  // the delayed SACK, if not sent at once
  // The SACK now acknowledges everything up to MID 1's TSN.
  std::optional<Tsn> cum;
  for (size_t i = before; i < peer.sent.size(); ++i) {
    for (const RawChunk& c : peer.sent[i].view()) {
      if (c.type != uint8_t(ChunkType::kSack)) continue;
      auto sack = SackChunk::parse(c);
      ASSERT_TRUE(sack);
      cum = sack->cumulative_tsn_ack;
    }
  }
  ASSERT_TRUE(cum.has_value());
  EXPECT_EQ(*cum, Tsn(first + 2));
}

TEST(IForwardTsn, Rfc8260_2_3_UnorderedEntryDropsThePartialMessageOnly) {
  RawPeer peer(interleaving_options());
  const VerificationTag tag = peer.establish_as_initiator(init_with_idata_and_pr(peer));
  const uint32_t first = RawPeer::kPeerInitialTsn;
  const std::vector<uint8_t> part = {1, 2, 3};
  const std::vector<uint8_t> whole = {4, 5};
  peer.deliver(tag, idata(first, 3, 0, true, false, part, /*unordered=*/true));
  IForwardTsnChunk fwd;
  fwd.new_cumulative_tsn = Tsn(first + 1);
  fwd.skipped_streams.push_back({StreamId(3), true, Mid(0)});
  peer.deliver(tag, fwd);
  EXPECT_TRUE(peer.messages.empty());
  EXPECT_EQ(peer.socket().metrics().receive_buffered_bytes, 0u);
  // A late fragment of the skipped message is stale; the next one delivers.
  peer.deliver(tag, idata(first + 1, 3, 0, false, true, part, true));
  peer.deliver(tag, idata(first + 2, 3, 1, true, true, whole, true));
  ASSERT_EQ(peer.messages.size(), 1u);
  EXPECT_EQ(peer.messages[0].payload, whole);
  EXPECT_TRUE(peer.messages[0].unordered);
}

TEST(IForwardTsn, Rfc8260_2_3_WithoutIDataTheChunkIsUnrecognized) {
  // Only PR-SCTP negotiated: I-FORWARD-TSN (type 194, upper bits 11: skip
  // and report) is answered with an Unrecognized Chunk Type ERROR.
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  IForwardTsnChunk fwd;
  fwd.new_cumulative_tsn = Tsn(RawPeer::kPeerInitialTsn);
  const size_t before = peer.sent.size();
  peer.deliver(tag, fwd);
  ASSERT_GT(peer.sent.size(), before);
  EXPECT_EQ(peer.sent.back().types(), std::vector<uint8_t>{uint8_t(ChunkType::kError)});
}

}  // namespace
}  // namespace sctp::testing
