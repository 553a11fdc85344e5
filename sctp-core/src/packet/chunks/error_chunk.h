// ERROR chunk, "Operation Error" (RFC 9260 section 3.3.10).
//
// |   Type = 9    | Chunk  Flags  |           Length              |
// /                    one or more Error Causes                   /
//
// The figure and text ask for one or more causes, so an ERROR chunk with
// none is rejected (kLengthTooShort). Causes of unknown codes parse as
// UnknownErrorCause; a malformed cause fails the chunk.
#pragma once

#include <cstddef>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct ErrorChunk {
  static constexpr ChunkType kType = ChunkType::kError;

  std::vector<ErrorCause> causes;

  static ParseResult<ErrorChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;
  bool operator==(const ErrorChunk&) const = default;
};

}  // namespace sctp
