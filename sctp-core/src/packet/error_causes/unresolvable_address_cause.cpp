#include "packet/error_causes/unresolvable_address_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UnresolvableAddressCause> UnresolvableAddressCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Unresolvable Address cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  auto quoted = tlv_checks::parse_single_tlv(raw.value, kWhat);
  if (!quoted) return Unexpected(quoted.error());
  return UnresolvableAddressCause{raw.value};
}

void UnresolvableAddressCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(address);
  tlv.finish();
}

bool UnresolvableAddressCause::operator==(const UnresolvableAddressCause& other) const {
  return std::ranges::equal(address, other.address);
}

}  // namespace sctp
