// Success Indication parameter (RFC 5061 section 4.2.5), in ASCONF-ACK.
//
// |     Parameter Type=0xC005     |    Parameter Length = 8       |
// |                 ASCONF-Request Correlation ID                 |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct SuccessIndicationParameter {
  static constexpr ParameterType kType = ParameterType::kSuccessIndication;
  static constexpr size_t kValueSize = 4;

  AsconfCorrelationId correlation_id;

  static ParseResult<SuccessIndicationParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const SuccessIndicationParameter&) const = default;
};

}  // namespace sctp
