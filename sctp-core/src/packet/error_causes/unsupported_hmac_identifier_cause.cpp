#include "packet/error_causes/unsupported_hmac_identifier_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UnsupportedHmacIdentifierCause> UnsupportedHmacIdentifierCause::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Unsupported HMAC Identifier cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // Cause Length is exactly 6; the 2 padding bytes are outside the length.
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return UnsupportedHmacIdentifierCause{ByteReader(raw.value).u16(0)};
}

void UnsupportedHmacIdentifierCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.u16(hmac_id);
  tlv.finish();
}

}  // namespace sctp
