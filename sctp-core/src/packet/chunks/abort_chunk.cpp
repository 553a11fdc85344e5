#include "packet/chunks/abort_chunk.h"

#include <utility>

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"

namespace sctp {

ParseResult<AbortChunk> AbortChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, 0, "ABORT chunk")) return Unexpected(*err);
  auto causes = parse_error_causes(raw.value);
  if (!causes) return Unexpected(causes.error());
  return AbortChunk{(raw.flags & kFlagTagReflected) != 0, std::move(*causes)};
}

size_t AbortChunk::length() const {
  return kChunkHeaderSize + error_cause_list_length(causes);
}

void AbortChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(tag_reflected ? kFlagTagReflected : 0);
  writer.u16(static_cast<uint16_t>(length()));
  // Each cause padded; the last one's padding is the chunk's (RFC 9260 3.2).
  serialize_error_causes(causes, writer);
}

}  // namespace sctp
