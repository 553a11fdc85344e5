#include "packet/error_causes/no_user_data_cause.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<NoUserDataCause> NoUserDataCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "No User Data cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return NoUserDataCause{Tsn(ByteReader(raw.value).u32(0))};
}

void NoUserDataCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.u32(tsn.value());
  tlv.finish();
}

}  // namespace sctp
