// ASCONF-ACK chunk (RFC 5061 section 4.1.2).
//
// |   Type = 0x80 |  Chunk Flags  |      Chunk Length             |
// |                       Serial Number                           |
// /                 ASCONF Parameter Response #1..N               /
//
// Zero or more responses (Success Indication, Error Cause Indication):
// RFC 5061 section 5.2 lets a receiver leave out the Success Indications
// when every request succeeded, so an ASCONF-ACK may hold the serial number
// alone. Unknown parameter types parse as UnknownParameter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct AsconfAckChunk {
  static constexpr ChunkType kType = ChunkType::kAsconfAck;
  static constexpr size_t kFixedValueSize = 4;  // serial number

  uint32_t serial_number = 0;
  std::vector<Parameter> parameters;

  static ParseResult<AsconfAckChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;
  bool operator==(const AsconfAckChunk&) const = default;
};

}  // namespace sctp
