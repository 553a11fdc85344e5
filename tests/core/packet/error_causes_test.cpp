// Error causes (RFC 9260 3.3.10.1-13, RFC 5061 4.3, RFC 4895 4.1): golden
// bytes written from the RFC figures, round trips, malformed inputs, lists and
// the human-readable descriptions.
#include "packet/error_cause.h"

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

template <typename T>
void expect_golden(const Bytes& golden, const T& expected) {
  SCOPED_TRACE(error_cause_name(static_cast<uint16_t>(T::kCode)));
  ASSERT_EQ(golden.size() % 4, 0u) << "golden bytes must include the padding";
  const RawTlv raw = raw_of(golden);
  auto parsed = T::parse(raw);
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(*parsed, expected);
  EXPECT_EQ(expected.length(), load_be16(golden.data() + 2));
  EXPECT_EQ(serialized(expected), golden);

  auto any = parse_error_cause(raw);
  ASSERT_TRUE(any) << to_string(any.error());
  ASSERT_TRUE(std::holds_alternative<T>(*any));
  EXPECT_EQ(std::get<T>(*any), expected);
  EXPECT_EQ(error_cause_code(*any), static_cast<uint16_t>(T::kCode));
  EXPECT_EQ(error_cause_length(*any), expected.length());
  EXPECT_EQ(written_by([&any](ByteWriter& w) { serialize_error_cause(*any, w); }), golden);
}

// Parameters quoted by causes.
const Bytes kHostNameTlv = {0x00, 0x0B, 0x00, 0x10, 'e', 'x', 'a', 'm',
                            'p',  'l',  'e',  '.',  'c', 'o', 'm', 0};
const Bytes kIpv4Tlv = {0x00, 0x05, 0x00, 0x08, 192, 0, 2, 3};
const Bytes kDeleteIpTlv = {0xC0, 0x02, 0x00, 0x10, 0x00, 0x00, 0x00, 0x02,
                            0x00, 0x05, 0x00, 0x08, 192,  0,    2,    1};
const Bytes kAddIpTlv = {0xC0, 0x01, 0x00, 0x10, 0x00, 0x00, 0x00, 0x01,
                         0x00, 0x05, 0x00, 0x08, 192,  0,    2,    2};
const Bytes kSetPrimaryTlv = {0xC0, 0x04, 0x00, 0x10, 0x00, 0x00, 0x00, 0x05,
                              0x00, 0x05, 0x00, 0x08, 10,   0,    0,    1};

// ---------------------------------------------------------------- RFC 9260

TEST(InvalidStreamIdentifierCause, Golden) {
  expect_golden(Bytes{0x00, 0x01, 0x00, 0x08, 0x00, 0x07, 0x00, 0x00},
                InvalidStreamIdentifierCause{StreamId(7)});
}

TEST(MissingMandatoryParameterCause, GoldenOneMissingIsPadded) {
  const Bytes golden = {0x00, 0x02, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00, 0x07, 0x00, 0x00};
  expect_golden(golden, MissingMandatoryParameterCause{{7}});  // State Cookie
}

TEST(MissingMandatoryParameterCause, GoldenTwoMissing) {
  const Bytes golden = {0x00, 0x02, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x02, 0x00, 0x07, 0x00, 0x09};
  expect_golden(golden, MissingMandatoryParameterCause{{7, 9}});
}

TEST(StaleCookieCause, Golden) {
  expect_golden(Bytes{0x00, 0x03, 0x00, 0x08, 0x00, 0x00, 0x05, 0xDC}, StaleCookieCause{1500});
}

TEST(OutOfResourceCause, Golden) {
  expect_golden(Bytes{0x00, 0x04, 0x00, 0x04}, OutOfResourceCause{});
}

TEST(UnresolvableAddressCause, GoldenHostName) {
  const UnresolvableAddressCause c{kHostNameTlv};
  expect_golden(concat({{0x00, 0x05, 0x00, 0x14}, kHostNameTlv}), c);
  EXPECT_EQ(c.quoted_type(), 11);
}

