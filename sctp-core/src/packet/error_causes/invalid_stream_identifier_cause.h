// Invalid Stream Identifier error cause (RFC 9260 section 3.3.10.1).
//
// |     Cause Code=1              |      Cause Length=8           |
// |        Stream Identifier      |         (Reserved)            |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"
#include "sctp/strong_types.h"

namespace sctp {

struct InvalidStreamIdentifierCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kInvalidStreamIdentifier;

  StreamId stream_id;

  static ParseResult<InvalidStreamIdentifierCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + 4; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const InvalidStreamIdentifierCause&) const = default;
};

}  // namespace sctp
