#include "packet/error_causes/out_of_resource_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<OutOfResourceCause> OutOfResourceCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Out of Resource cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // The cause length is exactly 4 (RFC 9260 section 3.3.10.4).
  if (auto e = tlv_checks::expect_size(raw.value, 0, kWhat)) return Unexpected(*e);
  return OutOfResourceCause{};
}

void OutOfResourceCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  tlv.finish();
}

}  // namespace sctp
