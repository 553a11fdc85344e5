// Unsupported HMAC Identifier error cause (RFC 4895 section 4.1): an AUTH
// chunk used an HMAC the receiver does not support.
//
// |     Cause Code=0x0105         |      Cause Length=6           |
// |       HMAC Identifier         |           Padding             |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct UnsupportedHmacIdentifierCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kUnsupportedHmacIdentifier;
  static constexpr size_t kValueSize = 2;

  uint16_t hmac_id = 0;

  static ParseResult<UnsupportedHmacIdentifierCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const UnsupportedHmacIdentifierCause&) const = default;
};

}  // namespace sctp
