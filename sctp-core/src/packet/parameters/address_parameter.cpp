#include "packet/parameters/address_parameter.h"

namespace sctp {

ParseResult<AddressParameter> parse_address_parameter(const RawTlv& raw) {
  switch (static_cast<ParameterType>(raw.type16())) {
    case ParameterType::kIpv4Address: {
      auto p = Ipv4AddressParameter::parse(raw);
      if (!p) return Unexpected(p.error());
      return AddressParameter(*p);
    }
    case ParameterType::kIpv6Address: {
      auto p = Ipv6AddressParameter::parse(raw);
      if (!p) return Unexpected(p.error());
      return AddressParameter(*p);
    }
    default:
      return parse_error(ParseErrorCode::kInvalidValue, "address parameter type");
  }
}

size_t address_parameter_length(const AddressParameter& address) {
  return std::visit([](const auto& a) { return a.length(); }, address);
}

void serialize_address_parameter(const AddressParameter& address, ByteWriter& writer) {
  std::visit([&writer](const auto& a) { a.serialize(writer); }, address);
}

}  // namespace sctp
