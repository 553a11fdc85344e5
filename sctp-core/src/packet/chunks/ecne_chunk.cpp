#include "packet/chunks/ecne_chunk.h"

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<EcneChunk> EcneChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_exactly(raw, kType, 4, "ECNE chunk length")) return Unexpected(*err);
  return EcneChunk{Tsn(ByteReader(raw.value).u32(0))};
}

void EcneChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(lowest_tsn.value());
}

}  // namespace sctp
