// FORWARD TSN (RFC 3758 section 3.2) and I-FORWARD TSN (RFC 8260 section 2.3).
#include <gtest/gtest.h>

#include "chunk_test_util.h"
#include "packet/chunks/forward_tsn_chunk.h"
#include "packet/chunks/iforward_tsn_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

const Bytes kForwardTsn = {
    0xC0, 0x00, 0x00, 0x10,  // type 192, length 16
    0x00, 0x00, 0x30, 0x39,  // new cumulative TSN 12345
    0x00, 0x01, 0x00, 0x0A,  // stream 1, SSN 10
    0x00, 0x02, 0xFF, 0xFF,  // stream 2, SSN 65535
};

TEST(ForwardTsnChunk, ParsesGoldenBytes) {
  auto chunk = ForwardTsnChunk::parse(raw_of(kForwardTsn));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->new_cumulative_tsn, Tsn(12345));
  ASSERT_EQ(chunk->skipped_streams.size(), 2u);
  EXPECT_EQ(chunk->skipped_streams[0].stream_id, StreamId(1));
  EXPECT_EQ(chunk->skipped_streams[0].ssn, Ssn(10));
  EXPECT_EQ(chunk->skipped_streams[1].stream_id, StreamId(2));
  EXPECT_EQ(chunk->skipped_streams[1].ssn, Ssn(65535));
}

TEST(ForwardTsnChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(
      ForwardTsnChunk{Tsn(12345), {{StreamId(1), Ssn(10)}, {StreamId(2), Ssn(65535)}}},
      kForwardTsn);
  // Without streams: only unordered data was abandoned.
  expect_golden_round_trip(ForwardTsnChunk{Tsn(7), {}}, {0xC0, 0, 0, 8, 0, 0, 0, 7});
  expect_flags_ignored<ForwardTsnChunk>(kForwardTsn, 0xFF);
}

TEST(ForwardTsnChunk, RejectsMalformed) {
  expect_all_rejected<ForwardTsnChunk>({
      {"no value", {0xC0, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"TSN cut", {0xC0, 0, 0, 7, 0, 0, 1, 0}, ParseErrorCode::kLengthTooShort},
      {"half a stream entry",
       {0xC0, 0, 0, 10, 0, 0, 0, 1, 0, 1, 0, 0},
       ParseErrorCode::kMisaligned},
      {"one and a half entries",
       {0xC0, 0, 0, 14, 0, 0, 0, 1, 0, 1, 0, 1, 0, 2, 0, 0},
       ParseErrorCode::kMisaligned},
      {"I-FORWARD TSN type", with_type(kForwardTsn, 0xC2), ParseErrorCode::kWrongType},
  });
}

const Bytes kIForwardTsn = {
    0xC2, 0x00, 0x00, 0x18,  // type 194, length 24
    0xFF, 0xFF, 0xFF, 0xF0,  // new cumulative TSN
    0x00, 0x03, 0x00, 0x01,  // stream 3, U set
    0x00, 0x00, 0x00, 0x2A,  // MID 42
    0x00, 0x04, 0x00, 0x00,  // stream 4, ordered
    0x80, 0x00, 0x00, 0x00,  // MID 2^31
};

TEST(IForwardTsnChunk, ParsesGoldenBytes) {
  auto chunk = IForwardTsnChunk::parse(raw_of(kIForwardTsn));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->new_cumulative_tsn, Tsn(0xFFFFFFF0));
  ASSERT_EQ(chunk->skipped_streams.size(), 2u);
  EXPECT_EQ(chunk->skipped_streams[0].stream_id, StreamId(3));
  EXPECT_TRUE(chunk->skipped_streams[0].unordered);
  EXPECT_EQ(chunk->skipped_streams[0].mid, Mid(42));
  EXPECT_EQ(chunk->skipped_streams[1].stream_id, StreamId(4));
  EXPECT_FALSE(chunk->skipped_streams[1].unordered);
  EXPECT_EQ(chunk->skipped_streams[1].mid, Mid(0x80000000));
}

TEST(IForwardTsnChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(
      IForwardTsnChunk{Tsn(0xFFFFFFF0),
                       {{StreamId(3), true, Mid(42)}, {StreamId(4), false, Mid(0x80000000)}}},
      kIForwardTsn);
  expect_golden_round_trip(IForwardTsnChunk{Tsn(1), {}}, {0xC2, 0, 0, 8, 0, 0, 0, 1});
}

TEST(IForwardTsnChunk, IgnoresReservedBitsAndWritesThemAsZero) {
  Bytes noisy = kIForwardTsn;
  noisy[1] = 0xFF;   // chunk flags
  noisy[10] = 0xFF;  // reserved bits of the first entry (U kept)
  noisy[11] = 0xFF;
  noisy[18] = 0x12;  // reserved bits of the second entry (U clear)
  noisy[19] = 0x34;
  auto chunk = IForwardTsnChunk::parse(raw_of(noisy));
  ASSERT_TRUE(chunk);
  EXPECT_TRUE(chunk->skipped_streams[0].unordered);
  EXPECT_FALSE(chunk->skipped_streams[1].unordered);
  EXPECT_EQ(serialized(*chunk), kIForwardTsn);
}

TEST(IForwardTsnChunk, RejectsMalformed) {
  expect_all_rejected<IForwardTsnChunk>({
      {"no value", {0xC2, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"TSN cut", {0xC2, 0, 0, 6, 0, 0, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"a FORWARD TSN-sized entry",
       {0xC2, 0, 0, 12, 0, 0, 0, 1, 0, 1, 0, 0},
       ParseErrorCode::kMisaligned},
      {"one and a half entries",
       {0xC2, 0, 0, 20, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0},
       ParseErrorCode::kMisaligned},
      {"FORWARD TSN type", with_type(kIForwardTsn, 0xC0), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
