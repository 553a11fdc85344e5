#include "packet/parameters/chunk_list_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ChunkListParameter> ChunkListParameter::parse(const RawTlv& raw) {
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), "CHUNKS parameter")) {
    return Unexpected(*e);
  }
  return ChunkListParameter{std::vector<uint8_t>(raw.value.begin(), raw.value.end())};
}

void ChunkListParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(chunk_types);
  tlv.finish();
}

bool ChunkListParameter::contains(ChunkType type) const {
  return std::ranges::find(chunk_types, static_cast<uint8_t>(type)) != chunk_types.end();
}

}  // namespace sctp
