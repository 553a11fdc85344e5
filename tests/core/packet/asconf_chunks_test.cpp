// ASCONF (RFC 5061 section 4.1.1) and ASCONF-ACK (section 4.1.2).
#include <gtest/gtest.h>

#include <array>

#include "chunk_test_util.h"
#include "packet/chunks/asconf_ack_chunk.h"
#include "packet/chunks/asconf_chunk.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

const Bytes kAsconf = {
    0xC1, 0x00, 0x00, 0x30,  // ASCONF, length 48
    0x00, 0x00, 0x00, 0x10,  // serial number 16
    0x00, 0x05, 0x00, 0x08,  // Address Parameter: IPv4, length 8
    0x0A, 0x00, 0x00, 0x01,  //   10.0.0.1
    0xC0, 0x01, 0x00, 0x10,  // Add IP Address, length 16
    0x00, 0x00, 0x00, 0x01,  //   correlation id 1
    0x00, 0x05, 0x00, 0x08,  //   IPv4, length 8
    0x0A, 0x00, 0x00, 0x02,  //     10.0.0.2
    0xC0, 0x04, 0x00, 0x10,  // Set Primary Address, length 16
    0x00, 0x00, 0x00, 0x02,  //   correlation id 2
    0x00, 0x05, 0x00, 0x08,  //   IPv4, length 8
    0x0A, 0x00, 0x00, 0x02,  //     10.0.0.2
};

AsconfChunk asconf_golden_chunk() {
  const Ipv4AddressParameter second{{10, 0, 0, 2}};
  return AsconfChunk{16,
                     Ipv4AddressParameter{{10, 0, 0, 1}},
                     {AddIpAddressParameter{AsconfCorrelationId(1), second},
                      SetPrimaryAddressParameter{AsconfCorrelationId(2), second}}};
}

TEST(AsconfChunk, ParsesGoldenBytes) {
  auto chunk = AsconfChunk::parse(raw_of(kAsconf));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->serial_number, 16u);
  const auto* address = std::get_if<Ipv4AddressParameter>(&chunk->address);
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->address, (std::array<uint8_t, 4>{10, 0, 0, 1}));
  ASSERT_EQ(chunk->parameters.size(), 2u);
  const auto* add = std::get_if<AddIpAddressParameter>(&chunk->parameters[0]);
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->correlation_id, AsconfCorrelationId(1));
  const auto* primary = std::get_if<SetPrimaryAddressParameter>(&chunk->parameters[1]);
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->correlation_id, AsconfCorrelationId(2));
  EXPECT_EQ(chunk->length(), 48u);
}

TEST(AsconfChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(asconf_golden_chunk(), kAsconf);
  expect_flags_ignored<AsconfChunk>(kAsconf, 0xFF);
}

TEST(AsconfChunk, AnIpv6AddressAloneIsWellFormed) {
  const Bytes golden = {0xC1, 0x00, 0x00, 0x1C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x06,
                        0x00, 0x14, 0x20, 0x01, 0x0D, 0xB8, 0,    0,    0,    0,
                        0,    0,    0,    0,    0,    0,    0,    0x01};
  Ipv6AddressParameter address;
  address.address = {0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  expect_golden_round_trip(AsconfChunk{0xFFFFFFFF, address, {}}, golden);
}

TEST(AsconfChunk, KeepsUnknownRequestParameters) {
  Bytes with_unknown = {0xC1, 0x00, 0x00, 0x15, 0, 0,    0,    1,    0x00, 0x05, 0x00,
                        0x08, 10,   0,    0,    1, 0xC1, 0x23, 0x00, 0x05, 0x77};
  with_unknown.resize(24, 0);
  auto chunk = AsconfChunk::parse(raw_of(with_unknown));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->parameters.size(), 1u);
  const auto* unknown = std::get_if<UnknownParameter>(&chunk->parameters[0]);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->type, 0xC123);
  EXPECT_EQ(unknown->action(), UnrecognizedParameterAction::kSkipReport);
  EXPECT_EQ(serialized(*chunk), with_unknown);
}

