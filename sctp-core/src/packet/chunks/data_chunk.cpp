#include "packet/chunks/data_chunk.h"

#include <algorithm>

namespace sctp {

ParseResult<DataChunk> DataChunk::parse(const RawChunk& raw) {
  if (!raw.is(kType)) return parse_error(ParseErrorCode::kWrongType, "DATA chunk");
  const ByteReader r(raw.value);
  if (!r.has(0, kHeaderSize - 4))
    return parse_error(ParseErrorCode::kLengthTooShort, "DATA chunk length");
  DataChunk chunk;
  chunk.tsn = Tsn(r.u32(0));
  chunk.stream_id = StreamId(r.u16(4));
  chunk.ssn = Ssn(r.u16(6));
  chunk.ppid = Ppid(r.u32(8));
  chunk.ending = (raw.flags & kFlagEnding) != 0;
  chunk.beginning = (raw.flags & kFlagBeginning) != 0;
  chunk.unordered = (raw.flags & kFlagUnordered) != 0;
  chunk.immediate_sack = (raw.flags & kFlagImmediateSack) != 0;
  chunk.payload = r.rest(kHeaderSize - 4);
  return chunk;
}

uint8_t DataChunk::flags() const {
  return uint8_t((ending ? kFlagEnding : 0) | (beginning ? kFlagBeginning : 0) |
                 (unordered ? kFlagUnordered : 0) | (immediate_sack ? kFlagImmediateSack : 0));
}

void DataChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(flags());
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(tsn.value());
  writer.u16(stream_id.value());
  writer.u16(ssn.value());
  writer.u32(ppid.value());
  writer.bytes(payload);
  writer.pad_to_4();
}

bool DataChunk::operator==(const DataChunk& other) const {
  return tsn == other.tsn && stream_id == other.stream_id && ssn == other.ssn &&
         ppid == other.ppid && flags() == other.flags() &&
         std::ranges::equal(payload, other.payload);
}

}  // namespace sctp
