// SHUTDOWN, SHUTDOWN ACK, COOKIE ACK, SHUTDOWN COMPLETE, ECNE and CWR: the
// chunks whose RFC figure fixes the Length field.
#include <gtest/gtest.h>

#include "chunk_test_util.h"
#include "packet/chunks/cookie_ack_chunk.h"
#include "packet/chunks/cwr_chunk.h"
#include "packet/chunks/ecne_chunk.h"
#include "packet/chunks/shutdown_ack_chunk.h"
#include "packet/chunks/shutdown_chunk.h"
#include "packet/chunks/shutdown_complete_chunk.h"

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

// RFC 9260 section 3.3.8: Type 7, Length 8, Cumulative TSN Ack.
const Bytes kShutdown = {0x07, 0x00, 0x00, 0x08, 0x89, 0xAB, 0xCD, 0xEF};

TEST(ShutdownChunk, ParsesGoldenBytes) {
  auto chunk = ShutdownChunk::parse(raw_of(kShutdown));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->cumulative_tsn_ack, Tsn(0x89ABCDEF));
  EXPECT_EQ(chunk->length(), 8u);
}

TEST(ShutdownChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(ShutdownChunk{Tsn(0x89ABCDEF)}, kShutdown);
}

TEST(ShutdownChunk, IgnoresReservedFlagsOnReceiveAndWritesZero) {
  const Bytes chunk_bytes = with_flags(kShutdown, 0xFF);
  auto chunk = ShutdownChunk::parse(raw_of(chunk_bytes));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(serialized(*chunk), kShutdown);
}

