#include "packet/parameters/supported_extensions_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<SupportedExtensionsParameter> SupportedExtensionsParameter::parse(const RawTlv& raw) {
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType),
                                       "Supported Extensions parameter")) {
    return Unexpected(*e);
  }
  return SupportedExtensionsParameter{std::vector<uint8_t>(raw.value.begin(), raw.value.end())};
}

void SupportedExtensionsParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(chunk_types);
  tlv.finish();
}

bool SupportedExtensionsParameter::contains(ChunkType type) const {
  return std::ranges::find(chunk_types, static_cast<uint8_t>(type)) != chunk_types.end();
}

}  // namespace sctp
