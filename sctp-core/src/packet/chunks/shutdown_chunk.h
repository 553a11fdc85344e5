// SHUTDOWN chunk (RFC 9260 section 3.3.8).
//
// |   Type = 7    | Chunk  Flags  |      Length = 8               |
// |                      Cumulative TSN Ack                       |
//
// The figure fixes the length at 8: shorter and longer chunks are rejected.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct ShutdownChunk {
  static constexpr ChunkType kType = ChunkType::kShutdown;

  Tsn cumulative_tsn_ack;

  static ParseResult<ShutdownChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 8; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ShutdownChunk&) const = default;
};

}  // namespace sctp
