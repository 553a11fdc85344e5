#include "packet/error_causes/cookie_received_while_shutting_down_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<CookieReceivedWhileShuttingDownCause> CookieReceivedWhileShuttingDownCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Cookie Received While Shutting Down cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // The cause length is exactly 4 (RFC 9260 section 3.3.10.10).
  if (auto e = tlv_checks::expect_size(raw.value, 0, kWhat)) return Unexpected(*e);
  return CookieReceivedWhileShuttingDownCause{};
}

void CookieReceivedWhileShuttingDownCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  tlv.finish();
}

}  // namespace sctp
