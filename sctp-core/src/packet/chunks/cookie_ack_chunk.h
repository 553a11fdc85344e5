// COOKIE ACK chunk (RFC 9260 section 3.3.12): a header only.
//
// |   Type = 11   | Chunk  Flags  |      Length = 4               |
//
// The figure fixes the length at 4: a chunk with a value is rejected. The
// flags are all reserved (ignored on receive, written as zero).
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct CookieAckChunk {
  static constexpr ChunkType kType = ChunkType::kCookieAck;

  static ParseResult<CookieAckChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const CookieAckChunk&) const = default;
};

}  // namespace sctp
