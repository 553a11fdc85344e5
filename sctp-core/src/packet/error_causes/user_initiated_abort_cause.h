// User-Initiated Abort error cause (RFC 9260 section 3.3.10.12): the upper layer aborted the
// association; the reason is opaque to SCTP.
//
// |     Cause Code=12             |      Cause Length=Variable    |
// /                    Upper Layer Abort Reason                   /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct UserInitiatedAbortCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kUserInitiatedAbort;

  ByteSpan reason;  // view into the parsed chunk or the caller's buffer

  static ParseResult<UserInitiatedAbortCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + reason.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const UserInitiatedAbortCause& other) const;
};

}  // namespace sctp
