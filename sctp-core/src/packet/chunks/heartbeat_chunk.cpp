#include "packet/chunks/heartbeat_chunk.h"

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/heartbeat_value.h"

namespace sctp {

ParseResult<HeartbeatChunk> HeartbeatChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, 0, "HEARTBEAT chunk")) return Unexpected(*err);
  auto info = parse_heartbeat_value(raw.value, "HEARTBEAT Heartbeat Info parameter");
  if (!info) return Unexpected(info.error());
  return HeartbeatChunk{*info};
}

void HeartbeatChunk::serialize(ByteWriter& writer) const {
  // RFC 9260 section 3.2: the chunk length excludes the padding of its last
  // parameter, which is also the chunk's own padding.
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  info.serialize(writer);
}

}  // namespace sctp
