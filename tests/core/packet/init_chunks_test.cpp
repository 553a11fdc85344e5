// INIT (RFC 9260 section 3.3.2) and INIT ACK (section 3.3.3).
#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"
#include "packet/chunks/init_ack_chunk.h"
#include "packet/chunks/init_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_flags;
using test::with_type;

// Fixed fields, then four parameters. The Chunk Length (45) counts the
// padding of every parameter but the last (RFC 9260 section 3.2).
const Bytes kInit = {
    0x01, 0x00, 0x00, 0x2D,  // INIT, length 45
    0xA1, 0xB2, 0xC3, 0xD4,  // Initiate Tag
    0x00, 0x02, 0x00, 0x00,  // a_rwnd 131072
    0x00, 0x0A, 0xFF, 0xFF,  // OS 10, MIS 65535
    0x12, 0x34, 0x56, 0x78,  // Initial TSN
    0x00, 0x05, 0x00, 0x08,  // IPv4 Address, length 8
    0xC0, 0xA8, 0x01, 0x02,  //   192.168.1.2
    0x80, 0x08, 0x00, 0x07,  // Supported Extensions, length 7
    0x82, 0xC0, 0x40, 0x00,  //   RE-CONFIG, FORWARD TSN, I-DATA + 1 padding byte
    0xC0, 0x00, 0x00, 0x04,  // Forward-TSN-Supported
    0x81, 0x23, 0x00, 0x05,  // unknown parameter 0x8123, length 5
    0xEE, 0x00, 0x00, 0x00,  //   one byte + 3 padding bytes (the chunk's padding)
};
const std::array<uint8_t, 1> kUnknownValue = {0xEE};

InitChunk init_golden_chunk() {
  InitChunk chunk;
  chunk.initiate_tag = VerificationTag(0xA1B2C3D4);
  chunk.a_rwnd = 131072;
  chunk.outbound_streams = 10;
  chunk.inbound_streams = 65535;
  chunk.initial_tsn = Tsn(0x12345678);
  chunk.parameters = {
      Ipv4AddressParameter{{192, 168, 1, 2}},
      SupportedExtensionsParameter{{0x82, 0xC0, 0x40}},
      ForwardTsnSupportedParameter{},
      UnknownParameter{0x8123, kUnknownValue, {}},
  };
  return chunk;
}

TEST(InitChunk, ParsesGoldenBytes) {
  auto chunk = InitChunk::parse(raw_of(kInit));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->initiate_tag, VerificationTag(0xA1B2C3D4));
  EXPECT_EQ(chunk->a_rwnd, 131072u);
  EXPECT_EQ(chunk->outbound_streams, 10);
  EXPECT_EQ(chunk->inbound_streams, 65535);
  EXPECT_EQ(chunk->initial_tsn, Tsn(0x12345678));
  ASSERT_EQ(chunk->parameters.size(), 4u);
  const auto* address = chunk->find<Ipv4AddressParameter>();
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->address, (std::array<uint8_t, 4>{192, 168, 1, 2}));
  const auto* extensions = chunk->find<SupportedExtensionsParameter>();
  ASSERT_NE(extensions, nullptr);
  EXPECT_TRUE(extensions->contains(ChunkType::kIData));
  EXPECT_NE(chunk->find<ForwardTsnSupportedParameter>(), nullptr);
  EXPECT_EQ(chunk->find<StateCookieParameter>(), nullptr);
  // The unknown parameter is kept with its type, for the upper-two-bit rules.
  const auto* unknown = std::get_if<UnknownParameter>(&chunk->parameters[3]);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->type, 0x8123);
  EXPECT_EQ(unknown->action(), UnrecognizedParameterAction::kSkip);
  EXPECT_EQ(chunk->length(), 45u);
}

TEST(InitChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(init_golden_chunk(), kInit);
}

