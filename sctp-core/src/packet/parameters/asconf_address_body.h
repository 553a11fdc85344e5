// The body shared by the RFC 5061 Add IP Address (4.2.1), Delete IP Address
// (4.2.2) and Set Primary Address (4.2.4) parameters:
//
// |                  ASCONF-Request Correlation ID                |
// |                       Address Parameter                       |
//
// The nested address parameter is parsed with the IPv4/IPv6 parsers and must
// fill the rest of the value exactly.
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameters/address_parameter.h"
#include "packet/parameters/parameter_fields.h"

namespace sctp {

struct AsconfAddressBody {
  AsconfCorrelationId correlation_id;
  AddressParameter address;
};

[[nodiscard]] ParseResult<AsconfAddressBody> parse_asconf_address_body(ByteSpan value,
                                                                       const char* what);

}  // namespace sctp
