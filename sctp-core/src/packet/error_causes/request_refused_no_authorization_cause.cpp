#include "packet/error_causes/request_refused_no_authorization_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<RequestRefusedNoAuthorizationCause> RequestRefusedNoAuthorizationCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Request Refused - No Authorization cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  auto quoted = tlv_checks::parse_single_tlv(raw.value, kWhat);
  if (!quoted) return Unexpected(quoted.error());
  return RequestRefusedNoAuthorizationCause{raw.value};
}

void RequestRefusedNoAuthorizationCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(asconf_parameter);
  tlv.finish();
}

bool RequestRefusedNoAuthorizationCause::operator==(
    const RequestRefusedNoAuthorizationCause& other) const {
  return std::ranges::equal(asconf_parameter, other.asconf_parameter);
}

}  // namespace sctp
