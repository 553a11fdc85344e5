// The layout FORWARD TSN (RFC 3758 section 3.2) and I-FORWARD TSN (RFC 8260
// section 2.3.1) share: a New Cumulative TSN, then fixed-size stream entries
// that must fill the value exactly (else kMisaligned). Each chunk type
// supplies kType, kFixedValueSize, its SkippedStream entry (with its wire
// codec) and the two fields; the parse and serialize code is this one.
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/wire_list.h"
#include "packet/raw_chunk.h"

namespace sctp {

template <typename Chunk>
ParseResult<Chunk> parse_forward_tsn_format(const RawChunk& raw, const char* length_what,
                                            const char* list_what) {
  if (auto err = check_chunk_at_least(raw, Chunk::kType, Chunk::kFixedValueSize, length_what)) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  if ((r.size() - Chunk::kFixedValueSize) % Chunk::kEntrySize != 0) {
    return parse_error(ParseErrorCode::kMisaligned, list_what);
  }
  Chunk chunk;
  chunk.new_cumulative_tsn = Tsn(r.u32(0));
  // A view of the checked entries: no allocation.
  chunk.skipped_streams =
      WireList<typename Chunk::SkippedStream>::view(r.rest(Chunk::kFixedValueSize));
  return chunk;
}

template <typename Chunk>
void serialize_forward_tsn_format(const Chunk& chunk, ByteWriter& writer) {
  writer.u8(static_cast<uint8_t>(Chunk::kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(chunk.length()));
  writer.u32(chunk.new_cumulative_tsn.value());
  chunk.skipped_streams.write(writer);
}

}  // namespace sctp
