// Cookie Preservative parameter (RFC 9260 section 3.3.2.1): asks the peer to
// extend the life span of the next State Cookie.
//
// |          Type = 9             |          Length = 8           |
// |         Suggested Cookie Life-Span Increment (msec.)          |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct CookiePreservativeParameter {
  static constexpr ParameterType kType = ParameterType::kCookiePreservative;
  static constexpr size_t kValueSize = 4;

  uint32_t life_span_increment_ms = 0;

  static ParseResult<CookiePreservativeParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const CookiePreservativeParameter&) const = default;
};

}  // namespace sctp
