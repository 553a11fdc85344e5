#include "packet/chunks/pad_chunk.h"

#include <algorithm>

#include "packet/chunks/chunk_checks.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<PadChunk> PadChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, 0, "PAD chunk")) return Unexpected(*err);
  return PadChunk{raw.value};
}

void PadChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint8_t>(kType), 0);
  writer.bytes(padding);
  tlv.finish();
}

bool PadChunk::operator==(const PadChunk& other) const {
  return std::ranges::equal(padding, other.padding);
}

}  // namespace sctp