TEST(UnrecognizedChunkTypeCause, Golden) {
  const Bytes chunk = {0x4F, 0x00, 0x00, 0x04};
  const UnrecognizedChunkTypeCause c{chunk};
  expect_golden(Bytes{0x00, 0x06, 0x00, 0x08, 0x4F, 0x00, 0x00, 0x04}, c);
  EXPECT_EQ(c.chunk_type(), 0x4F);
}

TEST(UnrecognizedChunkTypeCause, GoldenChunkWithValue) {
  const Bytes chunk = {0xC7, 0x01, 0x00, 0x06, 0xAA, 0xBB};
  expect_golden(Bytes{0x00, 0x06, 0x00, 0x0A, 0xC7, 0x01, 0x00, 0x06, 0xAA, 0xBB, 0x00, 0x00},
                UnrecognizedChunkTypeCause{chunk});
}

TEST(InvalidMandatoryParameterCause, Golden) {
  expect_golden(Bytes{0x00, 0x07, 0x00, 0x04}, InvalidMandatoryParameterCause{});
}

TEST(UnrecognizedParametersCause, GoldenTwoParameters) {
  // 0x800A (length 6, padded to 8) then 0xC00B (length 4).
  const Bytes params = {0x80, 0x0A, 0x00, 0x06, 0xAB, 0xCD, 0x00, 0x00, 0xC0, 0x0B, 0x00, 0x04};
  expect_golden(concat({{0x00, 0x08, 0x00, 0x10}, params}), UnrecognizedParametersCause{params});
}

TEST(UnrecognizedParametersCause, GoldenLastParameterUnpadded) {
  const Bytes params = {0x80, 0x0A, 0x00, 0x05, 0xAB};
  expect_golden(Bytes{0x00, 0x08, 0x00, 0x09, 0x80, 0x0A, 0x00, 0x05, 0xAB, 0, 0, 0},
                UnrecognizedParametersCause{params});
}

TEST(NoUserDataCause, Golden) {
  expect_golden(Bytes{0x00, 0x09, 0x00, 0x08, 0x00, 0x00, 0x30, 0x39}, NoUserDataCause{Tsn(12345)});
}

TEST(CookieReceivedWhileShuttingDownCause, Golden) {
  expect_golden(Bytes{0x00, 0x0A, 0x00, 0x04}, CookieReceivedWhileShuttingDownCause{});
}

TEST(RestartWithNewAddressesCause, Golden) {
  const Bytes addresses = concat({kIpv4Tlv, kHostNameTlv});
  expect_golden(concat({{0x00, 0x0B, 0x00, 0x1C}, addresses}),
                RestartWithNewAddressesCause{addresses});
}

TEST(UserInitiatedAbortCause, Golden) {
  const Bytes reason = {'b', 'y', 'e'};
  expect_golden(Bytes{0x00, 0x0C, 0x00, 0x07, 'b', 'y', 'e', 0}, UserInitiatedAbortCause{reason});
}

TEST(UserInitiatedAbortCause, GoldenWithoutReason) {
  expect_golden(Bytes{0x00, 0x0C, 0x00, 0x04}, UserInitiatedAbortCause{});
}

TEST(ProtocolViolationCause, Golden) {
  const Bytes info = {'b', 'a', 'd', ' ', 'c', 'h', 'u', 'n', 'k'};
  expect_golden(concat({{0x00, 0x0D, 0x00, 0x0D}, info, {0, 0, 0}}), ProtocolViolationCause{info});
}

// ---------------------------------------------------------------- RFC 5061

TEST(RequestToDeleteLastAddressCause, Golden) {
  const RequestToDeleteLastAddressCause c{kDeleteIpTlv};
  expect_golden(concat({{0x00, 0xA0, 0x00, 0x14}, kDeleteIpTlv}), c);
  EXPECT_EQ(c.quoted_type(), 0xC002);
}

