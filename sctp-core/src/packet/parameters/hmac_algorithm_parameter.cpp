#include "packet/parameters/hmac_algorithm_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<HmacAlgorithmParameter> HmacAlgorithmParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "HMAC-ALGO parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  // At least one identifier (SHA-1 is mandatory, RFC 4895 section 3.3).
  if (auto e = tlv_checks::expect_min_size(raw.value, 2, kWhat)) return Unexpected(*e);
  if (auto e = tlv_checks::expect_multiple_of(raw.value.size(), 2, kWhat)) return Unexpected(*e);
  return HmacAlgorithmParameter{tlv_checks::read_u16_list(raw.value)};
}

void HmacAlgorithmParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  for (uint16_t id : hmac_ids)
    writer.u16(id);
  tlv.finish();
}

}  // namespace sctp
