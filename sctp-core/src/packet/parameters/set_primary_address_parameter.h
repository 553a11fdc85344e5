// Set Primary Address parameter (RFC 5061 section 4.2.4). Asks the peer to use the address as its
// primary destination.
//
// |        Type = 0xC004          |    Length = Variable          |
// |               ASCONF-Request Correlation ID                   |
// |                       Address Parameter                       |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/address_parameter.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct SetPrimaryAddressParameter {
  static constexpr ParameterType kType = ParameterType::kSetPrimaryAddress;

  AsconfCorrelationId correlation_id;
  AddressParameter address;

  static ParseResult<SetPrimaryAddressParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const {
    return kTlvHeaderSize + 4 + address_parameter_length(address);
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const SetPrimaryAddressParameter&) const = default;
};

}  // namespace sctp
