// Out of Resource error cause (RFC 9260 section 3.3.10.4): the sender is out of resources,
// typically sent in an ABORT.
//
// |     Cause Code=4              |      Cause Length=4           |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct OutOfResourceCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kOutOfResource;

  static ParseResult<OutOfResourceCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const OutOfResourceCause&) const = default;
};

}  // namespace sctp
