#include "packet/error_causes/unrecognized_chunk_type_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UnrecognizedChunkTypeCause> UnrecognizedChunkTypeCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Unrecognized Chunk Type cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // At least the copied chunk's header.
  if (auto e = tlv_checks::expect_min_size(raw.value, 4, kWhat)) return Unexpected(*e);
  return UnrecognizedChunkTypeCause{raw.value};
}

void UnrecognizedChunkTypeCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(chunk);
  tlv.finish();
}

bool UnrecognizedChunkTypeCause::operator==(const UnrecognizedChunkTypeCause& other) const {
  return std::ranges::equal(chunk, other.chunk);
}

}  // namespace sctp
