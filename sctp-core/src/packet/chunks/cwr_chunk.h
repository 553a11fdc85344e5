// Congestion Window Reduced chunk, CWR (RFC 9260 appendix A, with RFC 3168).
//
// |   Type = 13   | Chunk  Flags  |        Length = 8             |
// |                      Lowest TSN Number                        |
//
// Lowest TSN Number: the Lowest TSN of the ECNE this CWR answers (the data
// sender reduced its window for it). The figure fixes the length at 8:
// shorter and longer chunks are rejected.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct CwrChunk {
  static constexpr ChunkType kType = ChunkType::kCwr;

  Tsn lowest_tsn;

  static ParseResult<CwrChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 8; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const CwrChunk&) const = default;
};

}  // namespace sctp
