#include "packet/chunks/shutdown_complete_chunk.h"

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<ShutdownCompleteChunk> ShutdownCompleteChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_exactly(raw, kType, 0, "SHUTDOWN COMPLETE chunk length")) {
    return Unexpected(*err);
  }
  return ShutdownCompleteChunk{(raw.flags & kFlagTagReflected) != 0};
}

void ShutdownCompleteChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(tag_reflected ? kFlagTagReflected : 0);
  writer.u16(static_cast<uint16_t>(length()));
}

}  // namespace sctp
