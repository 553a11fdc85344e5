// An error cause whose code this implementation does not know, kept with its
// bytes (RFC 9260 section 3.3.10: new causes may be defined; an unknown one
// is reported to the user, not a reason to reject the chunk).
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/tlv.h"

namespace sctp {

struct UnknownErrorCause {
  uint16_t code = 0;
  ByteSpan value;  // without header and padding

  // Accepts any code: the dispatcher calls it for codes it has no parser for.
  static ParseResult<UnknownErrorCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + value.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const UnknownErrorCause& other) const;
};

}  // namespace sctp
