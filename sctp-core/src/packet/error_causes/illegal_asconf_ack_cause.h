// Association Aborted Due to Illegal ASCONF-ACK error cause (RFC 5061 section 4.3.4): an ASCONF-ACK
// arrived that answers no outstanding ASCONF (RFC 5061 section 5.3 rule F0).
//
// |     Cause Code=0x00A3         |      Cause Length=4           |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct IllegalAsconfAckCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kIllegalAsconfAck;

  static ParseResult<IllegalAsconfAckCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const IllegalAsconfAckCause&) const = default;
};

}  // namespace sctp
