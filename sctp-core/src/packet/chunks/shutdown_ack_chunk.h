// SHUTDOWN ACK chunk (RFC 9260 section 3.3.9): a header only.
//
// |   Type = 8    | Chunk  Flags  |      Length = 4               |
//
// The figure fixes the length at 4: a chunk with a value is rejected. The
// flags are all reserved (ignored on receive, written as zero).
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct ShutdownAckChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownAck;

  static ParseResult<ShutdownAckChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ShutdownAckChunk&) const = default;
};

}  // namespace sctp
