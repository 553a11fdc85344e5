// Cookie Received While Shutting Down error cause (RFC 9260 section 3.3.10.10): a COOKIE ECHO
// arrived in SHUTDOWN-ACK-SENT state.
//
// |     Cause Code=10             |      Cause Length=4           |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct CookieReceivedWhileShuttingDownCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kCookieReceivedWhileShuttingDown;

  static ParseResult<CookieReceivedWhileShuttingDownCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const CookieReceivedWhileShuttingDownCause&) const = default;
};

}  // namespace sctp
