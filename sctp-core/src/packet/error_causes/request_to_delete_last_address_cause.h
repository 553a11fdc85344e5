// Request to Delete Last Remaining IP Address error cause (RFC 5061 section 4.3.1): an ASCONF asked
// to delete the last remaining address of its sender (RFC 5061 section 5.3 rule F7).
//
// |     Cause Code=0x00A0         |      Cause Length=Variable    |
// /                     TLV-Copied-From-ASCONF                    /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct RequestToDeleteLastAddressCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kRequestToDeleteLastAddress;

  // The ASCONF parameter (Delete IP Address, with its address) that was refused. Raw bytes: header
  // and value, padding included when the sender copied it. Parsing checks that they frame exactly
  // one TLV.
  ByteSpan asconf_parameter;

  static ParseResult<RequestToDeleteLastAddressCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + asconf_parameter.size(); }
  void serialize(ByteWriter& writer) const;
  // Type of the quoted TLV; only valid on parsed values.
  [[nodiscard]] uint16_t quoted_type() const {
    return asconf_parameter.size() >= 2 ? load_be16(asconf_parameter.data()) : 0;
  }
  bool operator==(const RequestToDeleteLastAddressCause& other) const;
};

}  // namespace sctp
