// ABORT chunk (RFC 9260 section 3.3.7).
//
// |   Type = 6    |  Reserved   |T|            Length             |
// /                   zero or more Error Causes                   /
//
// T bit: set when the sender reflected the peer's Verification Tag instead
// of using its own (no TCB; RFC 9260 section 8.4). Causes of unknown codes
// parse as UnknownErrorCause; a malformed cause fails the chunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct AbortChunk {
  static constexpr ChunkType kType = ChunkType::kAbort;
  static constexpr uint8_t kFlagTagReflected = 0x01;  // the T bit

  bool tag_reflected = false;
  std::vector<ErrorCause> causes;

  static ParseResult<AbortChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;
  bool operator==(const AbortChunk&) const = default;
};

}  // namespace sctp
