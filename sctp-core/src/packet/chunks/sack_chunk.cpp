#include "packet/chunks/sack_chunk.h"

#include "packet/chunks/chunk_checks.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<SackChunk> SackChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kFixedValueSize, "SACK chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  const size_t list_size = r.size() - kFixedValueSize;
  if (list_size % 4 != 0) return parse_error(ParseErrorCode::kMisaligned, "SACK chunk length");
  const size_t gap_count = r.u16(8);
  const size_t dup_count = r.u16(10);
  // Both counts are 16-bit, so this sum cannot overflow.
  if (4 * (gap_count + dup_count) != list_size) {
    return parse_error(ParseErrorCode::kInconsistent, "SACK block counts vs chunk length");
  }
  SackChunk chunk;
  chunk.cumulative_tsn_ack = Tsn(r.u32(0));
  chunk.a_rwnd = r.u32(4);
  chunk.gap_ack_blocks.reserve(gap_count);
  size_t offset = kFixedValueSize;
  for (size_t i = 0; i < gap_count; ++i, offset += 4) {
    chunk.gap_ack_blocks.push_back(GapAckBlock{r.u16(offset), r.u16(offset + 2)});
  }
  chunk.duplicate_tsns.reserve(dup_count);
  for (size_t i = 0; i < dup_count; ++i, offset += 4) {
    chunk.duplicate_tsns.push_back(Tsn(r.u32(offset)));
  }
  return chunk;
}

void SackChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint8_t>(kType), 0);
  writer.u32(cumulative_tsn_ack.value());
  writer.u32(a_rwnd);
  writer.u16(static_cast<uint16_t>(gap_ack_blocks.size()));
  writer.u16(static_cast<uint16_t>(duplicate_tsns.size()));
  for (const GapAckBlock& block : gap_ack_blocks) {
    writer.u16(block.start);
    writer.u16(block.end);
  }
  for (const Tsn& tsn : duplicate_tsns)
    writer.u32(tsn.value());
  tlv.finish();
}

}  // namespace sctp
