// Delete IP Address parameter (RFC 5061 section 4.2.2). Asks the peer to remove the address from
// the association.
//
// |        Type = 0xC002          |    Length = Variable          |
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

struct DeleteIpAddressParameter {
  static constexpr ParameterType kType = ParameterType::kDeleteIpAddress;

  AsconfCorrelationId correlation_id;
  AddressParameter address;

  static ParseResult<DeleteIpAddressParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const {
    return kTlvHeaderSize + 4 + address_parameter_length(address);
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const DeleteIpAddressParameter&) const = default;
};

}  // namespace sctp
