// Adaptation Layer Indication parameter (RFC 5061 section 4.2.6).
//
// |     Type = 0xC006             |    Length = 8                 |
// |                  Adaptation Code Point                        |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct AdaptationLayerIndicationParameter {
  static constexpr ParameterType kType = ParameterType::kAdaptationLayerIndication;
  static constexpr size_t kValueSize = 4;

  uint32_t adaptation_code_point = 0;

  static ParseResult<AdaptationLayerIndicationParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const AdaptationLayerIndicationParameter&) const = default;
};

}  // namespace sctp