TEST(OperationRefusedNoResourcesCause, Golden) {
  expect_golden(concat({{0x00, 0xA1, 0x00, 0x14}, kAddIpTlv}),
                OperationRefusedNoResourcesCause{kAddIpTlv});
}

TEST(RequestToDeleteSourceAddressCause, Golden) {
  expect_golden(concat({{0x00, 0xA2, 0x00, 0x14}, kDeleteIpTlv}),
                RequestToDeleteSourceAddressCause{kDeleteIpTlv});
}

TEST(RequestToDeleteSourceAddressCause, GoldenQuotingAnAddressParameter) {
  // Some stacks quote only the address parameter; it is one TLV as well.
  expect_golden(concat({{0x00, 0xA2, 0x00, 0x0C}, kIpv4Tlv}),
                RequestToDeleteSourceAddressCause{kIpv4Tlv});
}

TEST(IllegalAsconfAckCause, Golden) {
  // RFC 5061 section 4.3.4: Cause Length = 4, no body.
  expect_golden(Bytes{0x00, 0xA3, 0x00, 0x04}, IllegalAsconfAckCause{});
}

TEST(RequestRefusedNoAuthorizationCause, Golden) {
  expect_golden(concat({{0x00, 0xA4, 0x00, 0x14}, kSetPrimaryTlv}),
                RequestRefusedNoAuthorizationCause{kSetPrimaryTlv});
}

// ---------------------------------------------------------------- RFC 4895

TEST(UnsupportedHmacIdentifierCause, Golden) {
  // Cause Code 0x0105, Cause Length 6, then 2 bytes of padding.
  expect_golden(Bytes{0x01, 0x05, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00},
                UnsupportedHmacIdentifierCause{2});
}

// ------------------------------------------------------------ unknown codes

TEST(UnknownErrorCause, PreservesCodeAndBytes) {
  const Bytes golden = {0x00, 0xFF, 0x00, 0x06, 0x01, 0x02, 0x00, 0x00};
  auto any = parse_error_cause(raw_of(golden));
  ASSERT_TRUE(any);
  ASSERT_TRUE(std::holds_alternative<UnknownErrorCause>(*any));
  const auto& u = std::get<UnknownErrorCause>(*any);
  EXPECT_EQ(u.code, 0x00FF);
  EXPECT_EQ(Bytes(u.value.begin(), u.value.end()), (Bytes{1, 2}));
  EXPECT_EQ(error_cause_code(*any), 0x00FF);
  EXPECT_EQ(error_cause_length(*any), 6u);
  EXPECT_EQ(written_by([&any](ByteWriter& w) { serialize_error_cause(*any, w); }), golden);
}

TEST(UnknownErrorCause, OldCode105IsNotUnsupportedHmac) {
  // RFC 4895 assigns 0x0105 (261); 105 (0x69) is unassigned.
  auto any = parse_error_cause(raw_of(Bytes{0x00, 0x69, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00}));
  ASSERT_TRUE(any);
  EXPECT_TRUE(std::holds_alternative<UnknownErrorCause>(*any));
}

// ------------------------------------------------------------ malformed input

struct MalformedCase {
  const char* name;
  Bytes bytes;  // one TLV whose Length field equals bytes.size()
  ParseErrorCode code;
};

class MalformedErrorCause : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedErrorCause, IsRejectedWithTheRightCode) {
  const MalformedCase& c = GetParam();
  auto cause = parse_error_cause(raw_of(c.bytes));
  ASSERT_FALSE(cause) << c.name << " parsed";
  EXPECT_EQ(cause.error().code, c.code) << c.name << ": " << to_string(cause.error());
  auto list = parse_error_causes(c.bytes);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, c.code) << c.name;
}

