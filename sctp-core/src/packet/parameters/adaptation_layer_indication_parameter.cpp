#include "packet/parameters/adaptation_layer_indication_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<AdaptationLayerIndicationParameter> AdaptationLayerIndicationParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Adaptation Layer Indication parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  return AdaptationLayerIndicationParameter{ByteReader(raw.value).u32(0)};
}

void AdaptationLayerIndicationParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(adaptation_code_point);
  tlv.finish();
}

}  // namespace sctp
