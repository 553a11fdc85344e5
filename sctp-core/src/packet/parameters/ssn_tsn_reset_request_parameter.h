// SSN/TSN Reset Request parameter (RFC 6525 section 4.3).
//
// |     Parameter Type = 15       |      Parameter Length = 8     |
// |         Re-configuration Request Sequence Number              |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct SsnTsnResetRequestParameter {
  static constexpr ParameterType kType = ParameterType::kSsnTsnResetRequest;
  static constexpr size_t kValueSize = 4;

  ReconfigRequestSn request_sn;

  static ParseResult<SsnTsnResetRequestParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const SsnTsnResetRequestParameter&) const = default;
};

}  // namespace sctp
