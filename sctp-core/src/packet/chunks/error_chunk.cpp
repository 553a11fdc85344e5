#include "packet/chunks/error_chunk.h"

#include <utility>

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<ErrorChunk> ErrorChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kTlvHeaderSize, "ERROR chunk length")) {
    return Unexpected(*err);
  }
  auto causes = parse_error_causes(raw.value);
  if (!causes) return Unexpected(causes.error());
  return ErrorChunk{std::move(*causes)};
}

size_t ErrorChunk::length() const {
  return kChunkHeaderSize + error_cause_list_length(causes);
}

void ErrorChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  // Each cause padded; the last one's padding is the chunk's (RFC 9260 3.2).
  serialize_error_causes(causes, writer);
}

}  // namespace sctp
