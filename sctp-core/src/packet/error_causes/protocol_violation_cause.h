// Protocol Violation error cause (RFC 9260 section 3.3.10.13): the peer broke a protocol rule not
// covered by the other causes.
//
// |     Cause Code=13             |      Cause Length=Variable    |
// /                     Additional Information                    /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct ProtocolViolationCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kProtocolViolation;

  ByteSpan additional_information;  // view into the parsed chunk or the caller's buffer

  static ParseResult<ProtocolViolationCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + additional_information.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ProtocolViolationCause& other) const;
};

}  // namespace sctp
