// Parameters (RFC 9260 3.2.1, 3.3.2.1, 3.3.3.1, 3.3.5; RFC 6525 4; RFC 5061
// 4.2; RFC 4895 3; RFC 4820 4; RFC 3758 3.1; RFC 9653 3): golden bytes
// written from the RFC figures, round trips, and malformed inputs.
#include "packet/parameter.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "param_cause_test_util.h"

namespace sctp {
namespace {

using testing::Bytes;
using testing::concat;
using testing::padded;
using testing::raw_of;
using testing::serialized;
using testing::tlv;
using testing::written_by;

// Parses `golden` with T's own parser and through parse_parameter, compares
// with `expected`, and checks that `expected` serializes to exactly `golden`
// (header, value, padding) with a Length field equal to length().
template <typename T>
void expect_golden(const Bytes& golden, const T& expected) {
  SCOPED_TRACE(parameter_type_name(static_cast<uint16_t>(T::kType)));
  ASSERT_EQ(golden.size() % 4, 0u) << "golden bytes must include the padding";
  const RawTlv raw = raw_of(golden);
  auto parsed = T::parse(raw);
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(*parsed, expected);
  EXPECT_EQ(expected.length(), load_be16(golden.data() + 2));
  EXPECT_EQ(serialized(expected), golden);

  auto any = parse_parameter(raw);
  ASSERT_TRUE(any) << to_string(any.error());
  ASSERT_TRUE(std::holds_alternative<T>(*any));
  EXPECT_EQ(std::get<T>(*any), expected);
  EXPECT_EQ(parameter_type(*any), static_cast<uint16_t>(T::kType));
  EXPECT_EQ(parameter_length(*any), expected.length());
  EXPECT_EQ(written_by([&any](ByteWriter& w) { serialize_parameter(*any, w); }), golden);
}

const Bytes kIpv6Bytes = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};

Ipv4AddressParameter ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  return Ipv4AddressParameter{{a, b, c, d}};
}
Ipv6AddressParameter documentation_ipv6() {
  Ipv6AddressParameter p;
  std::copy(kIpv6Bytes.begin(), kIpv6Bytes.end(), p.address.begin());
  return p;
}

// ---------------------------------------------------------------- RFC 9260

TEST(HeartbeatInfoParameter, Golden) {
  const Bytes golden = {0x00, 0x01, 0x00, 0x09, 'h', 'b', 'i', 'n', 'f', 0, 0, 0};
  const Bytes info = {'h', 'b', 'i', 'n', 'f'};
  expect_golden(golden, HeartbeatInfoParameter{info});
}

TEST(Ipv4AddressParameter, Golden) {
  expect_golden(Bytes{0x00, 0x05, 0x00, 0x08, 192, 0, 2, 1}, ipv4(192, 0, 2, 1));
}

TEST(Ipv6AddressParameter, Golden) {
  expect_golden(concat({{0x00, 0x06, 0x00, 0x14}, kIpv6Bytes}), documentation_ipv6());
}

TEST(StateCookieParameter, Golden) {
  const Bytes cookie = {'c', 'k', 'e'};
  expect_golden(Bytes{0x00, 0x07, 0x00, 0x07, 'c', 'k', 'e', 0}, StateCookieParameter{cookie});
}

TEST(UnrecognizedParameterParameter, GoldenWithCopiedPadding) {
  // Wraps parameter 0x800A (length 6) together with its 2 padding bytes.
  const Bytes inner = {0x80, 0x0A, 0x00, 0x06, 0xAB, 0xCD, 0x00, 0x00};
  const Bytes golden = concat({{0x00, 0x08, 0x00, 0x0C}, inner});
  expect_golden(golden, UnrecognizedParameterParameter{inner});
  EXPECT_EQ(UnrecognizedParameterParameter{inner}.unrecognized_type(), 0x800A);
}

TEST(UnrecognizedParameterParameter, GoldenWithoutCopiedPadding) {
  // The same parameter copied without its padding: the outer length is 10.
  const Bytes inner = {0x80, 0x0A, 0x00, 0x06, 0xAB, 0xCD};
  const Bytes golden = {0x00, 0x08, 0x00, 0x0A, 0x80, 0x0A, 0x00, 0x06, 0xAB, 0xCD, 0, 0};
  expect_golden(golden, UnrecognizedParameterParameter{inner});
}

TEST(CookiePreservativeParameter, Golden) {
  expect_golden(Bytes{0x00, 0x09, 0x00, 0x08, 0x00, 0x00, 0x27, 0x10},
                CookiePreservativeParameter{10000});
}

TEST(HostNameAddressParameter, Golden) {
  const Bytes name = {'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', 0};
  const Bytes golden = concat({{0x00, 0x0B, 0x00, 0x10}, name});
  expect_golden(golden, HostNameAddressParameter{name});
  EXPECT_EQ(HostNameAddressParameter{name}.name(), "example.com");
}

