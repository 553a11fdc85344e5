// IPv6 Address parameter (RFC 9260 section 3.3.2.1).
//
// |        Type = 6               |      Length = 20              |
// |                  IPv6 Address (128 bits)                      |
#pragma once

#include <array>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct Ipv6AddressParameter {
  static constexpr ParameterType kType = ParameterType::kIpv6Address;
  static constexpr size_t kValueSize = 16;

  std::array<uint8_t, kValueSize> address{};  // network byte order

  static ParseResult<Ipv6AddressParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const Ipv6AddressParameter&) const = default;
};

}  // namespace sctp
