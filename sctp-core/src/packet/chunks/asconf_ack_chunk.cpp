#include "packet/chunks/asconf_ack_chunk.h"

#include <utility>

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"

namespace sctp {

ParseResult<AsconfAckChunk> AsconfAckChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kFixedValueSize, "ASCONF-ACK chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  auto parameters = parse_parameters(r.rest(kFixedValueSize));
  if (!parameters) return Unexpected(parameters.error());
  return AsconfAckChunk{r.u32(0), std::move(*parameters)};
}

size_t AsconfAckChunk::length() const {
  return kChunkHeaderSize + kFixedValueSize + parameter_list_length(parameters);
}

void AsconfAckChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(serial_number);
  serialize_parameters(parameters, writer);
}

}  // namespace sctp
