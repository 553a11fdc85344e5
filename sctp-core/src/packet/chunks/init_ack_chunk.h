// INIT ACK chunk (RFC 9260 section 3.3.3). Layout, parsing policy and the
// semantic rules left to the socket: see init_fields.h.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/init_fields.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct InitAckChunk : InitFields {
  static constexpr ChunkType kType = ChunkType::kInitAck;

  static ParseResult<InitAckChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return init_chunk_length(*this); }
  void serialize(ByteWriter& writer) const { serialize_init_chunk(*this, kType, writer); }
  bool operator==(const InitAckChunk&) const = default;
};

}  // namespace sctp
