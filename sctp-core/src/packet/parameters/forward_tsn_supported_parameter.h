// Forward-TSN Supported parameter (RFC 3758 section 3.1): a flag with no value.
//
// |     Parameter Type = 0xC000   |      Parameter Length = 4     |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct ForwardTsnSupportedParameter {
  static constexpr ParameterType kType = ParameterType::kForwardTsnSupported;

  static ParseResult<ForwardTsnSupportedParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ForwardTsnSupportedParameter&) const = default;
};

}  // namespace sctp
