// A chunk as framed in a packet, before typed parsing.
#pragma once

#include <cstdint>

#include "common/byte_io.h"
#include "packet/chunk_type.h"

namespace sctp {

struct RawChunk {
  uint8_t type = 0;
  uint8_t flags = 0;
  ByteSpan value;  // after the 4-byte chunk header, padding excluded
  ByteSpan whole;  // header + value, padding excluded (what ERROR reports quote)

  [[nodiscard]] bool is(ChunkType t) const { return type == static_cast<uint8_t>(t); }
};

}  // namespace sctp
