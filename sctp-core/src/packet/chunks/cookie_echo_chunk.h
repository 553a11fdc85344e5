// COOKIE ECHO chunk (RFC 9260 section 3.3.11).
//
// |   Type = 10   |Chunk  Flags   |         Length                |
// /                     Cookie                                    /
//
// The cookie is opaque here: whatever the State Cookie parameter of our
// INIT ACK carried, echoed back. An empty cookie parses; validating it
// (and rejecting it) is the socket's job (RFC 9260 section 5.1.5).
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct CookieEchoChunk {
  static constexpr ChunkType kType = ChunkType::kCookieEcho;

  ByteSpan cookie;  // view into the parsed packet or the caller's buffer

  static ParseResult<CookieEchoChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4 + cookie.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const CookieEchoChunk& other) const;
};

}  // namespace sctp
