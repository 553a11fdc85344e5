#include "packet/parameters/unrecognized_parameter_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UnrecognizedParameterParameter> UnrecognizedParameterParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Unrecognized Parameter parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::check_tlv_sequence(raw.value, kWhat, /*require_nonempty=*/true)) {
    return Unexpected(*e);
  }
  return UnrecognizedParameterParameter{raw.value};
}

void UnrecognizedParameterParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(parameter);
  tlv.finish();
}

uint16_t UnrecognizedParameterParameter::unrecognized_type() const {
  return parameter.size() >= 2 ? load_be16(parameter.data()) : 0;
}

bool UnrecognizedParameterParameter::operator==(const UnrecognizedParameterParameter& other) const {
  return std::ranges::equal(parameter, other.parameter);
}

}  // namespace sctp
