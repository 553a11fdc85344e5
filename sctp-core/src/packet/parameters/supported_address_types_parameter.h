// Supported Address Types parameter (RFC 9260 section 3.3.2.1), in INIT.
//
// |          Type = 12            |          Length               |
// |        Address Type #1        |        Address Type #2        |
// |            ......             |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct SupportedAddressTypesParameter {
  static constexpr ParameterType kType = ParameterType::kSupportedAddressTypes;

  // Parameter type codes (IPv4 = 5, IPv6 = 6, Host Name = 11); kept as raw
  // numbers so values we do not know survive a round trip.
  std::vector<uint16_t> address_types;

  static ParseResult<SupportedAddressTypesParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + 2 * address_types.size(); }
  void serialize(ByteWriter& writer) const;
  [[nodiscard]] bool contains(ParameterType type) const;
  bool operator==(const SupportedAddressTypesParameter&) const = default;
};

}  // namespace sctp
