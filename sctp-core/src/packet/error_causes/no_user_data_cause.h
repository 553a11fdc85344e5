// No User Data error cause (RFC 9260 section 3.3.10.9): a DATA (or I-DATA)
// chunk arrived with no user data (RFC 9260 section 6.2).
//
// |     Cause Code=9              |      Cause Length=8           |
// /                           TSN value                           /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"
#include "sctp/strong_types.h"

namespace sctp {

struct NoUserDataCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kNoUserData;
  static constexpr size_t kValueSize = 4;

  Tsn tsn;  // TSN of the empty DATA chunk

  static ParseResult<NoUserDataCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const NoUserDataCause&) const = default;
};

}  // namespace sctp
