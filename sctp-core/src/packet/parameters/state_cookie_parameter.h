// State Cookie parameter (RFC 9260 section 3.3.3.1): opaque to the receiver
// of INIT ACK, which echoes it in COOKIE ECHO.
//
// |        Type = 7               |          Length               |
// /                            Cookie                             /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct StateCookieParameter {
  static constexpr ParameterType kType = ParameterType::kStateCookie;

  ByteSpan cookie;  // view into the parsed chunk or the caller's buffer

  static ParseResult<StateCookieParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + cookie.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const StateCookieParameter& other) const;
};

}  // namespace sctp
