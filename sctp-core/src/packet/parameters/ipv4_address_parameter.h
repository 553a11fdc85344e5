// IPv4 Address parameter (RFC 9260 section 3.3.2.1).
//
// |        Type = 5               |      Length = 8               |
// |                        IPv4 Address                           |
#pragma once

#include <array>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct Ipv4AddressParameter {
  static constexpr ParameterType kType = ParameterType::kIpv4Address;
  static constexpr size_t kValueSize = 4;

  std::array<uint8_t, kValueSize> address{};  // network byte order

  static ParseResult<Ipv4AddressParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const Ipv4AddressParameter&) const = default;
};

}  // namespace sctp
