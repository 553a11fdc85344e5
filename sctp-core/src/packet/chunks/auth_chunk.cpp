#include "packet/chunks/auth_chunk.h"

#include <algorithm>

#include "packet/chunks/chunk_checks.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<AuthChunk> AuthChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kFixedValueSize, "AUTH chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  return AuthChunk{r.u16(0), r.u16(2), r.rest(kFixedValueSize)};
}

void AuthChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint8_t>(kType), 0);
  writer.u16(shared_key_id);
  writer.u16(hmac_id);
  writer.bytes(hmac);
  tlv.finish();
}

bool AuthChunk::operator==(const AuthChunk& other) const {
  return shared_key_id == other.shared_key_id && hmac_id == other.hmac_id &&
         std::ranges::equal(hmac, other.hmac);
}

}  // namespace sctp
