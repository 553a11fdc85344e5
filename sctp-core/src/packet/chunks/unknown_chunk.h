// A chunk whose type this implementation does not know, kept byte for byte.
//
// RFC 9260 section 3.2: the upper two bits of the type say whether to stop
// processing the packet or skip the chunk, and whether to report it in an
// Unrecognized Chunk Type error cause, which quotes the whole chunk. So the
// parser keeps the type, the flags and the value as they arrived and leaves
// the decision to the socket (see unrecognized_chunk_action()).
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "packet/chunk_type.h"

namespace sctp {

struct UnknownChunk {
  uint8_t type = 0;
  uint8_t flags = 0;
  ByteSpan value;  // view into the parsed packet, padding excluded

  [[nodiscard]] UnrecognizedChunkAction action() const { return unrecognized_chunk_action(type); }
  [[nodiscard]] size_t length() const { return 4 + value.size(); }
  // Writes the chunk as received: type, flags, value and padding.
  void serialize(ByteWriter& writer) const;
  bool operator==(const UnknownChunk& other) const;
};

}  // namespace sctp
