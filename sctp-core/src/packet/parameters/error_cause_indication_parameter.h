// Error Cause Indication parameter (RFC 5061 section 4.2.3), in ASCONF-ACK:
// why the ASCONF parameter with this correlation id failed.
//
// |     Type = 0xC003             |      Length = Variable        |
// |                 ASCONF-Request Correlation ID                 |
// |                       Error Cause(s)                          |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct ErrorCauseIndicationParameter {
  static constexpr ParameterType kType = ParameterType::kErrorCauseIndication;

  AsconfCorrelationId correlation_id;
  // At least one cause: the parameter exists to report an error.
  std::vector<ErrorCause> causes;

  static ParseResult<ErrorCauseIndicationParameter> parse(const RawTlv& raw);
  // Inner causes but the last are padded; the last one's padding is not
  // counted, as for the last parameter of a chunk.
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;
  bool operator==(const ErrorCauseIndicationParameter&) const = default;
};

}  // namespace sctp