std::vector<MalformedCase> malformed_causes() {
  using E = ParseErrorCode;
  return {
      {"Invalid Stream Id 3 bytes", tlv(1, {0, 7, 0}), E::kLengthTooShort},
      {"Invalid Stream Id 5 bytes", tlv(1, {0, 7, 0, 0, 0}), E::kLengthTooLong},
      {"Missing Mandatory 3 bytes", tlv(2, {0, 0, 0}), E::kLengthTooShort},
      {"Missing Mandatory count 2 with 1 type", tlv(2, {0, 0, 0, 2, 0, 7}), E::kInconsistent},
      {"Missing Mandatory count 0 with 1 type", tlv(2, {0, 0, 0, 0, 0, 7}), E::kInconsistent},
      {"Missing Mandatory huge count", tlv(2, {0xFF, 0xFF, 0xFF, 0xFF}), E::kInconsistent},
      {"Missing Mandatory odd list", tlv(2, {0, 0, 0, 1, 0, 7, 0}), E::kMisaligned},
      {"Stale Cookie 3 bytes", tlv(3, {0, 0, 1}), E::kLengthTooShort},
      {"Stale Cookie 5 bytes", tlv(3, {0, 0, 0, 1, 0}), E::kLengthTooLong},
      {"Out of Resource with a value", tlv(4, {0}), E::kLengthTooLong},
      {"Unresolvable Address empty", tlv(5, {}), E::kLengthTooShort},
      {"Unresolvable Address cut header", tlv(5, {0, 5}), E::kTruncated},
      {"Unresolvable Address inner length 3", tlv(5, {0, 5, 0, 3}), E::kLengthTooShort},
      {"Unresolvable Address inner past end", tlv(5, {0, 5, 0, 8, 192, 0}), E::kLengthTooLong},
      {"Unresolvable Address two TLVs", tlv(5, concat({kIpv4Tlv, kIpv4Tlv})), E::kInconsistent},
      {"Unrecognized Chunk Type 3 bytes", tlv(6, {0x4F, 0, 0}), E::kLengthTooShort},
      {"Unrecognized Chunk Type empty", tlv(6, {}), E::kLengthTooShort},
      {"Invalid Mandatory Parameter with a value", tlv(7, {0, 0, 0, 0}), E::kLengthTooLong},
      {"Unrecognized Parameters empty", tlv(8, {}), E::kLengthTooShort},
      {"Unrecognized Parameters inner length 0", tlv(8, {0x80, 0x0A, 0, 0}), E::kLengthTooShort},
      {"Unrecognized Parameters trailing bytes", tlv(8, {0x80, 0x0A, 0, 4, 0xC0}), E::kTruncated},
      {"No User Data 3 bytes", tlv(9, {0, 0, 1}), E::kLengthTooShort},
      {"No User Data 8 bytes", tlv(9, Bytes(8, 0)), E::kLengthTooLong},
      {"Cookie While Shutting Down with a value", tlv(10, {1}), E::kLengthTooLong},
      {"Restart New Addresses empty", tlv(11, {}), E::kLengthTooShort},
      {"Restart New Addresses inner past end", tlv(11, {0, 5, 0, 8, 1, 2, 3}), E::kLengthTooLong},
      {"Delete Last Address empty", tlv(0xA0, {}), E::kLengthTooShort},
      {"Delete Last Address trailing bytes", tlv(0xA0, concat({kIpv4Tlv, {0, 0, 0, 0}})),
       E::kInconsistent},
      {"Refused No Resources inner past end", tlv(0xA1, {0xC0, 0x01, 0x00, 0x10, 0, 0}),
       E::kLengthTooLong},
      {"Delete Source Address inner length 2", tlv(0xA2, {0, 5, 0, 2}), E::kLengthTooShort},
      {"Illegal ASCONF-ACK with a value", tlv(0xA3, {0, 0, 0, 1}), E::kLengthTooLong},
      {"Refused No Authorization empty", tlv(0xA4, {}), E::kLengthTooShort},
      {"Unsupported HMAC 1 byte", tlv(0x0105, {2}), E::kLengthTooShort},
      {"Unsupported HMAC 4 bytes", tlv(0x0105, {0, 2, 0, 0}), E::kLengthTooLong},
  };
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedErrorCause, ::testing::ValuesIn(malformed_causes()));