TEST(InitChunk, AcceptsALengthThatCountsTheLastParameterPadding) {
  // RFC 9260 section 3.2: "A robust implementation is expected to accept
  // the chunk whether or not the final padding has been included".
  Bytes padded_length = kInit;
  padded_length[3] = 0x30;
  auto chunk = InitChunk::parse(raw_of(padded_length));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(*chunk, init_golden_chunk());
  EXPECT_EQ(serialized(*chunk), kInit);
}

TEST(InitChunk, WithoutParametersIsTwentyBytes) {
  const Bytes bare = {0x01, 0x00, 0x00, 0x14, 0, 0, 0, 1, 0, 0, 0x10, 0, 0, 1, 0, 1, 0, 0, 0, 0};
  InitChunk chunk;
  chunk.initiate_tag = VerificationTag(1);
  chunk.a_rwnd = 0x1000;
  chunk.outbound_streams = 1;
  chunk.inbound_streams = 1;
  chunk.initial_tsn = Tsn(0);
  expect_golden_round_trip(chunk, bare);
}

TEST(InitChunk, ParsingIsStructuralSemanticZeroesAreTheSocketsToJudge) {
  // Initiate Tag 0 (discard silently, RFC 9260 3.3.2) and zero stream counts
  // (ABORT) are decisions of the socket: the parser reports what was sent.
  const Bytes zeroes = {0x01, 0x00, 0x00, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  auto chunk = InitChunk::parse(raw_of(zeroes));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->initiate_tag, VerificationTag(0));
  EXPECT_EQ(chunk->outbound_streams, 0);
  EXPECT_EQ(chunk->inbound_streams, 0);
}

TEST(InitChunk, IgnoresReservedFlags) {
  const Bytes flagged_bytes = with_flags(kInit, 0xFF);
  auto chunk = InitChunk::parse(raw_of(flagged_bytes));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(serialized(*chunk), kInit);
}

// The fixed part followed by `tail`, with the Length field set to cover it.
Bytes init_with_tail(const Bytes& tail, uint8_t type = 0x01) {
  Bytes b = {type, 0, 0, 0, 0xA1, 0xB2, 0xC3, 0xD4, 0, 2, 0, 0, 0, 10, 0, 10, 0, 0, 0, 1};
  // Appended byte by byte: GCC 12's -Warray-bounds misfires on vector::insert here.
  for (uint8_t byte : tail)
    b.push_back(byte);
  b[3] = uint8_t(b.size());
  while (b.size() % 4 != 0)
    b.push_back(0);
  return b;
}

