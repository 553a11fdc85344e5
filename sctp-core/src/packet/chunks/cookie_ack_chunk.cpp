#include "packet/chunks/cookie_ack_chunk.h"

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<CookieAckChunk> CookieAckChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_exactly(raw, kType, 0, "COOKIE ACK chunk length")) {
    return Unexpected(*err);
  }
  return CookieAckChunk{};
}

void CookieAckChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
}

}  // namespace sctp
