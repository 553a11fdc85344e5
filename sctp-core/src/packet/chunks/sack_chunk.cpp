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
  // Views of the checked byte ranges: no allocation per SACK.
  const size_t gap_bytes = gap_count * GapAckBlock::kWireSize;
  chunk.gap_ack_blocks = WireList<GapAckBlock>::view(r.bytes(kFixedValueSize, gap_bytes));
  chunk.duplicate_tsns =
      WireList<Tsn, DuplicateTsnCodec>::view(r.rest(kFixedValueSize + gap_bytes));
  return chunk;
}

void SackChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint8_t>(kType), 0);
  writer.u32(cumulative_tsn_ack.value());
  writer.u32(a_rwnd);
  writer.u16(static_cast<uint16_t>(gap_ack_blocks.size()));
  writer.u16(static_cast<uint16_t>(duplicate_tsns.size()));
  gap_ack_blocks.write(writer);
  duplicate_tsns.write(writer);
  tlv.finish();
}

}  // namespace sctp
