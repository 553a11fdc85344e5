#include "packet/error_causes/unrecognized_parameters_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UnrecognizedParametersCause> UnrecognizedParametersCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Unrecognized Parameters cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::check_tlv_sequence(raw.value, kWhat, /*require_nonempty=*/true)) {
    return Unexpected(*e);
  }
  return UnrecognizedParametersCause{raw.value};
}

void UnrecognizedParametersCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(parameters);
  tlv.finish();
}

bool UnrecognizedParametersCause::operator==(const UnrecognizedParametersCause& other) const {
  return std::ranges::equal(parameters, other.parameters);
}

}  // namespace sctp
