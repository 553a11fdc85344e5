#include "packet/parameters/padding_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<PaddingParameter> PaddingParameter::parse(const RawTlv& raw) {
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), "Padding parameter")) {
    return Unexpected(*e);
  }
  // The TLV length is 16 bits, so the value always fits kMaxPaddingSize.
  return PaddingParameter{static_cast<uint16_t>(raw.value.size())};
}

void PaddingParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.zeros(clamped_size());
  tlv.finish();
}

}  // namespace sctp
