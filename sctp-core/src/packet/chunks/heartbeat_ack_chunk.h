// HEARTBEAT ACK chunk (RFC 9260 section 3.3.6).
//
// |   Type = 5    | Chunk  Flags  |      Heartbeat Ack Length     |
// /                                                               /
// /            Heartbeat Information TLV (Variable-Length)        /
// /                                                               /
//
// The answer to a HEARTBEAT: carries the Heartbeat Info parameter copied
// from it, unchanged. The parameter is mandatory and alone; see
// heartbeat_value.h for the errors.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameters/heartbeat_info_parameter.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct HeartbeatAckChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeatAck;

  HeartbeatInfoParameter info;  // its bytes are a view, as the parameter's

  static ParseResult<HeartbeatAckChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4 + info.length(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const HeartbeatAckChunk&) const = default;
};

}  // namespace sctp
