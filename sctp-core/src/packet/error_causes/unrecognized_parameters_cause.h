// Unrecognized Parameters error cause (RFC 9260 section 3.3.10.8): the sender of INIT did not
// recognize parameters of the INIT ACK whose type's upper bits ask for a report.
//
// |     Cause Code=8              |      Cause Length=Variable    |
// /                    Unrecognized Parameters                    /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct UnrecognizedParametersCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kUnrecognizedParameters;

  // The complete TLVs of the unrecognized parameters. Raw bytes; parsing checks that
  // they frame one or more TLVs (the last one's padding optional).
  ByteSpan parameters;

  static ParseResult<UnrecognizedParametersCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + parameters.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const UnrecognizedParametersCause& other) const;
};

}  // namespace sctp
