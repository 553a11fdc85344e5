#include "packet/chunks/init_fields.h"

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"

namespace sctp {

ParseResult<InitFields> parse_init_fields(const RawChunk& raw, ChunkType type, const char* what) {
  if (auto err = check_chunk_at_least(raw, type, InitFields::kFixedValueSize, what)) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  auto parameters = parse_parameters(r.rest(InitFields::kFixedValueSize));
  if (!parameters) return Unexpected(parameters.error());
  InitFields fields;
  fields.initiate_tag = VerificationTag(r.u32(0));
  fields.a_rwnd = r.u32(4);
  fields.outbound_streams = r.u16(8);
  fields.inbound_streams = r.u16(10);
  fields.initial_tsn = Tsn(r.u32(12));
  fields.parameters = std::move(*parameters);
  return fields;
}

size_t init_chunk_length(const InitFields& fields) {
  return kChunkHeaderSize + InitFields::kFixedValueSize + parameter_list_length(fields.parameters);
}

void serialize_init_chunk(const InitFields& fields, ChunkType type, ByteWriter& writer) {
  writer.u8(static_cast<uint8_t>(type));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(init_chunk_length(fields)));
  writer.u32(fields.initiate_tag.value());
  writer.u32(fields.a_rwnd);
  writer.u16(fields.outbound_streams);
  writer.u16(fields.inbound_streams);
  writer.u32(fields.initial_tsn.value());
  // Each parameter padded; the last one's padding is the chunk's.
  serialize_parameters(fields.parameters, writer);
}

}  // namespace sctp
