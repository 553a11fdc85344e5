// Invalid Mandatory Parameter error cause (RFC 9260 section 3.3.10.7): a mandatory parameter of
// INIT or INIT ACK was set to an invalid value.
//
// |     Cause Code=7              |      Cause Length=4           |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct InvalidMandatoryParameterCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kInvalidMandatoryParameter;

  static ParseResult<InvalidMandatoryParameterCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const InvalidMandatoryParameterCause&) const = default;
};

}  // namespace sctp
