// ECN Capable parameter (RFC 9260 appendix A): a flag with no value.
//
// |     Parameter Type = 0x8000   |      Parameter Length = 4     |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct EcnCapableParameter {
  static constexpr ParameterType kType = ParameterType::kEcnCapable;

  static ParseResult<EcnCapableParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const EcnCapableParameter&) const = default;
};

}  // namespace sctp