template <size_t I = 0>
void expect_every_typed_parser_rejects_other_codes() {
  if constexpr (I < kTypedErrorCauseCount) {
    using T = std::variant_alternative_t<I, ErrorCause>;
    const Bytes bytes = tlv(0x7777, {0, 0, 0, 0});
    auto c = T::parse(raw_of(bytes));
    ASSERT_FALSE(c) << error_cause_name(static_cast<uint16_t>(T::kCode));
    EXPECT_EQ(c.error().code, ParseErrorCode::kWrongType);
    expect_every_typed_parser_rejects_other_codes<I + 1>();
  }
}

TEST(ErrorCauses, EveryTypedParserRejectsAnotherCode) {
  expect_every_typed_parser_rejects_other_codes();
}

TEST(ErrorCauses, CoversEveryErrorCauseCode) {
  // 13 from RFC 9260, 5 from RFC 5061, 1 from RFC 4895.
  EXPECT_EQ(kTypedErrorCauseCount, 19u);
  for (uint16_t code :
       {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0x0105}) {
    EXPECT_STRNE(error_cause_name(code), "Unknown") << code;
  }
  EXPECT_STREQ(error_cause_name(14), "Unknown");
  EXPECT_STREQ(error_cause_name(105), "Unknown");
}

// ------------------------------------------------------------ lists

// An ABORT-like cause list: User-Initiated Abort "bye" (7 + 1 padding),
// unknown cause 0x0100 with 2 bytes (6 + 2 padding), No User Data (8), then
// Unsupported HMAC Identifier (6, last, unpadded).
const Bytes kCauseList = concat({{0x00, 0x0C, 0x00, 0x07, 'b', 'y', 'e', 0x00},
                                 {0x01, 0x00, 0x00, 0x06, 0xAA, 0xBB, 0x00, 0x00},
                                 {0x00, 0x09, 0x00, 0x08, 0x00, 0x00, 0x00, 0x05},
                                 {0x01, 0x05, 0x00, 0x06, 0x00, 0x03}});

void expect_cause_list(const std::vector<ErrorCause>& causes) {
  ASSERT_EQ(causes.size(), 4u);
  const auto& reason = std::get<UserInitiatedAbortCause>(causes[0]).reason;
  EXPECT_EQ(std::string(reason.begin(), reason.end()), "bye");
  const auto& unknown = std::get<UnknownErrorCause>(causes[1]);
  EXPECT_EQ(unknown.code, 0x0100);
  EXPECT_EQ(Bytes(unknown.value.begin(), unknown.value.end()), (Bytes{0xAA, 0xBB}));
  EXPECT_EQ(std::get<NoUserDataCause>(causes[2]).tsn, Tsn(5));
  EXPECT_EQ(std::get<UnsupportedHmacIdentifierCause>(causes[3]).hmac_id, 3);
}

TEST(ErrorCauseList, ParsesWithoutFinalPadding) {
  auto causes = parse_error_causes(kCauseList);
  ASSERT_TRUE(causes) << to_string(causes.error());
  expect_cause_list(*causes);
}

TEST(ErrorCauseList, ParsesWithFinalPadding) {
  const Bytes with_padding = padded(kCauseList);
  auto causes = parse_error_causes(with_padding);
  ASSERT_TRUE(causes) << to_string(causes.error());
  expect_cause_list(*causes);
}

TEST(ErrorCauseList, SerializesPaddedAndRoundTrips) {
  auto causes = parse_error_causes(kCauseList);
  ASSERT_TRUE(causes);
  EXPECT_EQ(error_causes_size(*causes), pad4(kCauseList.size()));
  const Bytes out = written_by([&causes](ByteWriter& w) { serialize_error_causes(*causes, w); });
  EXPECT_EQ(out, padded(kCauseList));
}

TEST(ErrorCauseList, EmptyRegionIsAnEmptyList) {
  auto causes = parse_error_causes(ByteSpan());
  ASSERT_TRUE(causes);
  EXPECT_TRUE(causes->empty());
  EXPECT_EQ(describe(std::span<const ErrorCause>(*causes)), "no error cause");
}

