#include "packet/chunks/idata_chunk.h"

#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

// RFC 8260 section 2.1: a first fragment (B set), so the fourth word is the PPID.
const Bytes kFirstFragment = {
    0x40, 0x02, 0x00, 0x17,  // type 64, flags B, length 23
    0x01, 0x02, 0x03, 0x04,  // TSN
    0x00, 0x05, 0x00, 0x00,  // stream 5, reserved
    0x00, 0x00, 0x00, 0x10,  // MID 16
    0x00, 0x00, 0x00, 0x35,  // PPID 53
    'x',  'y',  'z',  0x00,  // user data + 1 byte padding
};
const std::array<uint8_t, 3> kXyz = {'x', 'y', 'z'};

// A middle fragment (neither B nor E), unordered, with the RFC 7053 I bit:
// the fourth word is the FSN.
const Bytes kMiddleFragment = {
    0x40, 0x0C, 0x00, 0x18,  // type 64, flags I|U, length 24
    0xFF, 0xFF, 0xFF, 0xFF,  // TSN
    0xFF, 0xFE, 0x00, 0x00,  // stream 65534, reserved
    0xDE, 0xAD, 0xBE, 0xEF,  // MID
    0x00, 0x00, 0x00, 0x07,  // FSN 7
    0x01, 0x02, 0x03, 0x04,  // user data, no padding needed
};
const std::array<uint8_t, 4> kFour = {1, 2, 3, 4};

TEST(IDataChunk, ParsesAFirstFragmentWithItsPpid) {
  auto chunk = IDataChunk::parse(raw_of(kFirstFragment));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->tsn, Tsn(0x01020304));
  EXPECT_EQ(chunk->stream_id, StreamId(5));
  EXPECT_EQ(chunk->mid, Mid(16));
  EXPECT_EQ(chunk->ppid, Ppid(53));
  EXPECT_EQ(chunk->fsn, Fsn(0));  // implicit for the first fragment
  EXPECT_TRUE(chunk->beginning);
  EXPECT_FALSE(chunk->ending);
  EXPECT_FALSE(chunk->unordered);
  EXPECT_FALSE(chunk->immediate_sack);
  ASSERT_EQ(chunk->payload.size(), 3u);
  EXPECT_EQ(chunk->payload.data(), kFirstFragment.data() + 20);  // zero copy
}

TEST(IDataChunk, ParsesAMiddleFragmentWithItsFsn) {
  auto chunk = IDataChunk::parse(raw_of(kMiddleFragment));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->tsn, Tsn(0xFFFFFFFF));
  EXPECT_EQ(chunk->stream_id, StreamId(65534));
  EXPECT_EQ(chunk->mid, Mid(0xDEADBEEF));
  EXPECT_EQ(chunk->fsn, Fsn(7));
  EXPECT_FALSE(chunk->beginning);
  EXPECT_FALSE(chunk->ending);
  EXPECT_TRUE(chunk->unordered);
  EXPECT_TRUE(chunk->immediate_sack);
  EXPECT_EQ(chunk->payload.size(), 4u);
}

TEST(IDataChunk, SerializesToGoldenBytesAndRoundTrips) {
  IDataChunk first;
  first.tsn = Tsn(0x01020304);
  first.stream_id = StreamId(5);
  first.mid = Mid(16);
  first.ppid = Ppid(53);
  first.beginning = true;
  first.payload = kXyz;
  expect_golden_round_trip(first, kFirstFragment);

  IDataChunk middle;
  middle.tsn = Tsn(0xFFFFFFFF);
  middle.stream_id = StreamId(65534);
  middle.mid = Mid(0xDEADBEEF);
  middle.fsn = Fsn(7);
  middle.ppid = Ppid(99);  // not on the wire without B: neither written nor compared
  middle.unordered = middle.immediate_sack = true;
  middle.payload = kFour;
  expect_golden_round_trip(middle, kMiddleFragment);
}

TEST(IDataChunk, IgnoresReservedBitsAndWritesThemAsZero) {
  Bytes noisy = kFirstFragment;
  noisy[1] = 0xF2;   // reserved flag bits + B
  noisy[10] = 0xAB;  // Reserved field
  noisy[11] = 0xCD;
  auto chunk = IDataChunk::parse(raw_of(noisy));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(serialized(*chunk), kFirstFragment);
}

TEST(IDataChunk, EmptyPayloadParsesForNoUserDataHandling) {
  const Bytes empty = {0x40, 0x03, 0x00, 0x14, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  auto chunk = IDataChunk::parse(raw_of(empty));
  ASSERT_TRUE(chunk);
  EXPECT_TRUE(chunk->payload.empty());
  EXPECT_EQ(serialized(*chunk), empty);
}

TEST(IDataChunk, RejectsMalformed) {
  expect_all_rejected<IDataChunk>({
      {"no value", {0x40, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"DATA-sized fixed part (16 bytes)",
       {0x40, 3, 0, 16, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"fixed part cut at 15 bytes",
       {0x40, 3, 0, 19, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"DATA type", with_type(kFirstFragment, 0), ParseErrorCode::kWrongType},
      {"I-FORWARD TSN type", with_type(kMiddleFragment, 0xC2), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
