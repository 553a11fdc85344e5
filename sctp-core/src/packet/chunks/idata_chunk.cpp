#include "packet/chunks/idata_chunk.h"

#include <algorithm>

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<IDataChunk> IDataChunk::parse(const RawChunk& raw) {
  if (auto err =
          check_chunk_at_least(raw, kType, kHeaderSize - kChunkHeaderSize, "I-DATA chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  IDataChunk chunk;
  chunk.tsn = Tsn(r.u32(0));
  chunk.stream_id = StreamId(r.u16(4));
  // r.u16(6) is Reserved: ignored.
  chunk.mid = Mid(r.u32(8));
  chunk.ending = (raw.flags & kFlagEnding) != 0;
  chunk.beginning = (raw.flags & kFlagBeginning) != 0;
  chunk.unordered = (raw.flags & kFlagUnordered) != 0;
  chunk.immediate_sack = (raw.flags & kFlagImmediateSack) != 0;
  if (chunk.beginning) {
    chunk.ppid = Ppid(r.u32(12));
    chunk.fsn = Fsn(0);
  } else {
    chunk.fsn = Fsn(r.u32(12));
  }
  chunk.payload = r.rest(kHeaderSize - kChunkHeaderSize);
  return chunk;
}

uint8_t IDataChunk::flags() const {
  return uint8_t((ending ? kFlagEnding : 0) | (beginning ? kFlagBeginning : 0) |
                 (unordered ? kFlagUnordered : 0) | (immediate_sack ? kFlagImmediateSack : 0));
}

void IDataChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(flags());
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(tsn.value());
  writer.u16(stream_id.value());
  writer.u16(0);  // Reserved
  writer.u32(mid.value());
  writer.u32(ppid_or_fsn());
  writer.bytes(payload);
  writer.pad_to_4();
}

bool IDataChunk::operator==(const IDataChunk& other) const {
  return tsn == other.tsn && stream_id == other.stream_id && mid == other.mid &&
         flags() == other.flags() && ppid_or_fsn() == other.ppid_or_fsn() &&
         std::ranges::equal(payload, other.payload);
}

}  // namespace sctp
