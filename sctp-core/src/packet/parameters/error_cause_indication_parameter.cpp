#include "packet/parameters/error_cause_indication_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ErrorCauseIndicationParameter> ErrorCauseIndicationParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Error Cause Indication parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  // Correlation ID plus at least one cause header.
  if (auto e = tlv_checks::expect_min_size(raw.value, 4 + kTlvHeaderSize, kWhat)) {
    return Unexpected(*e);
  }
  const ByteReader r(raw.value);
  auto causes = parse_error_causes(r.rest(4));
  if (!causes) return Unexpected(causes.error());
  return ErrorCauseIndicationParameter{AsconfCorrelationId(r.u32(0)), std::move(*causes)};
}

size_t ErrorCauseIndicationParameter::length() const {
  size_t n = kTlvHeaderSize + 4;
  for (size_t i = 0; i < causes.size(); ++i) {
    const size_t cause_length = error_cause_length(causes[i]);
    n += (i + 1 == causes.size()) ? cause_length : pad4(cause_length);
  }
  return n;
}

void ErrorCauseIndicationParameter::serialize(ByteWriter& writer) const {
  writer.u16(static_cast<uint16_t>(kType));
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(correlation_id.value());
  // Pads every cause, the last one included, which is also this parameter's
  // padding (RFC 9260 section 3.2.1).
  serialize_error_causes(causes, writer);
}

}  // namespace sctp