TEST(SupportedAddressTypesParameter, GoldenOneTypeIsPadded) {
  expect_golden(Bytes{0x00, 0x0C, 0x00, 0x06, 0x00, 0x05, 0x00, 0x00},
                SupportedAddressTypesParameter{{5}});
}

TEST(SupportedAddressTypesParameter, GoldenTwoTypes) {
  const SupportedAddressTypesParameter p{{5, 6}};
  expect_golden(Bytes{0x00, 0x0C, 0x00, 0x08, 0x00, 0x05, 0x00, 0x06}, p);
  EXPECT_TRUE(p.contains(ParameterType::kIpv6Address));
  EXPECT_FALSE(p.contains(ParameterType::kHostNameAddress));
}

TEST(EcnCapableParameter, Golden) {
  expect_golden(Bytes{0x80, 0x00, 0x00, 0x04}, EcnCapableParameter{});
}

// ---------------------------------------------------------------- RFC 6525

TEST(OutgoingSsnResetRequestParameter, GoldenTwoStreams) {
  const Bytes golden = {0x00, 0x0D, 0x00, 0x14,  // type 13, length 16 + 2*2
                        0x00, 0x00, 0x00, 0x01,  // request sn
                        0x00, 0x00, 0x00, 0x02,  // response sn
                        0x00, 0x00, 0x00, 0x03,  // sender's last assigned TSN
                        0x00, 0x04, 0x00, 0x05};
  OutgoingSsnResetRequestParameter p;
  p.request_sn = ReconfigRequestSn(1);
  p.response_sn = ReconfigRequestSn(2);
  p.sender_last_assigned_tsn = Tsn(3);
  p.streams = {StreamId(4), StreamId(5)};
  expect_golden(golden, p);
}

TEST(OutgoingSsnResetRequestParameter, GoldenOddStreamCountIsPadded) {
  const Bytes golden = {0x00, 0x0D, 0x00, 0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00,
                        0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00};
  OutgoingSsnResetRequestParameter p;
  p.request_sn = ReconfigRequestSn(0xFFFFFFFF);
  p.response_sn = ReconfigRequestSn(0);
  p.sender_last_assigned_tsn = Tsn(0x80000000);
  p.streams = {StreamId(7)};
  expect_golden(golden, p);
}

TEST(OutgoingSsnResetRequestParameter, GoldenAllStreams) {
  const Bytes golden = {0x00, 0x0D, 0x00, 0x10, 0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 7};
  OutgoingSsnResetRequestParameter p;
  p.request_sn = ReconfigRequestSn(9);
  p.response_sn = ReconfigRequestSn(8);
  p.sender_last_assigned_tsn = Tsn(7);
  expect_golden(golden, p);
}

TEST(IncomingSsnResetRequestParameter, Golden) {
  const Bytes golden = {0x00, 0x0E, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x09, 0x00, 0x07, 0x00, 0x00};
  expect_golden(golden, IncomingSsnResetRequestParameter{ReconfigRequestSn(9), {StreamId(7)}});
}

TEST(IncomingSsnResetRequestParameter, GoldenAllStreams) {
  expect_golden(Bytes{0x00, 0x0E, 0x00, 0x08, 0x00, 0x00, 0x00, 0x0A},
                IncomingSsnResetRequestParameter{ReconfigRequestSn(10), {}});
}

TEST(SsnTsnResetRequestParameter, Golden) {
  expect_golden(Bytes{0x00, 0x0F, 0x00, 0x08, 0x00, 0x00, 0x00, 0x2A},
                SsnTsnResetRequestParameter{ReconfigRequestSn(42)});
}

TEST(ReconfigurationResponseParameter, GoldenWithoutTsns) {
  const Bytes golden = {0x00, 0x10, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01};
  expect_golden(golden, ReconfigurationResponseParameter{
                            ReconfigRequestSn(1), ReconfigResult::kSuccessPerformed, {}});
}

TEST(ReconfigurationResponseParameter, GoldenWithTsns) {
  const Bytes golden = {0x00, 0x10, 0x00, 0x14, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
                        0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00};
  ReconfigurationResponseParameter p;
  p.response_sn = ReconfigRequestSn(2);
  p.result = ReconfigResult::kSuccessPerformed;
  p.next_tsns = ReconfigurationResponseParameter::NextTsns{Tsn(0x100), Tsn(0x200)};
  expect_golden(golden, p);
}

TEST(ReconfigurationResponseParameter, KeepsResultValuesItDoesNotKnow) {
  const Bytes golden = {0x00, 0x10, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x63};
  expect_golden(golden, ReconfigurationResponseParameter{
                            ReconfigRequestSn(3), static_cast<ReconfigResult>(99), {}});
}

TEST(AddOutgoingStreamsRequestParameter, Golden) {
  const Bytes golden = {0x00, 0x11, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x05, 0x00, 0x10, 0x00, 0x00};
  expect_golden(golden, AddOutgoingStreamsRequestParameter{ReconfigRequestSn(5), 16});
}

