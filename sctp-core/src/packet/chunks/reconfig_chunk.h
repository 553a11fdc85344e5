// RE-CONFIG chunk (RFC 6525 section 3.1).
//
// |   Type = 130  |  Chunk Flags  |      Chunk Length             |
// /                  Re-configuration Parameter                   /
// /             Re-configuration Parameter (optional)             /
//
// Count rule (section 3.1): one mandatory parameter and at most one more.
// The parser enforces the count: none is kLengthTooShort, three or more is
// kTooMany. Which pairs are allowed is the socket's question, because the
// RFC answers a bad combination with an ERROR chunk carrying a Protocol
// Violation cause rather than dropping the chunk; is_allowed_combination()
// answers it. Parameters of unknown types parse as UnknownParameter (their
// upper two bits decide, RFC 6525 section 4 and RFC 9260 section 3.2.1).
#pragma once

#include <cstddef>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct ReConfigChunk {
  static constexpr ChunkType kType = ChunkType::kReConfig;
  static constexpr size_t kMaxParameters = 2;

  // One or two parameters (the caller keeps to the count when building).
  std::vector<Parameter> parameters;

  static ParseResult<ReConfigChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;

  // True for the ten combinations RFC 6525 section 3.1 lists:
  // Outgoing SSN Reset; Incoming SSN Reset; Outgoing + Incoming SSN Reset;
  // SSN/TSN Reset; Add Outgoing Streams; Add Incoming Streams; Add Outgoing +
  // Add Incoming Streams; Response; Response + Outgoing SSN Reset;
  // Response + Response. A pair may come in either order.
  [[nodiscard]] bool is_allowed_combination() const;

  bool operator==(const ReConfigChunk&) const = default;
};

}  // namespace sctp
