#include "packet/parameters/add_ip_address_parameter.h"

#include "packet/parameters/asconf_address_body.h"
#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<AddIpAddressParameter> AddIpAddressParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Add IP Address parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  auto body = parse_asconf_address_body(raw.value, kWhat);
  if (!body) return Unexpected(body.error());
  return AddIpAddressParameter{body->correlation_id, body->address};
}

void AddIpAddressParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(correlation_id.value());
  serialize_address_parameter(address, writer);
  tlv.finish();
}

}  // namespace sctp
