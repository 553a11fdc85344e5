#include "packet/chunks/cookie_echo_chunk.h"

#include <algorithm>

#include "packet/chunks/chunk_checks.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<CookieEchoChunk> CookieEchoChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, 0, "COOKIE ECHO chunk")) {
    return Unexpected(*err);
  }
  return CookieEchoChunk{raw.value};
}

void CookieEchoChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint8_t>(kType), 0);
  writer.bytes(cookie);
  tlv.finish();
}

bool CookieEchoChunk::operator==(const CookieEchoChunk& other) const {
  return std::ranges::equal(cookie, other.cookie);
}

}  // namespace sctp
