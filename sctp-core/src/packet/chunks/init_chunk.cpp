#include "packet/chunks/init_chunk.h"

#include <utility>

namespace sctp {

ParseResult<InitChunk> InitChunk::parse(const RawChunk& raw) {
  auto fields = parse_init_fields(raw, kType, "INIT chunk length");
  if (!fields) return Unexpected(fields.error());
  return InitChunk{std::move(*fields)};
}

}  // namespace sctp