TEST(AddOutgoingStreamsRequestParameter, IgnoresReservedBitsOnReceipt) {
  const Bytes bytes = {0x00, 0x11, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x05, 0x00, 0x10, 0xAB, 0xCD};
  auto p = AddOutgoingStreamsRequestParameter::parse(raw_of(bytes));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->new_streams, 16);
}

TEST(AddIncomingStreamsRequestParameter, Golden) {
  const Bytes golden = {0x00, 0x12, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x06, 0xFF, 0xFF, 0x00, 0x00};
  expect_golden(golden, AddIncomingStreamsRequestParameter{ReconfigRequestSn(6), 0xFFFF});
}

// ------------------------------------ RFC 9653, RFC 4895, RFC 4820, RFC 3758

TEST(ZeroChecksumAcceptableParameter, Golden) {
  expect_golden(Bytes{0x80, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01},
                ZeroChecksumAcceptableParameter{ZeroChecksumAcceptableParameter::kEdmidDtls});
}

TEST(RandomParameter, Golden32Bytes) {
  Bytes random(32);
  for (size_t i = 0; i < random.size(); ++i)
    random[i] = uint8_t(0xA0 + i);
  expect_golden(concat({{0x80, 0x02, 0x00, 0x24}, random}), RandomParameter{random});
}

TEST(RandomParameter, AcceptsOtherSizesThanTheRecommended32) {
  const Bytes random = {1, 2, 3, 4, 5};
  expect_golden(Bytes{0x80, 0x02, 0x00, 0x09, 1, 2, 3, 4, 5, 0, 0, 0}, RandomParameter{random});
}

TEST(ChunkListParameter, Golden) {
  const ChunkListParameter p{{0x80, 0xC1}};  // ASCONF-ACK, ASCONF
  expect_golden(Bytes{0x80, 0x03, 0x00, 0x06, 0x80, 0xC1, 0x00, 0x00}, p);
  EXPECT_TRUE(p.contains(ChunkType::kAsconf));
  EXPECT_FALSE(p.contains(ChunkType::kData));
}

TEST(ChunkListParameter, GoldenEmpty) {
  expect_golden(Bytes{0x80, 0x03, 0x00, 0x04}, ChunkListParameter{});
}

TEST(HmacAlgorithmParameter, GoldenSha1Only) {
  expect_golden(Bytes{0x80, 0x04, 0x00, 0x06, 0x00, 0x01, 0x00, 0x00},
                HmacAlgorithmParameter{{HmacAlgorithmParameter::kSha1}});
}

TEST(HmacAlgorithmParameter, GoldenSha256ThenSha1) {
  expect_golden(Bytes{0x80, 0x04, 0x00, 0x08, 0x00, 0x03, 0x00, 0x01},
                HmacAlgorithmParameter{{3, 1}});
}

TEST(PaddingParameter, Golden) {
  expect_golden(Bytes{0x80, 0x05, 0x00, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0}, PaddingParameter{6});
}

TEST(PaddingParameter, IgnoresPaddingContent) {
  // RFC 4820 section 4: the receiver ignores the Padding Data.
  const Bytes bytes = {0x80, 0x05, 0x00, 0x08, 0xDE, 0xAD, 0xBE, 0xEF};
  auto p = PaddingParameter::parse(raw_of(bytes));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->padding_size, 4);
}

TEST(PaddingParameter, ClampsOversizedPaddingToTheLengthField) {
  const PaddingParameter p{0xFFFF};
  EXPECT_EQ(p.length(), 0xFFFFu);
}

TEST(ForwardTsnSupportedParameter, Golden) {
  expect_golden(Bytes{0xC0, 0x00, 0x00, 0x04}, ForwardTsnSupportedParameter{});
}

// ---------------------------------------------------------------- RFC 5061

TEST(SupportedExtensionsParameter, Golden) {
  const SupportedExtensionsParameter p{{0x82, 0xC0, 0x40}};  // RE-CONFIG, FORWARD-TSN, I-DATA
  expect_golden(Bytes{0x80, 0x08, 0x00, 0x07, 0x82, 0xC0, 0x40, 0x00}, p);
  EXPECT_TRUE(p.contains(ChunkType::kReConfig));
  EXPECT_TRUE(p.contains(ChunkType::kIData));
  EXPECT_FALSE(p.contains(ChunkType::kAsconf));
}

TEST(AddIpAddressParameter, GoldenIpv4) {
  const Bytes golden = {0xC0, 0x01, 0x00, 0x10,  // type, length 16
                        0x00, 0x00, 0x00, 0x01,  // correlation id
                        0x00, 0x05, 0x00, 0x08, 192, 0, 2, 2};
  expect_golden(golden, AddIpAddressParameter{AsconfCorrelationId(1), ipv4(192, 0, 2, 2)});
}

TEST(DeleteIpAddressParameter, GoldenIpv6) {
  const Bytes golden = concat(
      {{0xC0, 0x02, 0x00, 0x1C, 0x00, 0x00, 0x00, 0x02, 0x00, 0x06, 0x00, 0x14}, kIpv6Bytes});
  expect_golden(golden, DeleteIpAddressParameter{AsconfCorrelationId(2), documentation_ipv6()});
}

