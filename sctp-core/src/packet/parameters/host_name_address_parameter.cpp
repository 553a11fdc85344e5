#include "packet/parameters/host_name_address_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<HostNameAddressParameter> HostNameAddressParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Host Name Address parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  // At least the terminating NUL, which RFC 9260 section 3.3.2.1 says "must
  // be included in the length".
  if (auto e = tlv_checks::expect_min_size(raw.value, 1, kWhat)) return Unexpected(*e);
  if (std::ranges::find(raw.value, uint8_t{0}) == raw.value.end()) {
    return parse_error(ParseErrorCode::kInvalidValue, "Host Name Address terminator");
  }
  return HostNameAddressParameter{raw.value};
}

void HostNameAddressParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(host_name);
  tlv.finish();
}

std::string_view HostNameAddressParameter::name() const {
  const auto end = std::ranges::find(host_name, uint8_t{0});
  return std::string_view(reinterpret_cast<const char*>(host_name.data()),
                          size_t(end - host_name.begin()));
}

bool HostNameAddressParameter::operator==(const HostNameAddressParameter& other) const {
  return std::ranges::equal(host_name, other.host_name);
}

}  // namespace sctp
