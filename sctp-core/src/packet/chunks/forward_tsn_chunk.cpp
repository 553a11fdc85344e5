#include "packet/chunks/forward_tsn_chunk.h"

#include "packet/chunks/forward_tsn_format.h"

namespace sctp {

ParseResult<ForwardTsnChunk> ForwardTsnChunk::parse(const RawChunk& raw) {
  return parse_forward_tsn_format<ForwardTsnChunk>(raw, "FORWARD TSN chunk length",
                                                   "FORWARD TSN stream list");
}

void ForwardTsnChunk::serialize(ByteWriter& writer) const {
  serialize_forward_tsn_format(*this, writer);
}

}  // namespace sctp
