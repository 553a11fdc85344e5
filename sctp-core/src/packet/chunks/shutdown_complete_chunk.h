// SHUTDOWN COMPLETE chunk (RFC 9260 section 3.3.13): a header only.
//
// |   Type = 14   |  Reserved   |T|      Length = 4               |
//
// T bit: set when the sender reflected the peer's Verification Tag instead
// of using its own (no TCB); see RFC 9260 section 8.5.1 for when it applies.
// The figure fixes the length at 4: a chunk with a value is rejected.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct ShutdownCompleteChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownComplete;
  static constexpr uint8_t kFlagTagReflected = 0x01;  // the T bit

  bool tag_reflected = false;

  static ParseResult<ShutdownCompleteChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ShutdownCompleteChunk&) const = default;
};

}  // namespace sctp
