#include "packet/error_causes/missing_mandatory_parameter_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<MissingMandatoryParameterCause> MissingMandatoryParameterCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Missing Mandatory Parameter cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_min_size(raw.value, 4, kWhat)) return Unexpected(*e);
  const ByteReader r(raw.value);
  const ByteSpan list = r.rest(4);
  if (auto e = tlv_checks::expect_multiple_of(list.size(), 2, kWhat)) return Unexpected(*e);
  // The count must match the length (RFC 9260 section 3.3.10.2: length 8+N*2);
  // compare in 64 bits so a huge count cannot wrap.
  if (uint64_t(r.u32(0)) != list.size() / 2) {
    return parse_error(ParseErrorCode::kInconsistent, kWhat);
  }
  return MissingMandatoryParameterCause{tlv_checks::read_u16_list(list)};
}

void MissingMandatoryParameterCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.u32(static_cast<uint32_t>(missing_types.size()));
  for (uint16_t t : missing_types)
    writer.u16(t);
  tlv.finish();
}

}  // namespace sctp
