#include "packet/parameters/forward_tsn_supported_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ForwardTsnSupportedParameter> ForwardTsnSupportedParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Forward-TSN Supported parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, 0, kWhat)) return Unexpected(*e);
  return ForwardTsnSupportedParameter{};
}

void ForwardTsnSupportedParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  tlv.finish();
}

}  // namespace sctp