TEST(ErrorCauseIndicationParameter, GoldenOneCause) {
  const Bytes golden = {0xC0, 0x03, 0x00, 0x0C, 0x00, 0x00,
                        0x00, 0x03, 0x00, 0x04, 0x00, 0x04};  // Out of Resource
  expect_golden(golden, ErrorCauseIndicationParameter{AsconfCorrelationId(3),
                                                      {ErrorCause(OutOfResourceCause{})}});
}

TEST(ErrorCauseIndicationParameter, GoldenLengthExcludesLastCausePadding) {
  // Unsupported HMAC Identifier has Cause Length 6; the parameter length
  // (14) does not count its 2 padding bytes, like a chunk's last parameter.
  const Bytes golden = {0xC0, 0x03, 0x00, 0x0E, 0x00, 0x00, 0x00, 0x04,
                        0x01, 0x05, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00};
  expect_golden(golden,
                ErrorCauseIndicationParameter{AsconfCorrelationId(4),
                                              {ErrorCause(UnsupportedHmacIdentifierCause{2})}});
}

TEST(ErrorCauseIndicationParameter, AcceptsLengthCountingLastCausePadding) {
  const Bytes bytes = {0xC0, 0x03, 0x00, 0x10, 0x00, 0x00, 0x00, 0x04,
                       0x01, 0x05, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00};
  auto p = ErrorCauseIndicationParameter::parse(raw_of(bytes));
  ASSERT_TRUE(p) << to_string(p.error());
  ASSERT_EQ(p->causes.size(), 1u);
  EXPECT_EQ(std::get<UnsupportedHmacIdentifierCause>(p->causes[0]).hmac_id, 2);
}

TEST(ErrorCauseIndicationParameter, GoldenTwoCausesWithQuotedParameter) {
  const Bytes refused = {0xC0, 0x02, 0x00, 0x10, 0x00, 0x00, 0x00, 0x07,
                         0x00, 0x05, 0x00, 0x08, 192,  0,    2,    9};
  const Bytes golden = concat({{0xC0, 0x03, 0x00, 0x20, 0x00, 0x00, 0x00, 0x07},
                               {0x00, 0xA0, 0x00, 0x14},
                               refused,
                               {0x00, 0x04, 0x00, 0x04}});
  expect_golden(golden,
                ErrorCauseIndicationParameter{AsconfCorrelationId(7),
                                              {ErrorCause(RequestToDeleteLastAddressCause{refused}),
                                               ErrorCause(OutOfResourceCause{})}});
}

TEST(SetPrimaryAddressParameter, Golden) {
  const Bytes golden = {0xC0, 0x04, 0x00, 0x10, 0x00, 0x00, 0x00, 0x05,
                        0x00, 0x05, 0x00, 0x08, 10,   0,    0,    1};
  expect_golden(golden, SetPrimaryAddressParameter{AsconfCorrelationId(5), ipv4(10, 0, 0, 1)});
}

TEST(SuccessIndicationParameter, Golden) {
  expect_golden(Bytes{0xC0, 0x05, 0x00, 0x08, 0x00, 0x00, 0x00, 0x06},
                SuccessIndicationParameter{AsconfCorrelationId(6)});
}

TEST(AdaptationLayerIndicationParameter, Golden) {
  expect_golden(Bytes{0xC0, 0x06, 0x00, 0x08, 0x01, 0x02, 0x03, 0x04},
                AdaptationLayerIndicationParameter{0x01020304});
}

// ------------------------------------------------------------ unknown types

TEST(UnknownParameter, PreservesTypeAndBytesAndAction) {
  const Bytes golden = {0x7F, 0xFF, 0x00, 0x05, 0xAA, 0x00, 0x00, 0x00};
  auto any = parse_parameter(raw_of(golden));
  ASSERT_TRUE(any);
  ASSERT_TRUE(std::holds_alternative<UnknownParameter>(*any));
  const auto& u = std::get<UnknownParameter>(*any);
  EXPECT_EQ(u.type, 0x7FFF);
  EXPECT_EQ(Bytes(u.value.begin(), u.value.end()), Bytes{0xAA});
  EXPECT_EQ(Bytes(u.whole.begin(), u.whole.end()), Bytes(golden.begin(), golden.begin() + 5));
  EXPECT_EQ(u.action(), UnrecognizedParameterAction::kStopDiscardReport);
  EXPECT_EQ(parameter_type(*any), 0x7FFF);
  EXPECT_EQ(parameter_length(*any), 5u);
  EXPECT_EQ(written_by([&any](ByteWriter& w) { serialize_parameter(*any, w); }), golden);
}

