// RE-CONFIG (RFC 6525 section 3.1).
#include "packet/chunks/reconfig_chunk.h"

#include <gtest/gtest.h>

#include "chunk_test_util.h"

namespace sctp {
namespace {

using test::Bytes;
using test::expect_all_rejected;
using test::expect_flags_ignored;
using test::expect_golden_round_trip;
using test::raw_of;
using test::serialized;
using test::with_type;

// Outgoing + Incoming SSN Reset Request: combination 3 of section 3.1.
const Bytes kOutIn = {
    0x82, 0x00, 0x00, 0x22,  // RE-CONFIG, length 34
    0x00, 0x0D, 0x00, 0x14,  // Outgoing SSN Reset Request, length 20
    0x00, 0x00, 0x00, 0x01,  //   request sequence number 1
    0x00, 0x00, 0x00, 0x00,  //   response sequence number 0
    0x00, 0x00, 0x00, 0xFF,  //   sender's last assigned TSN 255
    0x00, 0x01, 0x00, 0x02,  //   streams 1, 2
    0x00, 0x0E, 0x00, 0x0A,  // Incoming SSN Reset Request, length 10
    0x00, 0x00, 0x00, 0x02,  //   request sequence number 2
    0x00, 0x03, 0x00, 0x00,  //   stream 3 + 2 padding bytes (not counted)
};

ReConfigChunk out_in_chunk() {
  return ReConfigChunk{{
      OutgoingSsnResetRequestParameter{
          ReconfigRequestSn(1), ReconfigRequestSn(0), Tsn(255), {StreamId(1), StreamId(2)}},
      IncomingSsnResetRequestParameter{ReconfigRequestSn(2), {StreamId(3)}},
  }};
}

// A lone Re-configuration Response: combination 8.
const Bytes kResponse = {
    0x82, 0x00, 0x00, 0x10,  // RE-CONFIG, length 16
    0x00, 0x10, 0x00, 0x0C,  // Re-configuration Response, length 12
    0x00, 0x00, 0x00, 0x05,  //   response sequence number 5
    0x00, 0x00, 0x00, 0x01,  //   result: success, performed
};

TEST(ReConfigChunk, ParsesGoldenBytes) {
  auto chunk = ReConfigChunk::parse(raw_of(kOutIn));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  ASSERT_EQ(chunk->parameters.size(), 2u);
  const auto* out = std::get_if<OutgoingSsnResetRequestParameter>(&chunk->parameters[0]);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(out->request_sn, ReconfigRequestSn(1));
  EXPECT_EQ(out->sender_last_assigned_tsn, Tsn(255));
  EXPECT_EQ(out->streams, (std::vector<StreamId>{StreamId(1), StreamId(2)}));
  const auto* in = std::get_if<IncomingSsnResetRequestParameter>(&chunk->parameters[1]);
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->streams, (std::vector<StreamId>{StreamId(3)}));
  EXPECT_EQ(chunk->length(), 34u);
  EXPECT_TRUE(chunk->is_allowed_combination());
}

TEST(ReConfigChunk, SerializesToGoldenBytesAndRoundTrips) {
  expect_golden_round_trip(out_in_chunk(), kOutIn);
  expect_golden_round_trip(
      ReConfigChunk{{ReconfigurationResponseParameter{
          ReconfigRequestSn(5), ReconfigResult::kSuccessPerformed, std::nullopt}}},
      kResponse);
  expect_flags_ignored<ReConfigChunk>(kResponse, 0xFF);
}

TEST(ReConfigChunk, AcceptsALengthThatCountsTheLastParameterPadding) {
  Bytes padded_length = kOutIn;
  padded_length[3] = 0x24;
  auto chunk = ReConfigChunk::parse(raw_of(padded_length));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_EQ(*chunk, out_in_chunk());
}

// The parameters of each kind, for the combination table.
const Parameter kOut =
    OutgoingSsnResetRequestParameter{ReconfigRequestSn(1), ReconfigRequestSn(0), Tsn(1), {}};
const Parameter kIn = IncomingSsnResetRequestParameter{ReconfigRequestSn(1), {}};
const Parameter kSsnTsn = SsnTsnResetRequestParameter{ReconfigRequestSn(1)};
const Parameter kAddOut = AddOutgoingStreamsRequestParameter{ReconfigRequestSn(1), 2};
const Parameter kAddIn = AddIncomingStreamsRequestParameter{ReconfigRequestSn(1), 2};
const Parameter kResp = ReconfigurationResponseParameter{
    ReconfigRequestSn(1), ReconfigResult::kSuccessNothingToDo, std::nullopt};
const Parameter kOther = ForwardTsnSupportedParameter{};

TEST(ReConfigChunk, AllowsExactlyTheCombinationsOfSection3_1) {
  struct Case {
    std::vector<Parameter> parameters;
    bool allowed;
  };
  const std::vector<Case> cases = {
      // The ten listed combinations (pairs in either order).
      {{kOut}, true},
      {{kIn}, true},
      {{kOut, kIn}, true},
      {{kIn, kOut}, true},
      {{kSsnTsn}, true},
      {{kAddOut}, true},
      {{kAddIn}, true},
      {{kAddOut, kAddIn}, true},
      {{kAddIn, kAddOut}, true},
      {{kResp}, true},
      {{kResp, kOut}, true},
      {{kOut, kResp}, true},
      {{kResp, kResp}, true},
      // Everything else is a Protocol Violation for the socket to report.
      {{}, false},
      {{kOther}, false},
      {{kOut, kOut}, false},
      {{kIn, kIn}, false},
      {{kSsnTsn, kOut}, false},
      {{kResp, kIn}, false},
      {{kAddOut, kOut}, false},
      {{kResp, kSsnTsn}, false},
      {{kOut, kIn, kResp}, false},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(ReConfigChunk{cases[i].parameters}.is_allowed_combination(), cases[i].allowed)
        << "case " << i;
  }
}

TEST(ReConfigChunk, ParsesADisallowedPairForTheSocketToReport) {
  // Two Incoming SSN Reset Requests: well formed, but not a listed pair.
  const Bytes in_in = {0x82, 0x00, 0x00, 0x14, 0x00, 0x0E, 0x00, 0x08, 0x00, 0x00,
                       0x00, 0x01, 0x00, 0x0E, 0x00, 0x08, 0x00, 0x00, 0x00, 0x02};
  auto chunk = ReConfigChunk::parse(raw_of(in_in));
  ASSERT_TRUE(chunk) << to_string(chunk.error());
  EXPECT_FALSE(chunk->is_allowed_combination());
}

TEST(ReConfigChunk, RejectsMalformed) {
  expect_all_rejected<ReConfigChunk>({
      {"no parameter", {0x82, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"parameter header cut", {0x82, 0, 0, 6, 0, 16, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"parameter length 2", {0x82, 0, 0, 8, 0, 16, 0, 2}, ParseErrorCode::kLengthTooShort},
      {"parameter length past the chunk",
       {0x82, 0, 0, 12, 0, 16, 0, 12, 0, 0, 0, 5},
       ParseErrorCode::kLengthTooLong},
      {"three parameters",
       {0x82, 0, 0, 28, 0, 15, 0, 8, 0, 0, 0, 1, 0, 15, 0, 8, 0, 0, 0, 2, 0, 15, 0, 8, 0, 0, 0, 3},
       ParseErrorCode::kTooMany},
      {"Response of 6 bytes",
       {0x82, 0, 0, 14, 0, 16, 0, 10, 0, 0, 0, 5, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooShort},
      {"second parameter cut short",
       {0x82, 0, 0, 18, 0, 15, 0, 8, 0, 0, 0, 1, 0, 15, 0, 8, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooLong},
      {"PAD type", with_type(kResponse, 0x84), ParseErrorCode::kWrongType},
      {"ASCONF-ACK type", with_type(kResponse, 0x80), ParseErrorCode::kWrongType},
  });
}

}  // namespace
}  // namespace sctp
