#include "packet/error_causes/stale_cookie_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<StaleCookieCause> StaleCookieCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Stale Cookie cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return StaleCookieCause{ByteReader(raw.value).u32(0)};
}

void StaleCookieCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.u32(staleness_us);
  tlv.finish();
}

}  // namespace sctp