TEST(UnknownParameter, UpperTwoBitsSelectTheAction) {
  // RFC 9260 section 3.2.1.
  EXPECT_EQ((UnknownParameter{0x0123, {}, {}}.action()), UnrecognizedParameterAction::kStopDiscard);
  EXPECT_EQ((UnknownParameter{0x4123, {}, {}}.action()),
            UnrecognizedParameterAction::kStopDiscardReport);
  EXPECT_EQ((UnknownParameter{0x8123, {}, {}}.action()), UnrecognizedParameterAction::kSkip);
  EXPECT_EQ((UnknownParameter{0xC123, {}, {}}.action()), UnrecognizedParameterAction::kSkipReport);
}

// ------------------------------------------------------------ malformed input

struct MalformedCase {
  const char* name;
  Bytes bytes;  // one TLV whose Length field equals bytes.size()
  ParseErrorCode code;
};

class MalformedParameter : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedParameter, IsRejectedWithTheRightCode) {
  const MalformedCase& c = GetParam();
  auto p = parse_parameter(raw_of(c.bytes));
  ASSERT_FALSE(p) << c.name << " parsed";
  EXPECT_EQ(p.error().code, c.code) << c.name << ": " << to_string(p.error());
  // The same bytes inside a parameter list fail the list with the same code.
  auto list = parse_parameters(c.bytes);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, c.code) << c.name;
}

const Bytes kIpv4Tlv = {0x00, 0x05, 0x00, 0x08, 192, 0, 2, 1};