TEST(AsconfChunk, RejectsMalformed) {
  expect_all_rejected<AsconfChunk>({
      {"no value", {0xC1, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"serial number only", {0xC1, 0, 0, 8, 0, 0, 0, 1}, ParseErrorCode::kLengthTooShort},
      {"address header cut",
       {0xC1, 0, 0, 11, 0, 0, 0, 1, 0, 5, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"address length past the chunk",
       {0xC1, 0, 0, 16, 0, 0, 0, 1, 0, 5, 0, 12, 10, 0, 0, 1},
       ParseErrorCode::kLengthTooLong},
      {"IPv4 address of 2 bytes",
       {0xC1, 0, 0, 14, 0, 0, 0, 1, 0, 5, 0, 6, 10, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"a request where the address must be",
       {0xC1, 0, 0, 16, 0, 0, 0, 1, 0xC0, 0x05, 0, 8, 0, 0, 0, 1},
       ParseErrorCode::kInvalidValue},
      {"request header cut",
       {0xC1, 0, 0, 18, 0, 0, 0, 1, 0, 5, 0, 8, 10, 0, 0, 1, 0xC0, 0x01, 0, 0},
       ParseErrorCode::kTruncated},
      {"request length past the chunk",
       {0xC1, 0, 0, 20, 0, 0, 0, 1, 0, 5, 0, 8, 10, 0, 0, 1, 0xC0, 0x01, 0, 16},
       ParseErrorCode::kLengthTooLong},
      {"ASCONF-ACK type", with_type(kAsconf, 0x80), ParseErrorCode::kWrongType},
      {"I-FORWARD TSN type", with_type(kAsconf, 0xC2), ParseErrorCode::kWrongType},
  });
}

const Bytes kAsconfAck = {
    0x80, 0x00, 0x00, 0x2C,  // ASCONF-ACK, length 44
    0x00, 0x00, 0x00, 0x10,  // serial number 16
    0xC0, 0x05, 0x00, 0x08,  // Success Indication, length 8
    0x00, 0x00, 0x00, 0x01,  //   correlation id 1
    0xC0, 0x03, 0x00, 0x1C,  // Error Cause Indication, length 28
    0x00, 0x00, 0x00, 0x02,  //   correlation id 2
    0x00, 0xA1, 0x00, 0x14,  //   Operation Refused (resources), length 20
    0xC0, 0x04, 0x00, 0x10,  //     the refused Set Primary Address, copied
    0x00, 0x00, 0x00, 0x02,  //
    0x00, 0x05, 0x00, 0x08,  //
    0x0A, 0x00, 0x00, 0x02,  //
};

TEST(AsconfAckChunk, ParsesGoldenBytes) {
  auto chunk = AsconfAckChunk::parse(raw_of(kAsconfAck));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(chunk->serial_number, 16u);
  ASSERT_EQ(chunk->parameters.size(), 2u);
  const auto* success = std::get_if<SuccessIndicationParameter>(&chunk->parameters[0]);
  ASSERT_NE(success, nullptr);
  EXPECT_EQ(success->correlation_id, AsconfCorrelationId(1));
  const auto* failure = std::get_if<ErrorCauseIndicationParameter>(&chunk->parameters[1]);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->correlation_id, AsconfCorrelationId(2));
  ASSERT_EQ(failure->causes.size(), 1u);
  const auto* refused = std::get_if<OperationRefusedNoResourcesCause>(&failure->causes[0]);
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->quoted_type(), 0xC004);
}

TEST(AsconfAckChunk, SerializesToGoldenBytesAndRoundTrips) {
  const ByteSpan quoted = ByteSpan(kAsconfAck).subspan(28, 16);
  expect_golden_round_trip(
      AsconfAckChunk{16,
                     {SuccessIndicationParameter{AsconfCorrelationId(1)},
                      ErrorCauseIndicationParameter{AsconfCorrelationId(2),
                                                    {OperationRefusedNoResourcesCause{quoted}}}}},
      kAsconfAck);
}

TEST(AsconfAckChunk, SerialNumberAloneMeansEverythingSucceeded) {
  // RFC 5061 section 5.2: Success Indications may be left out.
  const Bytes bare = {0x80, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x07};
  expect_golden_round_trip(AsconfAckChunk{7, {}}, bare);
  expect_flags_ignored<AsconfAckChunk>(bare, 0xFF);
}

TEST(AsconfAckChunk, RejectsMalformed) {
  expect_all_rejected<AsconfAckChunk>({
      {"no value", {0x80, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"serial number cut", {0x80, 0, 0, 6, 0, 0, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"parameter header cut",
       {0x80, 0, 0, 10, 0, 0, 0, 1, 0xC0, 5, 0, 0},
       ParseErrorCode::kTruncated},
      {"parameter length past the chunk",
       {0x80, 0, 0, 12, 0, 0, 0, 1, 0xC0, 5, 0, 8},
       ParseErrorCode::kLengthTooLong},
      {"Success Indication of 2 bytes",
       {0x80, 0, 0, 14, 0, 0, 0, 1, 0xC0, 5, 0, 6, 0, 1, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"ASCONF type", with_type(kAsconfAck, 0xC1), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
