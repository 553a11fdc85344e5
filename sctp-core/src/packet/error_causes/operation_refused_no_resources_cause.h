// Operation Refused Due to Resource Shortage error cause (RFC 5061 section 4.3.2): the receiver
// lacked the resources to perform an ASCONF request.
//
// |     Cause Code=0x00A1         |      Cause Length=Variable    |
// /                     TLV-Copied-From-ASCONF                    /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct OperationRefusedNoResourcesCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kOperationRefusedNoResources;

  // The entire ASCONF parameter TLV that was refused. Raw bytes: header and
  // value, padding included when the sender copied it. Parsing checks that
  // they frame exactly one TLV.
  ByteSpan asconf_parameter;

  static ParseResult<OperationRefusedNoResourcesCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + asconf_parameter.size(); }
  void serialize(ByteWriter& writer) const;
  // Type of the quoted TLV; only valid on parsed values.
  [[nodiscard]] uint16_t quoted_type() const {
    return asconf_parameter.size() >= 2 ? load_be16(asconf_parameter.data()) : 0;
  }
  bool operator==(const OperationRefusedNoResourcesCause& other) const;
};

}  // namespace sctp
