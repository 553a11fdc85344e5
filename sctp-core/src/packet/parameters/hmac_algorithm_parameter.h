// Requested HMAC Algorithm parameter, HMAC-ALGO (RFC 4895 section 3.3).
//
// |     Parameter Type = 0x8004   |      Parameter Length         |
// |          HMAC Identifier 1    |      HMAC Identifier 2        |
// /                                                               /
// |          HMAC Identifier n    |           Padding             |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct HmacAlgorithmParameter {
  static constexpr ParameterType kType = ParameterType::kHmacAlgorithm;
  // RFC 4895 section 3.3 / IANA: 1 = SHA-1, 3 = SHA-256 (2 is reserved).
  static constexpr uint16_t kSha1 = 1;
  static constexpr uint16_t kSha256 = 3;

  // In order of preference. RFC 4895 section 3.3 requires SHA-1 in the list;
  // that is a negotiation rule checked by the AUTH layer, not by the parser.
  std::vector<uint16_t> hmac_ids;

  static ParseResult<HmacAlgorithmParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + 2 * hmac_ids.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const HmacAlgorithmParameter&) const = default;
};

}  // namespace sctp
