// Padding parameter (RFC 4820 section 4): pads an INIT to probe the path MTU.
//
// |     Parameter Type = 0x8005   |       Parameter Length        |
// /                          Padding Data                         /
//
// RFC 4820 section 4: "The receiver of the PAD parameter MUST silently
// discard this parameter". The content is therefore not kept; we keep its
// size and write zeros.
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct PaddingParameter {
  static constexpr ParameterType kType = ParameterType::kPadding;
  static constexpr size_t kMaxPaddingSize = 0xFFFF - kTlvHeaderSize;

  uint16_t padding_size = 0;  // number of Padding Data bytes, at most kMaxPaddingSize

  static ParseResult<PaddingParameter> parse(const RawTlv& raw);
  // A padding_size above kMaxPaddingSize is written as kMaxPaddingSize.
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + clamped_size(); }
  [[nodiscard]] size_t clamped_size() const {
    return padding_size > kMaxPaddingSize ? kMaxPaddingSize : padding_size;
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const PaddingParameter&) const = default;
};

}  // namespace sctp
