#include "packet/parameters/supported_address_types_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<SupportedAddressTypesParameter> SupportedAddressTypesParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Supported Address Types parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  // At least one 16-bit address type: an empty list would announce support
  // for no address family at all, which no endpoint can act upon.
  if (auto e = tlv_checks::expect_min_size(raw.value, 2, kWhat)) return Unexpected(*e);
  if (auto e = tlv_checks::expect_multiple_of(raw.value.size(), 2, kWhat)) return Unexpected(*e);
  return SupportedAddressTypesParameter{tlv_checks::read_u16_list(raw.value)};
}

void SupportedAddressTypesParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  for (uint16_t t : address_types)
    writer.u16(t);
  tlv.finish();
}

bool SupportedAddressTypesParameter::contains(ParameterType type) const {
  return std::ranges::find(address_types, static_cast<uint16_t>(type)) != address_types.end();
}

}  // namespace sctp
