#include "packet/chunks/unknown_chunk.h"

#include <algorithm>

#include "packet/tlv.h"

namespace sctp {

void UnknownChunk::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, type, flags);
  writer.bytes(value);
  tlv.finish();
}

bool UnknownChunk::operator==(const UnknownChunk& other) const {
  return type == other.type && flags == other.flags && std::ranges::equal(value, other.value);
}

}  // namespace sctp
