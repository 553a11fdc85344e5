#include "packet/chunks/init_ack_chunk.h"

#include <utility>

namespace sctp {

ParseResult<InitAckChunk> InitAckChunk::parse(const RawChunk& raw) {
  auto fields = parse_init_fields(raw, kType, "INIT ACK chunk length");
  if (!fields) return Unexpected(fields.error());
  return InitAckChunk{std::move(*fields)};
}

}  // namespace sctp
