// Request Refused - No Authorization error cause (RFC 5061 section 4.3.5): an ASCONF request was
// refused by local security policy.
//
// |     Cause Code=0x00A4         |      Cause Length=Variable    |
// /                     TLV-Copied-From-ASCONF                    /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct RequestRefusedNoAuthorizationCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kRequestRefusedNoAuthorization;

  // The entire ASCONF parameter TLV that was refused. Raw bytes: header and
  // value, padding included when the sender copied it. Parsing checks that
  // they frame exactly one TLV.
  ByteSpan asconf_parameter;

  static ParseResult<RequestRefusedNoAuthorizationCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + asconf_parameter.size(); }
  void serialize(ByteWriter& writer) const;
  // Type of the quoted TLV; only valid on parsed values.
  [[nodiscard]] uint16_t quoted_type() const {
    return asconf_parameter.size() >= 2 ? load_be16(asconf_parameter.data()) : 0;
  }
  bool operator==(const RequestRefusedNoAuthorizationCause& other) const;
};

}  // namespace sctp
