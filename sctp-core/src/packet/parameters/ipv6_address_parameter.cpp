#include "packet/parameters/ipv6_address_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<Ipv6AddressParameter> Ipv6AddressParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "IPv6 Address parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  // Length is exactly 20 (RFC 9260 section 3.3.2.1).
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  Ipv6AddressParameter p;
  std::ranges::copy(raw.value, p.address.begin());
  return p;
}

void Ipv6AddressParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(address);
  tlv.finish();
}

}  // namespace sctp
