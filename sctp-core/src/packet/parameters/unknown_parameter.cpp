#include "packet/parameters/unknown_parameter.h"

#include <algorithm>

namespace sctp {

ParseResult<UnknownParameter> UnknownParameter::parse(const RawTlv& raw) {
  return UnknownParameter{raw.type16(), raw.value, raw.whole};
}

void UnknownParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, type);
  writer.bytes(value);
  tlv.finish();
}

bool UnknownParameter::operator==(const UnknownParameter& other) const {
  return type == other.type && std::ranges::equal(value, other.value);
}

}  // namespace sctp