std::vector<MalformedCase> malformed_parameters() {
  using E = ParseErrorCode;
  return {
      {"IPv4 3 bytes", tlv(5, {192, 0, 2}), E::kLengthTooShort},
      {"IPv4 5 bytes", tlv(5, {192, 0, 2, 1, 0}), E::kLengthTooLong},
      {"IPv4 empty", tlv(5, {}), E::kLengthTooShort},
      {"IPv6 15 bytes", tlv(6, Bytes(15, 1)), E::kLengthTooShort},
      {"IPv6 17 bytes", tlv(6, Bytes(17, 1)), E::kLengthTooLong},
      {"Unrecognized Parameter empty", tlv(8, {}), E::kLengthTooShort},
      {"Unrecognized Parameter inner header cut", tlv(8, {0x80, 0x0A}), E::kTruncated},
      {"Unrecognized Parameter inner length 2", tlv(8, {0x80, 0x0A, 0x00, 0x02}),
       E::kLengthTooShort},
      {"Unrecognized Parameter inner length past end", tlv(8, {0x80, 0x0A, 0x00, 0x09, 1, 2}),
       E::kLengthTooLong},
      {"Cookie Preservative 3 bytes", tlv(9, {0, 0, 1}), E::kLengthTooShort},
      {"Cookie Preservative 5 bytes", tlv(9, {0, 0, 0, 1, 0}), E::kLengthTooLong},
      {"Host Name empty", tlv(11, {}), E::kLengthTooShort},
      {"Host Name without NUL", tlv(11, {'a', 'b', 'c', 'd'}), E::kInvalidValue},
      {"Supported Address Types empty", tlv(12, {}), E::kLengthTooShort},
      {"Supported Address Types odd size", tlv(12, {0, 5, 0}), E::kMisaligned},
      {"Outgoing SSN Reset 11 bytes", tlv(13, Bytes(11, 0)), E::kLengthTooShort},
      {"Outgoing SSN Reset odd stream list", tlv(13, Bytes(13, 0)), E::kMisaligned},
      {"Outgoing SSN Reset odd list after 1 stream", tlv(13, Bytes(15, 0)), E::kMisaligned},
      {"Incoming SSN Reset 3 bytes", tlv(14, Bytes(3, 0)), E::kLengthTooShort},
      {"Incoming SSN Reset odd stream list", tlv(14, Bytes(5, 0)), E::kMisaligned},
      {"SSN/TSN Reset 3 bytes", tlv(15, Bytes(3, 0)), E::kLengthTooShort},
      {"SSN/TSN Reset 5 bytes", tlv(15, Bytes(5, 0)), E::kLengthTooLong},
      {"Reconfig Response 7 bytes", tlv(16, Bytes(7, 0)), E::kLengthTooShort},
      {"Reconfig Response with one TSN", tlv(16, Bytes(12, 0)), E::kInconsistent},
      {"Reconfig Response 10 bytes", tlv(16, Bytes(10, 0)), E::kMisaligned},
      {"Reconfig Response 14 bytes", tlv(16, Bytes(14, 0)), E::kMisaligned},
      {"Reconfig Response 17 bytes", tlv(16, Bytes(17, 0)), E::kLengthTooLong},
      {"Reconfig Response 20 bytes", tlv(16, Bytes(20, 0)), E::kLengthTooLong},
      {"Add Outgoing Streams 7 bytes", tlv(17, Bytes(7, 0)), E::kLengthTooShort},
      {"Add Outgoing Streams 9 bytes", tlv(17, Bytes(9, 0)), E::kLengthTooLong},
      {"Add Incoming Streams 4 bytes", tlv(18, Bytes(4, 0)), E::kLengthTooShort},
      {"Add Incoming Streams 12 bytes", tlv(18, Bytes(12, 0)), E::kLengthTooLong},
      {"ECN Capable with a value", tlv(0x8000, {0}), E::kLengthTooLong},
      {"Zero Checksum empty", tlv(0x8001, {}), E::kLengthTooShort},
      {"Zero Checksum 3 bytes", tlv(0x8001, {0, 0, 1}), E::kLengthTooShort},
      {"Zero Checksum 5 bytes", tlv(0x8001, {0, 0, 0, 1, 0}), E::kLengthTooLong},
      {"RANDOM empty", tlv(0x8002, {}), E::kLengthTooShort},
      {"HMAC-ALGO empty", tlv(0x8004, {}), E::kLengthTooShort},
      {"HMAC-ALGO odd size", tlv(0x8004, {0, 1, 0}), E::kMisaligned},
      {"Forward-TSN Supported with a value", tlv(0xC000, {0, 0, 0, 0}), E::kLengthTooLong},
      {"Add IP correlation id only", tlv(0xC001, {0, 0, 0, 1}), E::kLengthTooShort},
      {"Add IP 7 bytes", tlv(0xC001, {0, 0, 0, 1, 0, 5, 0}), E::kLengthTooShort},
      {"Add IP nested length past end", tlv(0xC001, {0, 0, 0, 1, 0, 5, 0, 12, 192, 0, 2, 1}),
       E::kLengthTooLong},
      {"Add IP nested length 3", tlv(0xC001, {0, 0, 0, 1, 0, 5, 0, 3, 192, 0, 2, 1}),
       E::kLengthTooShort},
      {"Add IP bytes after the address",
       concat({tlv(0xC001, concat({{0, 0, 0, 1}, kIpv4Tlv, {0, 0, 0, 0}}))}), E::kInconsistent},
      {"Add IP nested IPv4 of 3 bytes", tlv(0xC001, {0, 0, 0, 1, 0, 5, 0, 7, 192, 0, 2, 0}),
       E::kLengthTooShort},
      {"Add IP nested IPv6 of 12 bytes",
       tlv(0xC001, concat({{0, 0, 0, 1, 0, 6, 0, 16}, Bytes(12, 1)})), E::kLengthTooShort},
      {"Add IP nested Host Name", tlv(0xC001, {0, 0, 0, 1, 0, 11, 0, 8, 'a', 'b', 'c', 0}),
       E::kInvalidValue},
      {"Delete IP nested unknown type", tlv(0xC002, {0, 0, 0, 1, 0x80, 0x99, 0, 4}),
       E::kInvalidValue},
      {"Delete IP nested IPv4 of 5 bytes",
       tlv(0xC002, {0, 0, 0, 1, 0, 5, 0, 9, 192, 0, 2, 1, 7, 0, 0, 0}), E::kLengthTooLong},
      {"Set Primary without address", tlv(0xC004, {0, 0, 0, 1}), E::kLengthTooShort},
      {"Set Primary nested truncated", tlv(0xC004, {0, 0, 0, 1, 0, 5, 0, 8, 192, 0}),
       E::kLengthTooLong},
      {"Error Cause Indication without cause", tlv(0xC003, {0, 0, 0, 1}), E::kLengthTooShort},
      {"Error Cause Indication malformed cause", tlv(0xC003, {0, 0, 0, 1, 0, 3, 0, 7, 0, 0, 1, 0}),
       E::kLengthTooShort},
      {"Error Cause Indication cause past end", tlv(0xC003, {0, 0, 0, 1, 0, 4, 0, 8}),
       E::kLengthTooLong},
      {"Success Indication 3 bytes", tlv(0xC005, {0, 0, 1}), E::kLengthTooShort},
      {"Success Indication 8 bytes", tlv(0xC005, Bytes(8, 0)), E::kLengthTooLong},
      {"Adaptation Layer 2 bytes", tlv(0xC006, {0, 1}), E::kLengthTooShort},
      {"Adaptation Layer 6 bytes", tlv(0xC006, Bytes(6, 0)), E::kLengthTooLong},
  };
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedParameter, ::testing::ValuesIn(malformed_parameters()));

TEST(Parameters, OpaqueParametersAcceptEmptyValues) {
  // No size rule in their RFCs: an empty value is well formed.
  for (uint16_t type : {1, 7, 0x8003, 0x8005, 0x8008}) {
    const Bytes bytes = tlv(type, {});
    auto p = parse_parameter(raw_of(bytes));
    ASSERT_TRUE(p) << parameter_type_name(type);
    EXPECT_EQ(parameter_type(*p), type);
    EXPECT_EQ(parameter_length(*p), 4u);
  }
}

template <size_t I = 0>
void expect_every_typed_parser_rejects_other_types() {
  if constexpr (I < kTypedParameterCount) {
    using T = std::variant_alternative_t<I, Parameter>;
    const uint16_t other = static_cast<uint16_t>(T::kType) == 0x7777 ? 0x7778 : 0x7777;
    const Bytes bytes = tlv(other, {0, 0, 0, 0});
    auto p = T::parse(raw_of(bytes));
    ASSERT_FALSE(p) << parameter_type_name(static_cast<uint16_t>(T::kType));
    EXPECT_EQ(p.error().code, ParseErrorCode::kWrongType);
    expect_every_typed_parser_rejects_other_types<I + 1>();
  }
}

