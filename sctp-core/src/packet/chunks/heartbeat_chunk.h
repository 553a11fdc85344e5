// HEARTBEAT chunk (RFC 9260 section 3.3.5).
//
// |   Type = 4    | Chunk  Flags  |      Heartbeat Length         |
// /                                                               /
// /            Heartbeat Information TLV (Variable-Length)        /
// /                                                               /
//
// Sent to probe a path; the receiver echoes the Heartbeat Info parameter
// back unchanged in a HEARTBEAT ACK. The parameter is mandatory and alone;
// see heartbeat_value.h for the errors.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameters/heartbeat_info_parameter.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct HeartbeatChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeat;

  HeartbeatInfoParameter info;  // its bytes are a view, as the parameter's

  static ParseResult<HeartbeatChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4 + info.length(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const HeartbeatChunk&) const = default;
};

}  // namespace sctp
