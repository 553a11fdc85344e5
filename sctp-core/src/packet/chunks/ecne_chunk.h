// ECN Echo chunk, ECNE (RFC 9260 appendix A, with RFC 3168).
//
// |   Type = 12   | Chunk  Flags  |        Length = 8             |
// |                      Lowest TSN Number                        |
//
// Lowest TSN Number: the lowest TSN of the packets that arrived with the
// Congestion Experienced codepoint. The figure fixes the length at 8:
// shorter and longer chunks are rejected.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct EcneChunk {
  static constexpr ChunkType kType = ChunkType::kEcne;

  Tsn lowest_tsn;

  static ParseResult<EcneChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 8; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const EcneChunk&) const = default;
};

}  // namespace sctp
