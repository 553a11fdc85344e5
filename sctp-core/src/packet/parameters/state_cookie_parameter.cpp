#include "packet/parameters/state_cookie_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<StateCookieParameter> StateCookieParameter::parse(const RawTlv& raw) {
  if (auto e =
          tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), "State Cookie parameter")) {
    return Unexpected(*e);
  }
  // Any size is structurally valid; the cookie's own integrity check (its MAC)
  // is the socket's job (RFC 9260 section 5.1.5).
  return StateCookieParameter{raw.value};
}

void StateCookieParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(cookie);
  tlv.finish();
}

bool StateCookieParameter::operator==(const StateCookieParameter& other) const {
  return std::ranges::equal(cookie, other.cookie);
}

}  // namespace sctp
