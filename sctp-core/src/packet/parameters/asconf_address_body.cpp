#include "packet/parameters/asconf_address_body.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<AsconfAddressBody> parse_asconf_address_body(ByteSpan value, const char* what) {
  // Correlation ID plus at least a parameter header.
  if (auto e = tlv_checks::expect_min_size(value, 4 + kTlvHeaderSize, what)) {
    return Unexpected(*e);
  }
  const ByteReader r(value);
  auto nested = tlv_checks::parse_single_tlv(r.rest(4), what);
  if (!nested) return Unexpected(nested.error());
  auto address = parse_address_parameter(*nested);
  if (!address) return Unexpected(address.error());
  return AsconfAddressBody{AsconfCorrelationId(r.u32(0)), *address};
}

}  // namespace sctp
