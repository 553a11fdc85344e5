#include "packet/parameters/reconfiguration_response_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ReconfigurationResponseParameter> ReconfigurationResponseParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Re-configuration Response parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  const size_t size = raw.value.size();
  if (size < kShortValueSize) return parse_error(ParseErrorCode::kLengthTooShort, kWhat);
  if (size > kLongValueSize) return parse_error(ParseErrorCode::kLengthTooLong, kWhat);
  // Room for exactly one of the two optional TSNs: RFC 6525 section 4.4
  // defines them as a pair.
  if (size == kShortValueSize + 4) return parse_error(ParseErrorCode::kInconsistent, kWhat);
  if (size != kShortValueSize && size != kLongValueSize) {
    return parse_error(ParseErrorCode::kMisaligned, kWhat);
  }
  const ByteReader r(raw.value);
  ReconfigurationResponseParameter p;
  p.response_sn = ReconfigRequestSn(r.u32(0));
  p.result = static_cast<ReconfigResult>(r.u32(4));
  if (size == kLongValueSize) p.next_tsns = NextTsns{Tsn(r.u32(8)), Tsn(r.u32(12))};
  return p;
}

void ReconfigurationResponseParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(response_sn.value());
  writer.u32(static_cast<uint32_t>(result));
  if (next_tsns) {
    writer.u32(next_tsns->sender_next_tsn.value());
    writer.u32(next_tsns->receiver_next_tsn.value());
  }
  tlv.finish();
}

}  // namespace sctp
