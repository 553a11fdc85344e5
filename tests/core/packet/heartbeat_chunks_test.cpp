// HEARTBEAT and HEARTBEAT ACK (RFC 9260 sections 3.3.5 and 3.3.6).
#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"
#include "packet/chunks/heartbeat_ack_chunk.h"
#include "packet/chunks/heartbeat_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

// Type 4, Length 14; Heartbeat Info parameter (type 1, length 10) with six
// opaque bytes, then two bytes of padding (parameter and chunk alike).
const Bytes kHeartbeat = {
    0x04, 0x00, 0x00, 0x0E,  // HEARTBEAT, length 14
    0x00, 0x01, 0x00, 0x0A,  // Heartbeat Info, length 10
    0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x00, 0x00,
};
const std::array<uint8_t, 6> kInfo = {0x10, 0x20, 0x30, 0x40, 0x50, 0x60};

Bytes heartbeat_ack_golden() {
  return with_type(kHeartbeat, 5);
}

TEST(HeartbeatChunk, ParsesGoldenBytes) {
  auto chunk = HeartbeatChunk::parse(raw_of(kHeartbeat));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->info.info.size(), 6u);
  EXPECT_EQ(chunk->info.info.data(), kHeartbeat.data() + 8);  // zero copy
  EXPECT_EQ(chunk->length(), 14u);
}

TEST(HeartbeatChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(HeartbeatChunk{HeartbeatInfoParameter{kInfo}}, kHeartbeat);
  expect_flags_ignored<HeartbeatChunk>(kHeartbeat, 0xFF);
}

TEST(HeartbeatChunk, AcceptsAParameterWhosePaddingIsCountedInTheChunkLength) {
  // Length 16 includes the parameter's two padding bytes: also well formed.
  Bytes padded_length = kHeartbeat;
  padded_length[3] = 0x10;
  auto chunk = HeartbeatChunk::parse(raw_of(padded_length));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->info.info.size(), 6u);
  // We write the RFC 9260 section 3.2 form: the length excludes the padding.
  EXPECT_EQ(serialized(*chunk), kHeartbeat);
}

TEST(HeartbeatChunk, RejectsMalformed) {
  expect_all_rejected<HeartbeatChunk>({
      {"no parameter", {0x04, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"3 bytes of parameter header", {0x04, 0, 0, 7, 0, 1, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"parameter length 3", {0x04, 0, 0, 8, 0, 1, 0, 3}, ParseErrorCode::kLengthTooShort},
      {"parameter length past the chunk",
       {0x04, 0, 0, 12, 0, 1, 0, 12, 1, 2, 3, 4},
       ParseErrorCode::kLengthTooLong},
      {"another parameter type",
       {0x04, 0, 0, 12, 0, 7, 0, 8, 1, 2, 3, 4},
       ParseErrorCode::kInvalidValue},
      {"a second parameter",
       {0x04, 0, 0, 16, 0, 1, 0, 8, 1, 2, 3, 4, 0, 1, 0, 4},
       ParseErrorCode::kTooMany},
      {"trailing bytes after the parameter",
       {0x04, 0, 0, 14, 0, 1, 0, 8, 1, 2, 3, 4, 9, 9, 0, 0},
       ParseErrorCode::kTruncated},
      {"HEARTBEAT ACK type", heartbeat_ack_golden(), ParseErrorCode::kWrongType},
  });
}

TEST(HeartbeatAckChunk, GoldenBytesRoundTrip) {
  const Bytes golden = heartbeat_ack_golden();
  auto chunk = HeartbeatAckChunk::parse(raw_of(golden));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->info.info.size(), 6u);
  EXPECT_EQ(chunk->info.info[5], 0x60);
  expect_golden_round_trip(HeartbeatAckChunk{HeartbeatInfoParameter{kInfo}}, golden);
}

TEST(HeartbeatAckChunk, EchoesWhatAHeartbeatCarried) {
  auto request = HeartbeatChunk::parse(raw_of(kHeartbeat));
  ASSERT_TRUE(request);
  EXPECT_EQ(serialized(HeartbeatAckChunk{request->info}), heartbeat_ack_golden());
}

TEST(HeartbeatAckChunk, RejectsMalformed) {
  expect_all_rejected<HeartbeatAckChunk>({
      {"no parameter", {0x05, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"parameter length 2", {0x05, 0, 0, 8, 0, 1, 0, 2}, ParseErrorCode::kLengthTooShort},
      {"parameter length past the chunk",
       {0x05, 0, 0, 8, 0, 1, 0, 9},
       ParseErrorCode::kLengthTooLong},
      {"another parameter type", {0x05, 0, 0, 8, 0x80, 0x00, 0, 4}, ParseErrorCode::kInvalidValue},
      {"a second parameter", {0x05, 0, 0, 12, 0, 1, 0, 4, 0, 1, 0, 4}, ParseErrorCode::kTooMany},
      {"HEARTBEAT type", kHeartbeat, ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
