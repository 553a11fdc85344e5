// Host Name Address parameter (RFC 9260 section 3.3.2.1). Deprecated: RFC 9260
// section 5.1.2 says a receiver MUST answer an INIT carrying it with an ABORT
// naming "Unresolvable Address", so we parse it to be able to do that.
//
// |          Type = 11            |          Length               |
// /                          Host Name                            /
//
// The host name includes at least one NUL terminator, counted in the length.
#pragma once

#include <string_view>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct HostNameAddressParameter {
  static constexpr ParameterType kType = ParameterType::kHostNameAddress;

  // The host name bytes including the NUL terminator(s), as on the wire.
  ByteSpan host_name;

  static ParseResult<HostNameAddressParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + host_name.size(); }
  void serialize(ByteWriter& writer) const;
  // The name up to the first NUL.
  [[nodiscard]] std::string_view name() const;
  bool operator==(const HostNameAddressParameter& other) const;
};

}  // namespace sctp
