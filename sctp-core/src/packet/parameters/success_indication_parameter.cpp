#include "packet/parameters/success_indication_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<SuccessIndicationParameter> SuccessIndicationParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Success Indication parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return SuccessIndicationParameter{AsconfCorrelationId(ByteReader(raw.value).u32(0))};
}

void SuccessIndicationParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(correlation_id.value());
  tlv.finish();
}

}  // namespace sctp
