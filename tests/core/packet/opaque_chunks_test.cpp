// COOKIE ECHO, PAD and AUTH: chunks that carry bytes the parser keeps as views.
#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"
#include "packet/chunks/auth_chunk.h"
#include "packet/chunks/cookie_echo_chunk.h"
#include "packet/chunks/pad_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

// RFC 9260 section 3.3.11: Type 10, Length, Cookie (5 bytes + 3 padding).
const Bytes kCookieEcho = {0x0A, 0x00, 0x00, 0x09, 'c', 'o', 'o', 'k', 'y', 0x00, 0x00, 0x00};
const std::array<uint8_t, 5> kCookie = {'c', 'o', 'o', 'k', 'y'};

TEST(CookieEchoChunk, ParsesGoldenBytesAsAViewIntoThePacket) {
  auto chunk = CookieEchoChunk::parse(raw_of(kCookieEcho));
  ASSERT_TRUE(chunk);
  ASSERT_EQ(chunk->cookie.size(), 5u);
  EXPECT_EQ(chunk->cookie.data(), kCookieEcho.data() + 4);  // zero copy
  EXPECT_EQ(chunk->length(), 9u);
}

TEST(CookieEchoChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(CookieEchoChunk{kCookie}, kCookieEcho);
  expect_flags_ignored<CookieEchoChunk>(kCookieEcho, 0xFF);
}

TEST(CookieEchoChunk, EmptyCookieParsesForTheSocketToReject) {
  const Bytes empty = {0x0A, 0x00, 0x00, 0x04};
  auto chunk = CookieEchoChunk::parse(raw_of(empty));
  ASSERT_TRUE(chunk);
  EXPECT_TRUE(chunk->cookie.empty());
  expect_golden_round_trip(CookieEchoChunk{}, empty);
}

TEST(CookieEchoChunk, RejectsWrongType) {
  expect_all_rejected<CookieEchoChunk>({
      {"COOKIE ACK type", with_type(kCookieEcho, 11), ParseErrorCode::kWrongType},
      {"INIT ACK type", with_type(kCookieEcho, 2), ParseErrorCode::kWrongType},
  });
}

// RFC 4820 section 3: Type 0x84, Flags 0, Length, Padding Data.
const Bytes kPad = {0x84, 0x00, 0x00, 0x0A, 0, 0, 0, 0, 0, 0, 0x00, 0x00};

TEST(PadChunk, GoldenBytesRoundTrip) {
  auto chunk = PadChunk::parse(raw_of(kPad));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->padding.size(), 6u);
  EXPECT_EQ(chunk->padding.data(), kPad.data() + 4);
  const std::array<uint8_t, 6> zeros{};
  expect_golden_round_trip(PadChunk{zeros}, kPad);
}

TEST(PadChunk, KeepsNonZeroPaddingDataAndEmptyPad) {
  // RFC 4820 section 3: the receiver ignores the content; we keep it.
  const Bytes noisy = {0x84, 0x00, 0x00, 0x08, 1, 2, 3, 4};
  auto chunk = PadChunk::parse(raw_of(noisy));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(serialized(*chunk), noisy);
  const Bytes empty = {0x84, 0x00, 0x00, 0x04};
  expect_golden_round_trip(PadChunk{}, empty);
}

TEST(PadChunk, RejectsWrongType) {
  expect_all_rejected<PadChunk>({
      {"RE-CONFIG type", with_type(kPad, 0x82), ParseErrorCode::kWrongType},
      {"unknown 0x85", with_type(kPad, 0x85), ParseErrorCode::kWrongType},
  });
}

// RFC 4895 section 4.1: Type 0x0F, Flags 0, Length, Shared Key Identifier,
// HMAC Identifier, HMAC. Here key 1, HMAC-SHA-1 (id 1) with a 20-byte HMAC.
const Bytes kAuth = {
    0x0F, 0x00, 0x00, 0x1C,  // type 15, length 28
    0x00, 0x01, 0x00, 0x01,  // shared key id 1, HMAC id 1 (SHA-1)
    0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9,
    0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB2, 0xB3,
};

TEST(AuthChunk, ParsesGoldenBytes) {
  auto chunk = AuthChunk::parse(raw_of(kAuth));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->shared_key_id, 1);
  EXPECT_EQ(chunk->hmac_id, 1);
  ASSERT_EQ(chunk->hmac.size(), 20u);
  EXPECT_EQ(chunk->hmac.data(), kAuth.data() + AuthChunk::kHmacOffset);
  EXPECT_EQ(chunk->hmac[19], 0xB3);
}

TEST(AuthChunk, SerializesToGoldenBytesAndRoundTrips) {
  const Bytes hmac(kAuth.begin() + 8, kAuth.end());
  expect_golden_round_trip(AuthChunk{1, 1, hmac}, kAuth);
}

TEST(AuthChunk, PadsAnOddHmacAndAcceptsAnEmptyOne) {
  const std::array<uint8_t, 3> hmac = {1, 2, 3};
  expect_golden_round_trip(AuthChunk{0x1234, 3, hmac},
                           {0x0F, 0, 0, 11, 0x12, 0x34, 0, 3, 1, 2, 3, 0});
  expect_golden_round_trip(AuthChunk{7, 1, {}}, {0x0F, 0, 0, 8, 0, 7, 0, 1});
}

TEST(AuthChunk, RejectsMalformed) {
  expect_all_rejected<AuthChunk>({
      {"no value", {0x0F, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"key id only", {0x0F, 0, 0, 6, 0, 1, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"HMAC id cut", {0x0F, 0, 0, 7, 0, 1, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"ASCONF type", with_type(kAuth, 0xC1), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
