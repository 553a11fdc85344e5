#include "packet/error_causes/protocol_violation_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ProtocolViolationCause> ProtocolViolationCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Protocol Violation cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // Any size, empty included: the field is optional free-form content.
  return ProtocolViolationCause{raw.value};
}

void ProtocolViolationCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(additional_information);
  tlv.finish();
}

bool ProtocolViolationCause::operator==(const ProtocolViolationCause& other) const {
  return std::ranges::equal(additional_information, other.additional_information);
}

}  // namespace sctp