TEST(InitChunk, RejectsMalformed) {
  expect_all_rejected<InitChunk>({
      {"no value", {0x01, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"fixed part cut at 15 bytes",
       {0x01, 0, 0, 19, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"parameter header cut", init_with_tail({0x00, 0x05}), ParseErrorCode::kTruncated},
      {"parameter length 3", init_with_tail({0x00, 0x05, 0x00, 0x03}),
       ParseErrorCode::kLengthTooShort},
      {"parameter length past the chunk", init_with_tail({0x00, 0x05, 0x00, 0x0C, 1, 2, 3, 4}),
       ParseErrorCode::kLengthTooLong},
      {"IPv4 address of 2 bytes", init_with_tail({0x00, 0x05, 0x00, 0x06, 1, 2}),
       ParseErrorCode::kLengthTooShort},
      {"IPv4 address of 8 bytes", init_with_tail({0x00, 0x05, 0x00, 0x0C, 1, 2, 3, 4, 5, 6, 7, 8}),
       ParseErrorCode::kLengthTooLong},
      {"second parameter header cut",
       init_with_tail({0x80, 0x08, 0x00, 0x05, 0x82, 0, 0, 0, 0xC0, 0x00}),
       ParseErrorCode::kTruncated},
      {"INIT ACK type", with_type(kInit, 0x02), ParseErrorCode::kWrongType},
      {"DATA type", with_type(kInit, 0x00), ParseErrorCode::kWrongType},
  });
}

// INIT ACK with a State Cookie (6 bytes, padded since another parameter
// follows) and the ECN Capable parameter last.
const Bytes kInitAck = {
    0x02, 0x00, 0x00, 0x24,  // INIT ACK, length 36
    0x0B, 0xAD, 0xF0, 0x0D,  // Initiate Tag
    0x00, 0x00, 0xFF, 0xFF,  // a_rwnd 65535
    0x04, 0x00, 0x02, 0x00,  // OS 1024, MIS 512
    0x00, 0x00, 0x00, 0x00,  // Initial TSN 0
    0x00, 0x07, 0x00, 0x0A,  // State Cookie, length 10
    0x63, 0x6F, 0x6F, 0x6B,  //   "cook"
    0x69, 0x65, 0x00, 0x00,  //   "ie" + 2 padding bytes
    0x80, 0x00, 0x00, 0x04,  // ECN Capable
};
const std::array<uint8_t, 6> kCookie = {'c', 'o', 'o', 'k', 'i', 'e'};

TEST(InitAckChunk, ParsesGoldenBytes) {
  auto chunk = InitAckChunk::parse(raw_of(kInitAck));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->initiate_tag, VerificationTag(0x0BADF00D));
  EXPECT_EQ(chunk->a_rwnd, 65535u);
  EXPECT_EQ(chunk->outbound_streams, 1024);
  EXPECT_EQ(chunk->inbound_streams, 512);
  EXPECT_EQ(chunk->initial_tsn, Tsn(0));
  ASSERT_EQ(chunk->parameters.size(), 2u);
  const auto* cookie = chunk->find<StateCookieParameter>();
  ASSERT_NE(cookie, nullptr);
  ASSERT_EQ(cookie->cookie.size(), 6u);
  EXPECT_EQ(cookie->cookie.data(), kInitAck.data() + 24);  // zero copy
  EXPECT_NE(chunk->find<EcnCapableParameter>(), nullptr);
}

TEST(InitAckChunk, SerializesToGoldenBytesAndRoundTrips) {
  InitAckChunk chunk;
  chunk.initiate_tag = VerificationTag(0x0BADF00D);
  chunk.a_rwnd = 65535;
  chunk.outbound_streams = 1024;
  chunk.inbound_streams = 512;
  chunk.initial_tsn = Tsn(0);
  chunk.parameters = {StateCookieParameter{kCookie}, EcnCapableParameter{}};
  expect_golden_round_trip(chunk, kInitAck);
}

TEST(InitAckChunk, WithoutStateCookieParsesForTheSocketToAbort) {
  // RFC 9260 3.3.3: the State Cookie is mandatory; the socket answers its
  // absence with Missing Mandatory Parameter, so the parser lets it through.
  const Bytes bare = init_with_tail({}, 0x02);
  auto chunk = InitAckChunk::parse(raw_of(bare));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->find<StateCookieParameter>(), nullptr);
}

TEST(InitAckChunk, RejectsMalformed) {
  expect_all_rejected<InitAckChunk>({
      {"no value", {0x02, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"fixed part cut at 12 bytes",
       {0x02, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1},
       ParseErrorCode::kLengthTooShort},
      {"parameter header cut", init_with_tail({0x00, 0x07, 0x00}, 0x02),
       ParseErrorCode::kTruncated},
      {"parameter length 0", init_with_tail({0x00, 0x07, 0x00, 0x00}, 0x02),
       ParseErrorCode::kLengthTooShort},
      {"parameter length past the chunk",
       init_with_tail({0x00, 0x07, 0x00, 0x09, 1, 2, 3, 4}, 0x02), ParseErrorCode::kLengthTooLong},
      {"ECN Capable with a value", init_with_tail({0x80, 0x00, 0x00, 0x08, 1, 2, 3, 4}, 0x02),
       ParseErrorCode::kLengthTooLong},
      {"INIT type", with_type(kInitAck, 0x01), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