TEST(Parameters, EveryTypedParserRejectsAnotherType) {
  expect_every_typed_parser_rejects_other_types();
}

TEST(Parameters, CoversEveryParameterTypeCode) {
  // 28 parameter types with a typed parser, each with a name.
  EXPECT_EQ(kTypedParameterCount, 28u);
  for (uint16_t type :
       {1,      5,      6,      7,      8,      9,      11,     12,     13,     14,
        15,     16,     17,     18,     0x8000, 0x8001, 0x8002, 0x8003, 0x8004, 0x8005,
        0x8008, 0xC000, 0xC001, 0xC002, 0xC003, 0xC004, 0xC005, 0xC006}) {
    EXPECT_STRNE(parameter_type_name(type), "Unknown") << type;
    auto p = parse_parameter(raw_of(tlv(type, {})));
    if (p) {
      EXPECT_FALSE(std::holds_alternative<UnknownParameter>(*p)) << type;
    }
  }
  EXPECT_STREQ(parameter_type_name(0x7FFF), "Unknown");
  EXPECT_STREQ(parameter_type_name(0x8006), "Unknown");
}

// ------------------------------------------------------------ lists

// An INIT-like parameter region: IPv4 (8), Supported Address Types with one
// type (6 + 2 padding), unknown 0x8123 with 3 bytes (7 + 1 padding),
// Forward-TSN Supported (4), State Cookie with 5 bytes (9, last).
const Bytes kListBody = concat({kIpv4Tlv,
                                {0x00, 0x0C, 0x00, 0x06, 0x00, 0x05, 0x00, 0x00},
                                {0x81, 0x23, 0x00, 0x07, 0x01, 0x02, 0x03, 0x00},
                                {0xC0, 0x00, 0x00, 0x04},
                                {0x00, 0x07, 0x00, 0x09, 'c', 'o', 'o', 'k', 'i'}});

void expect_list_contents(const std::vector<Parameter>& params) {
  ASSERT_EQ(params.size(), 5u);
  EXPECT_EQ(std::get<Ipv4AddressParameter>(params[0]), ipv4(192, 0, 2, 1));
  EXPECT_EQ(std::get<SupportedAddressTypesParameter>(params[1]).address_types,
            std::vector<uint16_t>{5});
  const auto& unknown = std::get<UnknownParameter>(params[2]);
  EXPECT_EQ(unknown.type, 0x8123);
  EXPECT_EQ(Bytes(unknown.value.begin(), unknown.value.end()), (Bytes{1, 2, 3}));
  EXPECT_EQ(unknown.action(), UnrecognizedParameterAction::kSkip);
  EXPECT_TRUE(std::holds_alternative<ForwardTsnSupportedParameter>(params[3]));
  const auto& cookie = std::get<StateCookieParameter>(params[4]).cookie;
  EXPECT_EQ(std::string(cookie.begin(), cookie.end()), "cooki");
}

TEST(ParameterList, ParsesWithoutFinalPadding) {
  ASSERT_EQ(kListBody.size() % 4, 1u);
  auto params = parse_parameters(kListBody);
  ASSERT_TRUE(params) << to_string(params.error());
  expect_list_contents(*params);
}

TEST(ParameterList, ParsesWithFinalPadding) {
  const Bytes with_padding = padded(kListBody);
  auto params = parse_parameters(with_padding);
  ASSERT_TRUE(params) << to_string(params.error());
  expect_list_contents(*params);
}

TEST(ParameterList, SerializesPaddedAndRoundTrips) {
  auto params = parse_parameters(kListBody);
  ASSERT_TRUE(params);
  EXPECT_EQ(parameters_size(*params), pad4(kListBody.size()));
  const Bytes out = written_by([&params](ByteWriter& w) { serialize_parameters(*params, w); });
  EXPECT_EQ(out, padded(kListBody));
  auto again = parse_parameters(out);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *params);
}

TEST(ParameterList, EmptyRegionIsAnEmptyList) {
  auto params = parse_parameters(ByteSpan());
  ASSERT_TRUE(params);
  EXPECT_TRUE(params->empty());
}

TEST(ParameterList, MalformedItemInTheMiddleFailsTheList) {
  const Bytes bytes = concat({kIpv4Tlv,
                              {0x00, 0x05, 0x00, 0x07, 192, 0, 2, 0},  // IPv4 of 3 bytes
                              {0xC0, 0x00, 0x00, 0x04}});
  auto params = parse_parameters(bytes);
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().code, ParseErrorCode::kLengthTooShort);
}

TEST(ParameterList, MissingPaddingBeforeAnotherItemIsRejected) {
  // A 5-byte State Cookie followed directly by another parameter.
  const Bytes bytes = concat({{0x00, 0x07, 0x00, 0x05, 'x'}, {0xC0, 0x00, 0x00, 0x04}});
  auto params = parse_parameters(bytes);
  ASSERT_FALSE(params);
}

