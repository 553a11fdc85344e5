#include "packet/error_causes/request_to_delete_source_address_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<RequestToDeleteSourceAddressCause> RequestToDeleteSourceAddressCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Request to Delete Source IP Address cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  auto quoted = tlv_checks::parse_single_tlv(raw.value, kWhat);
  if (!quoted) return Unexpected(quoted.error());
  return RequestToDeleteSourceAddressCause{raw.value};
}

void RequestToDeleteSourceAddressCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(asconf_parameter);
  tlv.finish();
}

bool RequestToDeleteSourceAddressCause::operator==(
    const RequestToDeleteSourceAddressCause& other) const {
  return std::ranges::equal(asconf_parameter, other.asconf_parameter);
}

}  // namespace sctp
