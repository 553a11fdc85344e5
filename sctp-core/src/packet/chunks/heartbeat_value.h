// The value shared by HEARTBEAT and HEARTBEAT ACK (RFC 9260 sections 3.3.5
// and 3.3.6): exactly one Heartbeat Information TLV.
//
// Errors: an empty value or one too short for a TLV header is kLengthTooShort;
// a first TLV of another type is kInvalidValue (the mandatory parameter is
// missing); a second TLV is kTooMany, and bytes too few to frame one are
// the TLV framing error (kTruncated and the like). The last TLV's padding
// may be absent (a chunk length excludes the padding of its last parameter,
// RFC 9260 section 3.2).
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameters/heartbeat_info_parameter.h"

namespace sctp {

[[nodiscard]] ParseResult<HeartbeatInfoParameter> parse_heartbeat_value(ByteSpan value,
                                                                        const char* what);

}  // namespace sctp