TEST(ErrorCauseList, MalformedCauseInTheMiddleFailsTheList) {
  const Bytes bytes = concat({{0x00, 0x04, 0x00, 0x04},
                              {0x00, 0x03, 0x00, 0x07, 0x00, 0x00, 0x01, 0x00},  // Stale 3 bytes
                              {0x00, 0x0A, 0x00, 0x04}});
  auto causes = parse_error_causes(bytes);
  ASSERT_FALSE(causes);
  EXPECT_EQ(causes.error().code, ParseErrorCode::kLengthTooShort);
}

TEST(ErrorCauseList, FramingErrors) {
  const Bytes truncated = {0x00, 0x04, 0x00, 0x04, 0x00, 0x0D};
  auto a = parse_error_causes(truncated);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ParseErrorCode::kTruncated);
  const Bytes past_end = {0x00, 0x0D, 0x00, 0x20, 'x', 'y', 'z', 0};
  auto b = parse_error_causes(past_end);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ParseErrorCode::kLengthTooLong);
  const Bytes unpadded_middle = {0x00, 0x0C, 0x00, 0x05, 'x', 0x00, 0x04, 0x00, 0x04};
  EXPECT_FALSE(parse_error_causes(unpadded_middle));
}

TEST(ErrorCauseList, EveryCauseRoundTripsThroughTheList) {
  const Bytes chunk = {0xC7, 0x00, 0x00, 0x05, 0x11};
  const Bytes params = {0x80, 0x0A, 0x00, 0x04};
  const Bytes reason = {'u', 's', 'e', 'r'};
  const Bytes info = {0x00, 0xFF, 0x7F};
  const Bytes unknown_value = {9, 9, 9};
  const std::vector<ErrorCause> all = {
      InvalidStreamIdentifierCause{StreamId(65535)},
      MissingMandatoryParameterCause{{7, 9, 12}},
      StaleCookieCause{0xFFFFFFFF},
      OutOfResourceCause{},
      UnresolvableAddressCause{kHostNameTlv},
      UnrecognizedChunkTypeCause{chunk},
      InvalidMandatoryParameterCause{},
      UnrecognizedParametersCause{params},
      NoUserDataCause{Tsn(0x80000001)},
      CookieReceivedWhileShuttingDownCause{},
      RestartWithNewAddressesCause{kIpv4Tlv},
      UserInitiatedAbortCause{reason},
      ProtocolViolationCause{info},
      RequestToDeleteLastAddressCause{kDeleteIpTlv},
      OperationRefusedNoResourcesCause{kAddIpTlv},
      RequestToDeleteSourceAddressCause{kIpv4Tlv},
      IllegalAsconfAckCause{},
      RequestRefusedNoAuthorizationCause{kSetPrimaryTlv},
      UnsupportedHmacIdentifierCause{0xFFFF},
      UnknownErrorCause{0x4242, unknown_value},
  };
  const Bytes out = written_by([&all](ByteWriter& w) { serialize_error_causes(all, w); });
  EXPECT_EQ(out.size(), error_causes_size(all));
  auto parsed = parse_error_causes(out);
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(*parsed, all);
  size_t offset = 0;
  for (const ErrorCause& c : all) {
    EXPECT_EQ(load_be16(out.data() + offset), error_cause_code(c));
    EXPECT_EQ(load_be16(out.data() + offset + 2), error_cause_length(c));
    offset += pad4(error_cause_length(c));
  }
}

// ------------------------------------------------------------ describe()

