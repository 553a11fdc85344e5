#include "packet/error_causes/illegal_asconf_ack_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<IllegalAsconfAckCause> IllegalAsconfAckCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Association Aborted Due to Illegal ASCONF-ACK cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // The cause length is exactly 4 (RFC 5061 section 4.3.4).
  if (auto e = tlv_checks::expect_size(raw.value, 0, kWhat)) return Unexpected(*e);
  return IllegalAsconfAckCause{};
}

void IllegalAsconfAckCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  tlv.finish();
}

}  // namespace sctp
