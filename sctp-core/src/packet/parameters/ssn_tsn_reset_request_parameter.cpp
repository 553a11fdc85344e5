#include "packet/parameters/ssn_tsn_reset_request_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<SsnTsnResetRequestParameter> SsnTsnResetRequestParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "SSN/TSN Reset Request parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return SsnTsnResetRequestParameter{ReconfigRequestSn(ByteReader(raw.value).u32(0))};
}

void SsnTsnResetRequestParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(request_sn.value());
  tlv.finish();
}

}  // namespace sctp
