#include "packet/chunks/sack_chunk.h"

#include <gtest/gtest.h>

#include "chunk_test_util.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_flags;
using test::with_type;

// RFC 9260 section 3.3.4 layout: two gap blocks, one duplicate TSN.
const Bytes kGolden = {
    0x03, 0x00, 0x00, 0x1C,  // type 3, flags 0, length 28
    0x00, 0x00, 0x01, 0x00,  // cumulative TSN ack 256
    0x00, 0x01, 0x00, 0x00,  // a_rwnd 65536
    0x00, 0x02, 0x00, 0x01,  // N = 2 gap blocks, M = 1 duplicate
    0x00, 0x02, 0x00, 0x03,  // gap 1: +2 .. +3
    0x00, 0x05, 0x00, 0x05,  // gap 2: +5 .. +5
    0x00, 0x00, 0x00, 0xF0,  // duplicate TSN 240
};

SackChunk golden_chunk() {
  return SackChunk{Tsn(256), 65536, {{2, 3}, {5, 5}}, {Tsn(240)}};
}

TEST(SackChunk, ParsesGoldenBytes) {
  auto chunk = SackChunk::parse(raw_of(kGolden));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->cumulative_tsn_ack, Tsn(256));
  EXPECT_EQ(chunk->a_rwnd, 65536u);
  ASSERT_EQ(chunk->gap_ack_blocks.size(), 2u);
  EXPECT_EQ(chunk->gap_ack_blocks[0], (SackChunk::GapAckBlock{2, 3}));
  EXPECT_EQ(chunk->gap_ack_blocks[1], (SackChunk::GapAckBlock{5, 5}));
  ASSERT_EQ(chunk->duplicate_tsns.size(), 1u);
  EXPECT_EQ(chunk->duplicate_tsns[0], Tsn(240));
  EXPECT_EQ(chunk->length(), 28u);
}

TEST(SackChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(golden_chunk(), kGolden);
}

TEST(SackChunk, WithoutGapsOrDuplicatesIsSixteenBytes) {
  const Bytes bare = {0x03, 0x00, 0x00, 0x10, 0xFF, 0xFF, 0xFF, 0xFF,
                      0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00};
  expect_golden_round_trip(SackChunk{Tsn(0xFFFFFFFF), 0x2000, {}, {}}, bare);
}

TEST(SackChunk, DuplicatesOnly) {
  const Bytes dups = {0x03, 0x00, 0x00, 0x18, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x01,
                      0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08};
  expect_golden_round_trip(SackChunk{Tsn(9), 1, {}, {Tsn(7), Tsn(8)}}, dups);
}

TEST(SackChunk, IgnoresReservedFlags) {
  const Bytes chunk_bytes = with_flags(kGolden, 0xFF);
  auto chunk = SackChunk::parse(raw_of(chunk_bytes));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(serialized(*chunk), kGolden);
}

TEST(SackChunk, RejectsMalformed) {
  expect_all_rejected<SackChunk>({
      {"no value", {0x03, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"fixed part cut at 11 bytes",
       {0x03, 0, 0, 15, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"list not a multiple of 4",
       {0x03, 0, 0, 18, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0},
       ParseErrorCode::kMisaligned},
      {"one gap block announced, none present",
       {0x03, 0, 0, 16, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0},
       ParseErrorCode::kInconsistent},
      {"one duplicate announced, none present",
       {0x03, 0, 0, 16, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1},
       ParseErrorCode::kInconsistent},
      {"a block present, none announced",
       {0x03, 0, 0, 20, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 3},
       ParseErrorCode::kInconsistent},
      {"counts at their 16-bit maximum",
       {0x03, 0, 0, 20, 0, 0, 1, 0, 0, 1, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 2, 0, 3},
       ParseErrorCode::kInconsistent},
      {"golden with one gap block fewer announced",
       [] {
         Bytes b = kGolden;
         b[13] = 0x01;
         return b;
       }(),
       ParseErrorCode::kInconsistent},
      {"DATA type", with_type(kGolden, 0), ParseErrorCode::kWrongType},
      {"SHUTDOWN type", with_type(kGolden, 7), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp

namespace sctp {
namespace {

// Parsing does not copy the lists: they are views into the chunk bytes, and
// a SACK as large as a chunk can be (16 379 entries) parses the same way.
TEST(SackChunk, ParsedListsViewTheChunkAndReadEveryEntry) {
  const size_t gaps = 10000;
  const size_t dups = 6379;  // 16 + 4 * 16379 = 65532 bytes, the most that fits
  Bytes b = {0x03,
             0,
             0,
             0,
             0,
             0,
             0,
             9,
             0,
             0,
             0x10,
             0,
             uint8_t(gaps >> 8),
             uint8_t(gaps),
             uint8_t(dups >> 8),
             uint8_t(dups)};
  for (size_t i = 0; i < gaps; ++i) {
    b.insert(b.end(), {uint8_t(i >> 8), uint8_t(i), uint8_t((i + 1) >> 8), uint8_t(i + 1)});
  }
  for (size_t i = 0; i < dups; ++i)
    b.insert(b.end(), {0, 0, uint8_t(i >> 8), uint8_t(i)});
  b[2] = uint8_t(b.size() >> 8);
  b[3] = uint8_t(b.size());
  auto chunk = SackChunk::parse(test::raw_of(b));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->gap_ack_blocks.size(), gaps);
  ASSERT_EQ(chunk->duplicate_tsns.size(), dups);
  EXPECT_EQ(chunk->gap_ack_blocks[0], (SackChunk::GapAckBlock{0, 1}));
  EXPECT_EQ(chunk->gap_ack_blocks[gaps - 1], (SackChunk::GapAckBlock{9999, 10000}));
  EXPECT_EQ(chunk->duplicate_tsns[dups - 1], Tsn(uint32_t(dups - 1)));
  size_t counted = 0;
  for (const SackChunk::GapAckBlock& g : chunk->gap_ack_blocks) {
    EXPECT_EQ(g.end, g.start + 1);
    ++counted;
  }
  EXPECT_EQ(counted, gaps);
  Bytes out(chunk->length());
  ByteWriter writer(out);
  chunk->serialize(writer);
  EXPECT_FALSE(writer.overflowed());
  EXPECT_EQ(out, b);
}

TEST(SackChunk, AppendingToAParsedListCopiesItFirst) {
  auto parsed = SackChunk::parse(test::raw_of(kGolden));
  ASSERT_TRUE(parsed);
  SackChunk edited = *parsed;
  edited.gap_ack_blocks.push_back({8, 9});
  EXPECT_EQ(edited.gap_ack_blocks.size(), 3u);
  EXPECT_EQ(edited.gap_ack_blocks[0], (SackChunk::GapAckBlock{2, 3}));
  EXPECT_EQ(edited.gap_ack_blocks[2], (SackChunk::GapAckBlock{8, 9}));
  EXPECT_EQ(parsed->gap_ack_blocks.size(), 2u);  // the view is untouched
  edited.gap_ack_blocks.clear();
  EXPECT_TRUE(edited.gap_ack_blocks.empty());
}

}  // namespace
}  // namespace sctp
