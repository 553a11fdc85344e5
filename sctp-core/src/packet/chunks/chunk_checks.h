// Checks shared by the typed chunk parsers: the chunk type, and the size of
// the value (the bytes after the 4-byte chunk header, padding excluded)
// against the fixed part the RFC figure defines.
//
// Error codes used consistently by every chunk parser:
//   kWrongType      the parser was handed another chunk type
//   kLengthTooShort the value is shorter than the fixed part
//   kLengthTooLong  the value is longer than a chunk whose length the RFC fixes
//   kMisaligned     a list of fixed-size entries does not divide evenly
//   kInconsistent   counts inside the chunk disagree with its length
//   kInvalidValue   a mandatory parameter is missing or of the wrong kind
//   kTooMany        more parameters than the chunk definition allows
#pragma once

#include <cstddef>
#include <optional>

#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

// The chunk header's size (type, flags, length): RFC 9260 section 3.2.
inline constexpr size_t kChunkHeaderSize = 4;

// Fails with kWrongType unless `raw` is of `type`, then with kLengthTooShort
// unless the value holds at least `min_value_size` bytes.
[[nodiscard]] inline std::optional<ParseError> check_chunk_at_least(const RawChunk& raw,
                                                                    ChunkType type,
                                                                    size_t min_value_size,
                                                                    const char* what) {
  if (!raw.is(type)) return ParseError{ParseErrorCode::kWrongType, what};
  if (raw.value.size() < min_value_size) return ParseError{ParseErrorCode::kLengthTooShort, what};
  return std::nullopt;
}

// As check_chunk_at_least, and fails with kLengthTooLong when the value is
// longer than `value_size`: for chunks whose figure fixes the Length field.
[[nodiscard]] inline std::optional<ParseError> check_chunk_exactly(const RawChunk& raw,
                                                                   ChunkType type,
                                                                   size_t value_size,
                                                                   const char* what) {
  if (auto err = check_chunk_at_least(raw, type, value_size, what)) return err;
  if (raw.value.size() > value_size) return ParseError{ParseErrorCode::kLengthTooLong, what};
  return std::nullopt;
}

}  // namespace sctp