TEST(ParameterList, FramingErrors) {
  struct Case {
    const char* name;
    Bytes bytes;
    ParseErrorCode code;
  };
  const Case cases[] = {
      {"trailing 2 bytes", concat({kIpv4Tlv, {0x00, 0x05}}), ParseErrorCode::kTruncated},
      {"length 0", concat({kIpv4Tlv, {0x00, 0x05, 0x00, 0x00}}), ParseErrorCode::kLengthTooShort},
      {"length past end", concat({kIpv4Tlv, {0x00, 0x05, 0x00, 0x10, 1, 2, 3, 4}}),
       ParseErrorCode::kLengthTooLong},
  };
  for (const Case& c : cases) {
    auto params = parse_parameters(c.bytes);
    ASSERT_FALSE(params) << c.name;
    EXPECT_EQ(params.error().code, c.code) << c.name;
  }
}

TEST(ParameterList, EveryParameterTypeRoundTripsThroughTheList) {
  const Bytes info = {1, 2, 3};
  const Bytes cookie = {9, 8, 7, 6, 5};
  const Bytes wrapped = {0x80, 0x0A, 0x00, 0x05, 0x42, 0x00, 0x00, 0x00};
  const Bytes host = {'h', 0};
  const Bytes random(32, 0x5A);
  const Bytes unknown_value = {0xEE};
  const std::vector<Parameter> all = {
      HeartbeatInfoParameter{info},
      ipv4(198, 51, 100, 7),
      documentation_ipv6(),
      StateCookieParameter{cookie},
      UnrecognizedParameterParameter{wrapped},
      CookiePreservativeParameter{500},
      HostNameAddressParameter{host},
      SupportedAddressTypesParameter{{5, 6, 11}},
      EcnCapableParameter{},
      OutgoingSsnResetRequestParameter{ReconfigRequestSn(1),
                                       ReconfigRequestSn(2),
                                       Tsn(3),
                                       {StreamId(1), StreamId(2), StreamId(3)}},
      IncomingSsnResetRequestParameter{ReconfigRequestSn(4), {StreamId(9)}},
      SsnTsnResetRequestParameter{ReconfigRequestSn(5)},
      ReconfigurationResponseParameter{ReconfigRequestSn(6), ReconfigResult::kDenied, {}},
      ReconfigurationResponseParameter{
          ReconfigRequestSn(7), ReconfigResult::kInProgress,
          ReconfigurationResponseParameter::NextTsns{Tsn(0xFFFFFFFF), Tsn(0)}},
      AddOutgoingStreamsRequestParameter{ReconfigRequestSn(8), 3},
      AddIncomingStreamsRequestParameter{ReconfigRequestSn(9), 4},
      ZeroChecksumAcceptableParameter{1},
      RandomParameter{random},
      ChunkListParameter{{0xC1, 0x80, 0x82}},
      HmacAlgorithmParameter{{3, 1}},
      PaddingParameter{13},
      ForwardTsnSupportedParameter{},
      SupportedExtensionsParameter{{0xC0, 0x82, 0x40, 0xC2, 0x80}},
      AddIpAddressParameter{AsconfCorrelationId(10), documentation_ipv6()},
      DeleteIpAddressParameter{AsconfCorrelationId(11), ipv4(1, 2, 3, 4)},
      ErrorCauseIndicationParameter{AsconfCorrelationId(12),
                                    {ErrorCause(InvalidStreamIdentifierCause{StreamId(3)}),
                                     ErrorCause(UnsupportedHmacIdentifierCause{7})}},
      SetPrimaryAddressParameter{AsconfCorrelationId(13), ipv4(5, 6, 7, 8)},
      SuccessIndicationParameter{AsconfCorrelationId(14)},
      AdaptationLayerIndicationParameter{0xCAFEBABE},
      UnknownParameter{0xBEEF, unknown_value, {}},
  };
  const Bytes out = written_by([&all](ByteWriter& w) { serialize_parameters(all, w); });
  EXPECT_EQ(out.size(), parameters_size(all));
  auto parsed = parse_parameters(out);
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(*parsed, all);
  // Each Length field on the wire matches parameter_length().
  size_t offset = 0;
  for (const Parameter& p : all) {
    EXPECT_EQ(load_be16(out.data() + offset), parameter_type(p));
    EXPECT_EQ(load_be16(out.data() + offset + 2), parameter_length(p));
    offset += pad4(parameter_length(p));
  }
}

TEST(ParameterList, SerializationStopsCleanlyOnASmallBuffer) {
  const std::vector<Parameter> params = {ipv4(192, 0, 2, 1), ForwardTsnSupportedParameter{}};
  std::array<uint8_t, 10> buf{};
  ByteWriter w(buf);
  serialize_parameters(params, w);
  EXPECT_TRUE(w.overflowed());
}

}  // namespace
}  // namespace sctp
