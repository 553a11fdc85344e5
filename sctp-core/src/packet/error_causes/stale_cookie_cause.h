// Stale Cookie error cause (RFC 9260 section 3.3.10.3): a COOKIE ECHO carried
// an expired cookie; the measure lets the peer ask for a longer life span
// with a Cookie Preservative parameter (RFC 9260 section 5.2.6).
//
// |     Cause Code=3              |      Cause Length=8           |
// |                 Measure of Staleness (usec.)                  |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct StaleCookieCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kStaleCookie;
  static constexpr size_t kValueSize = 4;

  uint32_t staleness_us = 0;  // how long past its lifetime the cookie arrived

  static ParseResult<StaleCookieCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const StaleCookieCause&) const = default;
};

}  // namespace sctp
