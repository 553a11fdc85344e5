#include "packet/error_causes/operation_refused_no_resources_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<OperationRefusedNoResourcesCause> OperationRefusedNoResourcesCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Operation Refused Due to Resource Shortage cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  auto quoted = tlv_checks::parse_single_tlv(raw.value, kWhat);
  if (!quoted) return Unexpected(quoted.error());
  return OperationRefusedNoResourcesCause{raw.value};
}

void OperationRefusedNoResourcesCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(asconf_parameter);
  tlv.finish();
}

bool OperationRefusedNoResourcesCause::operator==(
    const OperationRefusedNoResourcesCause& other) const {
  return std::ranges::equal(asconf_parameter, other.asconf_parameter);
}

}  // namespace sctp
