// Missing Mandatory Parameter error cause (RFC 9260 section 3.3.10.2): an
// INIT or INIT ACK lacked mandatory parameters (e.g. the State Cookie).
//
// |     Cause Code=2              |      Cause Length=8+N*2       |
// |                   Number of missing params=N                  |
// |   Missing Param Type #1       |   Missing Param Type #2       |
// |   Missing Param Type #N-1     |   Missing Param Type #N       |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct MissingMandatoryParameterCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kMissingMandatoryParameter;

  // Parameter type codes; the count field is derived from the list.
  std::vector<uint16_t> missing_types;

  static ParseResult<MissingMandatoryParameterCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + 4 + 2 * missing_types.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const MissingMandatoryParameterCause&) const = default;
};

}  // namespace sctp
