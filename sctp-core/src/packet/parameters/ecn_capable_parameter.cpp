#include "packet/parameters/ecn_capable_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<EcnCapableParameter> EcnCapableParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "ECN Capable parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, 0, kWhat)) return Unexpected(*e);
  return EcnCapableParameter{};
}

void EcnCapableParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  tlv.finish();
}

}  // namespace sctp
