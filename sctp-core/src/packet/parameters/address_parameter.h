// An IPv4 or IPv6 Address parameter, as nested in the RFC 5061 ASCONF
// parameters (Add IP Address, Delete IP Address, Set Primary Address).
#pragma once

#include <variant>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameters/ipv4_address_parameter.h"
#include "packet/parameters/ipv6_address_parameter.h"
#include "packet/tlv.h"

namespace sctp {

using AddressParameter = std::variant<Ipv4AddressParameter, Ipv6AddressParameter>;

// Parses one address TLV with the IPv4/IPv6 parsers; any other parameter type
// is kInvalidValue (RFC 5061 section 4.2.1: "an IPv4 or IPv6 address parameter").
[[nodiscard]] ParseResult<AddressParameter> parse_address_parameter(const RawTlv& raw);
[[nodiscard]] size_t address_parameter_length(const AddressParameter& address);
void serialize_address_parameter(const AddressParameter& address, ByteWriter& writer);

}  // namespace sctp