TEST(DescribeErrorCause, NamesTheCauseAndItsDetails) {
  const Bytes violation = {'b', 'a', 'd', ' ', 'T', 'S', 'N'};
  const Bytes abort_reason = {'s', 'h', 'u', 't', 't', 'i', 'n', 'g', ' ', 'd', 'o', 'w', 'n', 0};
  EXPECT_EQ(describe(ProtocolViolationCause{violation}), "Protocol Violation: bad TSN");
  EXPECT_EQ(describe(UserInitiatedAbortCause{abort_reason}), "User-Initiated Abort: shutting down");
  EXPECT_EQ(describe(UserInitiatedAbortCause{}), "User-Initiated Abort");
  EXPECT_EQ(describe(InvalidStreamIdentifierCause{StreamId(7)}),
            "Invalid Stream Identifier: stream 7");
  EXPECT_EQ(describe(MissingMandatoryParameterCause{{7}}),
            "Missing Mandatory Parameter: State Cookie (0x0007)");
  EXPECT_EQ(describe(StaleCookieCause{1500}), "Stale Cookie: 1500 us past its lifetime");
  EXPECT_EQ(describe(NoUserDataCause{Tsn(42)}), "No User Data: TSN 42");
  EXPECT_EQ(describe(UnresolvableAddressCause{kHostNameTlv}),
            "Unresolvable Address: Host Name Address parameter (0x000b)");
  const Bytes chunk = {0x4F, 0, 0, 4};
  EXPECT_EQ(describe(UnrecognizedChunkTypeCause{chunk}), "Unrecognized Chunk Type: 0x4f");
  const Bytes params = {0x80, 0x0A, 0x00, 0x04, 0x00, 0x0B, 0x00, 0x05, 'x'};
  EXPECT_EQ(describe(UnrecognizedParametersCause{params}),
            "Unrecognized Parameters: Unknown (0x800a), Host Name Address (0x000b)");
  EXPECT_EQ(describe(RequestToDeleteLastAddressCause{kDeleteIpTlv}),
            "Request to Delete Last Remaining IP Address: Delete IP Address parameter (0xc002)");
  EXPECT_EQ(describe(IllegalAsconfAckCause{}), "Association Aborted Due to Illegal ASCONF-ACK");
  EXPECT_EQ(describe(UnsupportedHmacIdentifierCause{2}), "Unsupported HMAC Identifier: 2");
  EXPECT_EQ(describe(UnknownErrorCause{0x0100, params}), "Unknown error cause 0x0100 (9 bytes)");
  EXPECT_EQ(describe(OutOfResourceCause{}), "Out of Resource");
}

TEST(DescribeErrorCause, EscapesAndCapsPeerSuppliedText) {
  const Bytes info = {'a', '\n', 0x00, 0xFF, '\\', 'b'};
  EXPECT_EQ(describe(ProtocolViolationCause{info}), "Protocol Violation: a\\x0a\\x00\\xff\\x5cb");
  const Bytes long_info(1000, 'z');
  const std::string text = describe(ProtocolViolationCause{long_info});
  EXPECT_EQ(text, "Protocol Violation: " + std::string(256, 'z') + "...");
}

TEST(DescribeErrorCause, JoinsAList) {
  auto causes = parse_error_causes(kCauseList);
  ASSERT_TRUE(causes);
  EXPECT_EQ(describe(std::span<const ErrorCause>(*causes)),
            "User-Initiated Abort: bye; Unknown error cause 0x0100 (2 bytes); No User Data: TSN "
            "5; Unsupported HMAC Identifier: 3");
}

template <size_t I = 0>
void expect_every_cause_has_a_description() {
  if constexpr (I <= kTypedErrorCauseCount) {
    const ErrorCause cause(std::in_place_index<I>);
    const std::string text = describe(cause);
    EXPECT_FALSE(text.empty());
    if constexpr (I < kTypedErrorCauseCount) {
      using T = std::variant_alternative_t<I, ErrorCause>;
      EXPECT_EQ(text.rfind(error_cause_name(static_cast<uint16_t>(T::kCode)), 0), 0u) << text;
    }
    expect_every_cause_has_a_description<I + 1>();
  }
}

TEST(DescribeErrorCause, EveryCauseStartsWithItsName) {
  expect_every_cause_has_a_description();
}

}  // namespace
}  // namespace sctp
