#include "packet/chunks/shutdown_chunk.h"

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<ShutdownChunk> ShutdownChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_exactly(raw, kType, 4, "SHUTDOWN chunk length")) {
    return Unexpected(*err);
  }
  return ShutdownChunk{Tsn(ByteReader(raw.value).u32(0))};
}

void ShutdownChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(cumulative_tsn_ack.value());
}

}  // namespace sctp