TEST(ShutdownChunk, RejectsMalformed) {
  expect_all_rejected<ShutdownChunk>({
      {"no value", {0x07, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"length 7", {0x07, 0, 0, 7, 1, 2, 3, 0}, ParseErrorCode::kLengthTooShort},
      {"length 9", {0x07, 0, 0, 9, 1, 2, 3, 4, 5, 0, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"length 12", {0x07, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8}, ParseErrorCode::kLengthTooLong},
      {"SHUTDOWN ACK type", with_type(kShutdown, 8), ParseErrorCode::kWrongType},
      {"CWR type", with_type(kShutdown, 13), ParseErrorCode::kWrongType},
  });
}

// RFC 9260 section 3.3.9: Type 8, Length 4.
const Bytes kShutdownAck = {0x08, 0x00, 0x00, 0x04};

TEST(ShutdownAckChunk, GoldenBytesRoundTrip) {
  auto chunk = ShutdownAckChunk::parse(raw_of(kShutdownAck));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->length(), 4u);
  expect_golden_round_trip(ShutdownAckChunk{}, kShutdownAck);
  expect_flags_ignored<ShutdownAckChunk>(kShutdownAck, 0xFF);
}

TEST(ShutdownAckChunk, RejectsMalformed) {
  expect_all_rejected<ShutdownAckChunk>({
      {"length 5", {0x08, 0, 0, 5, 1, 0, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"length 8", {0x08, 0, 0, 8, 1, 2, 3, 4}, ParseErrorCode::kLengthTooLong},
      {"SHUTDOWN type", with_type(kShutdownAck, 7), ParseErrorCode::kWrongType},
      {"COOKIE ACK type", with_type(kShutdownAck, 11), ParseErrorCode::kWrongType},
  });
}

// RFC 9260 section 3.3.12: Type 11, Length 4.
const Bytes kCookieAck = {0x0B, 0x00, 0x00, 0x04};

TEST(CookieAckChunk, GoldenBytesRoundTrip) {
  auto chunk = CookieAckChunk::parse(raw_of(kCookieAck));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->length(), 4u);
  expect_golden_round_trip(CookieAckChunk{}, kCookieAck);
  expect_flags_ignored<CookieAckChunk>(kCookieAck, 0x81);
}

TEST(CookieAckChunk, RejectsMalformed) {
  expect_all_rejected<CookieAckChunk>({
      {"length 6", {0x0B, 0, 0, 6, 1, 2, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"length 8", {0x0B, 0, 0, 8, 1, 2, 3, 4}, ParseErrorCode::kLengthTooLong},
      {"COOKIE ECHO type", with_type(kCookieAck, 10), ParseErrorCode::kWrongType},
  });
}

// RFC 9260 section 3.3.13: Type 14, Reserved + T bit, Length 4.
const Bytes kShutdownCompleteT = {0x0E, 0x01, 0x00, 0x04};
const Bytes kShutdownComplete = {0x0E, 0x00, 0x00, 0x04};

TEST(ShutdownCompleteChunk, ParsesTheTBit) {
  auto reflected = ShutdownCompleteChunk::parse(raw_of(kShutdownCompleteT));
  ASSERT_TRUE(reflected);
  EXPECT_TRUE(reflected->tag_reflected);
  auto own = ShutdownCompleteChunk::parse(raw_of(kShutdownComplete));
  ASSERT_TRUE(own);
  EXPECT_FALSE(own->tag_reflected);
  // The reserved bits next to T are ignored; T alone is written back.
  const Bytes noisy_bytes = with_flags(kShutdownComplete, 0xFE);
  auto noisy = ShutdownCompleteChunk::parse(raw_of(noisy_bytes));
  ASSERT_TRUE(noisy);
  EXPECT_FALSE(noisy->tag_reflected);
  EXPECT_EQ(serialized(*noisy), kShutdownComplete);
  const Bytes noisy_t_bytes = with_flags(kShutdownComplete, 0xFF);
  auto noisy_t = ShutdownCompleteChunk::parse(raw_of(noisy_t_bytes));
  ASSERT_TRUE(noisy_t);
  EXPECT_EQ(serialized(*noisy_t), kShutdownCompleteT);
}

TEST(ShutdownCompleteChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(ShutdownCompleteChunk{true}, kShutdownCompleteT);
  expect_golden_round_trip(ShutdownCompleteChunk{false}, kShutdownComplete);
}

TEST(ShutdownCompleteChunk, RejectsMalformed) {
  expect_all_rejected<ShutdownCompleteChunk>({
      {"length 5", {0x0E, 1, 0, 5, 9, 0, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"length 8", {0x0E, 0, 0, 8, 0, 0, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"ABORT type", with_type(kShutdownCompleteT, 6), ParseErrorCode::kWrongType},
  });
}

// RFC 9260 appendix A: ECNE, Type 12, Length 8, Lowest TSN Number.
const Bytes kEcne = {0x0C, 0x00, 0x00, 0x08, 0x00, 0x00, 0x10, 0x01};

TEST(EcneChunk, GoldenBytesRoundTrip) {
  auto chunk = EcneChunk::parse(raw_of(kEcne));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->lowest_tsn, Tsn(0x1001));
  expect_golden_round_trip(EcneChunk{Tsn(0x1001)}, kEcne);
  expect_flags_ignored<EcneChunk>(kEcne, 0xFF);
}

TEST(EcneChunk, RejectsMalformed) {
  expect_all_rejected<EcneChunk>({
      {"no value", {0x0C, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"length 6", {0x0C, 0, 0, 6, 1, 2, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"length 12", {0x0C, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8}, ParseErrorCode::kLengthTooLong},
      {"CWR type", with_type(kEcne, 13), ParseErrorCode::kWrongType},
  });
}

// RFC 9260 appendix A: CWR, Type 13, Length 8, Lowest TSN Number.
const Bytes kCwr = {0x0D, 0x00, 0x00, 0x08, 0xFF, 0xFF, 0xFF, 0xFE};

TEST(CwrChunk, GoldenBytesRoundTrip) {
  auto chunk = CwrChunk::parse(raw_of(kCwr));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->lowest_tsn, Tsn(0xFFFFFFFE));
  expect_golden_round_trip(CwrChunk{Tsn(0xFFFFFFFE)}, kCwr);
  expect_flags_ignored<CwrChunk>(kCwr, 0x01);
}

TEST(CwrChunk, RejectsMalformed) {
  expect_all_rejected<CwrChunk>({
      {"no value", {0x0D, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"length 7", {0x0D, 0, 0, 7, 1, 2, 3, 0}, ParseErrorCode::kLengthTooShort},
      {"length 10", {0x0D, 0, 0, 10, 1, 2, 3, 4, 5, 6, 0, 0}, ParseErrorCode::kLengthTooLong},
      {"ECNE type", with_type(kCwr, 12), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
