// ABORT (RFC 9260 section 3.3.7) and ERROR (section 3.3.10).
#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"
#include "packet/chunks/abort_chunk.h"
#include "packet/chunks/error_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_flags;
using test::with_type;

// T bit set; two causes. The Length (17) counts the first cause's padding
// but not the last one's (RFC 9260 section 3.2).
const Bytes kAbort = {
    0x06, 0x01, 0x00, 0x11,  // ABORT, T, length 17
    0x00, 0x0C, 0x00, 0x07,  // User-Initiated Abort, length 7
    'b',  'y',  'e',  0x00,  //   "bye" + 1 padding byte
    0x00, 0x0D, 0x00, 0x05,  // Protocol Violation, length 5
    'x',  0x00, 0x00, 0x00,  //   "x" + 3 padding bytes
};
const std::array<uint8_t, 3> kBye = {'b', 'y', 'e'};
const std::array<uint8_t, 1> kX = {'x'};

TEST(AbortChunk, ParsesGoldenBytes) {
  auto chunk = AbortChunk::parse(raw_of(kAbort));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_TRUE(chunk->tag_reflected);
  ASSERT_EQ(chunk->causes.size(), 2u);
  const auto* user = std::get_if<UserInitiatedAbortCause>(&chunk->causes[0]);
  ASSERT_NE(user, nullptr);
  ASSERT_EQ(user->reason.size(), 3u);
  EXPECT_EQ(user->reason.data(), kAbort.data() + 8);  // zero copy
  const auto* violation = std::get_if<ProtocolViolationCause>(&chunk->causes[1]);
  ASSERT_NE(violation, nullptr);
  EXPECT_EQ(violation->additional_information.size(), 1u);
  EXPECT_EQ(chunk->length(), 17u);
}

TEST(AbortChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(
      AbortChunk{true, {UserInitiatedAbortCause{kBye}, ProtocolViolationCause{kX}}}, kAbort);
}

TEST(AbortChunk, WithoutCausesAndWithoutTheTBit) {
  const Bytes bare = {0x06, 0x00, 0x00, 0x04};
  auto chunk = AbortChunk::parse(raw_of(bare));
  ASSERT_TRUE(chunk);
  EXPECT_FALSE(chunk->tag_reflected);
  EXPECT_TRUE(chunk->causes.empty());
  expect_golden_round_trip(AbortChunk{}, bare);
}

TEST(AbortChunk, ReservedFlagsAreIgnoredAndTheTBitKept) {
  const Bytes noisy_bytes = with_flags(kAbort, 0xFF);
  auto noisy = AbortChunk::parse(raw_of(noisy_bytes));
  ASSERT_TRUE(noisy);
  EXPECT_TRUE(noisy->tag_reflected);
  EXPECT_EQ(serialized(*noisy), kAbort);
  const Bytes no_t_bytes = with_flags(kAbort, 0xFE);
  auto no_t = AbortChunk::parse(raw_of(no_t_bytes));
  ASSERT_TRUE(no_t);
  EXPECT_FALSE(no_t->tag_reflected);
  EXPECT_EQ(serialized(*no_t), with_flags(kAbort, 0x00));
}

TEST(AbortChunk, KeepsCausesOfUnknownCodes) {
  const Bytes unknown = {0x06, 0x00, 0x00, 0x0A, 0x12, 0x34, 0x00, 0x06, 0xAB, 0xCD, 0x00, 0x00};
  auto chunk = AbortChunk::parse(raw_of(unknown));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->causes.size(), 1u);
  const auto* cause = std::get_if<UnknownErrorCause>(&chunk->causes[0]);
  ASSERT_NE(cause, nullptr);
  EXPECT_EQ(cause->code, 0x1234);
  EXPECT_EQ(serialized(*chunk), unknown);
}

