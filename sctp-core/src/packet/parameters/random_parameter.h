// RANDOM parameter (RFC 4895 section 3.1), input to the AUTH key derivation.
//
// |     Parameter Type = 0x8002   |       Parameter Length        |
// /                          Random Number                        /
//
// RFC 4895 section 3.1 says the random number SHOULD be 32 bytes long. We
// accept any non-empty value (a SHOULD does not make other sizes malformed);
// the AUTH layer decides whether a short key is acceptable.
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct RandomParameter {
  static constexpr ParameterType kType = ParameterType::kRandom;
  static constexpr size_t kRecommendedSize = 32;  // RFC 4895 section 3.1

  ByteSpan random;  // view into the parsed chunk or the caller's buffer

  static ParseResult<RandomParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + random.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const RandomParameter& other) const;
};

}  // namespace sctp
