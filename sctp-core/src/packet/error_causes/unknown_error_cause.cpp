#include "packet/error_causes/unknown_error_cause.h"

#include <algorithm>

namespace sctp {

ParseResult<UnknownErrorCause> UnknownErrorCause::parse(const RawTlv& raw) {
  return UnknownErrorCause{raw.type16(), raw.value};
}

void UnknownErrorCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, code);
  writer.bytes(value);
  tlv.finish();
}

bool UnknownErrorCause::operator==(const UnknownErrorCause& other) const {
  return code == other.code && std::ranges::equal(value, other.value);
}

}  // namespace sctp
