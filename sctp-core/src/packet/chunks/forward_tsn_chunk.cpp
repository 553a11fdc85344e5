#include "packet/chunks/forward_tsn_chunk.h"

#include "packet/chunks/chunk_checks.h"

namespace sctp {

ParseResult<ForwardTsnChunk> ForwardTsnChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kFixedValueSize, "FORWARD TSN chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  if ((r.size() - kFixedValueSize) % kEntrySize != 0) {
    return parse_error(ParseErrorCode::kMisaligned, "FORWARD TSN stream list");
  }
  ForwardTsnChunk chunk;
  chunk.new_cumulative_tsn = Tsn(r.u32(0));
  chunk.skipped_streams = WireList<SkippedStream>::view(r.rest(kFixedValueSize));
  return chunk;
}

void ForwardTsnChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(new_cumulative_tsn.value());
  skipped_streams.write(writer);
}

}  // namespace sctp