TEST(AbortChunk, RejectsMalformed) {
  expect_all_rejected<AbortChunk>({
      {"cause header cut", {0x06, 0, 0, 6, 0, 12, 0, 0}, ParseErrorCode::kTruncated},
      {"cause length 2", {0x06, 0, 0, 8, 0, 12, 0, 2}, ParseErrorCode::kLengthTooShort},
      {"cause length past the chunk", {0x06, 0, 0, 8, 0, 12, 0, 9}, ParseErrorCode::kLengthTooLong},
      {"Invalid Stream Identifier of 2 bytes",
       {0x06, 0, 0, 10, 0, 1, 0, 6, 0, 7, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"second cause header cut",
       {0x06, 0, 0, 14, 0, 12, 0, 5, 'a', 0, 0, 0, 0, 13, 0, 0},
       ParseErrorCode::kTruncated},
      {"SHUTDOWN COMPLETE type", with_type(kAbort, 14), ParseErrorCode::kWrongType},
      {"ERROR type", with_type(kAbort, 9), ParseErrorCode::kWrongType},
  });
}

const Bytes kError = {
    0x09, 0x00, 0x00, 0x14,  // ERROR, length 20
    0x00, 0x01, 0x00, 0x08,  // Invalid Stream Identifier, length 8
    0x00, 0x07, 0x00, 0x00,  //   stream 7, reserved
    0x00, 0x03, 0x00, 0x08,  // Stale Cookie, length 8
    0x00, 0x00, 0x03, 0xE8,  //   1000 us of staleness
};

TEST(ErrorChunk, ParsesGoldenBytes) {
  auto chunk = ErrorChunk::parse(raw_of(kError));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->causes.size(), 2u);
  const auto* invalid = std::get_if<InvalidStreamIdentifierCause>(&chunk->causes[0]);
  ASSERT_NE(invalid, nullptr);
  EXPECT_EQ(invalid->stream_id, StreamId(7));
  const auto* stale = std::get_if<StaleCookieCause>(&chunk->causes[1]);
  ASSERT_NE(stale, nullptr);
  EXPECT_EQ(stale->staleness_us, 1000u);
}

TEST(ErrorChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(
      ErrorChunk{{InvalidStreamIdentifierCause{StreamId(7)}, StaleCookieCause{1000}}}, kError);
  expect_flags_ignored<ErrorChunk>(kError, 0xFF);
}

TEST(ErrorChunk, ReportsAnUnrecognizedChunkQuotedWhole) {
  // Unrecognized Chunk Type (6) quoting a 5-byte chunk of type 0x7F.
  const Bytes golden = {0x09, 0x00, 0x00, 0x0D, 0x00, 0x06, 0x00, 0x09,
                        0x7F, 0x00, 0x00, 0x05, 0x42, 0x00, 0x00, 0x00};
  auto chunk = ErrorChunk::parse(raw_of(golden));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->causes.size(), 1u);
  const auto* cause = std::get_if<UnrecognizedChunkTypeCause>(&chunk->causes[0]);
  ASSERT_NE(cause, nullptr);
  EXPECT_EQ(cause->chunk_type(), 0x7F);
  const std::array<uint8_t, 5> quoted = {0x7F, 0x00, 0x00, 0x05, 0x42};
  expect_golden_round_trip(ErrorChunk{{UnrecognizedChunkTypeCause{quoted}}}, golden);
}

TEST(ErrorChunk, RejectsMalformed) {
  expect_all_rejected<ErrorChunk>({
      {"no cause (one or more required)", {0x09, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"cause header cut", {0x09, 0, 0, 7, 0, 1, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"cause length 3", {0x09, 0, 0, 8, 0, 1, 0, 3}, ParseErrorCode::kLengthTooShort},
      {"cause length past the chunk",
       {0x09, 0, 0, 12, 0, 1, 0, 12, 0, 7, 0, 0},
       ParseErrorCode::kLengthTooLong},
      {"Stale Cookie of 6 bytes",
       {0x09, 0, 0, 14, 0, 3, 0, 10, 0, 0, 0, 1, 2, 3, 0, 0},
       ParseErrorCode::kLengthTooLong},
      {"trailing bytes too few for a second cause",
       {0x09, 0, 0, 14, 0, 1, 0, 8, 0, 7, 0, 0, 0, 1, 0, 0},
       ParseErrorCode::kTruncated},
      {"ABORT type", with_type(kError, 6), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
