// Unrecognized Parameter parameter (RFC 9260 section 3.3.3.1), carried in
// INIT ACK: the complete parameter (type, length, value) copied from the INIT
// that the sender did not recognize.
//
// |        Type = 8               |          Length               |
// /                  Unrecognized Parameter                       /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct UnrecognizedParameterParameter {
  static constexpr ParameterType kType = ParameterType::kUnrecognizedParameter;

  // The wrapped parameter's raw bytes (header included; trailing padding
  // included when the sender copied it). Parsing checks that these bytes are
  // framed as parameter TLVs; some stacks put several in one wrapper.
  ByteSpan parameter;

  static ParseResult<UnrecognizedParameterParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + parameter.size(); }
  void serialize(ByteWriter& writer) const;
  // Type of the (first) wrapped parameter; only valid on parsed values.
  [[nodiscard]] uint16_t unrecognized_type() const;
  bool operator==(const UnrecognizedParameterParameter& other) const;
};

}  // namespace sctp
