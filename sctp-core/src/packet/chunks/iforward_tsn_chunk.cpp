#include "packet/chunks/iforward_tsn_chunk.h"

#include "packet/chunks/forward_tsn_format.h"

namespace sctp {

ParseResult<IForwardTsnChunk> IForwardTsnChunk::parse(const RawChunk& raw) {
  return parse_forward_tsn_format<IForwardTsnChunk>(raw, "I-FORWARD TSN chunk length",
                                                    "I-FORWARD TSN stream list");
}

void IForwardTsnChunk::serialize(ByteWriter& writer) const {
  serialize_forward_tsn_format(*this, writer);
}

}  // namespace sctp
