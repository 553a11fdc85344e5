#include "packet/parameters/cookie_preservative_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<CookiePreservativeParameter> CookiePreservativeParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Cookie Preservative parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return CookiePreservativeParameter{ByteReader(raw.value).u32(0)};
}

void CookiePreservativeParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(life_span_increment_ms);
  tlv.finish();
}

}  // namespace sctp
