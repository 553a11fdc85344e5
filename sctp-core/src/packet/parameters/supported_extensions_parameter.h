// Supported Extensions parameter (RFC 5061 section 4.2.7): the chunk types
// the sender supports beyond RFC 9260.
//
// |     Parameter Type = 0x8008   |      Parameter Length         |
// | CHUNK TYPE 1  |  CHUNK TYPE 2 |  CHUNK TYPE 3 |  CHUNK TYPE 4 |
// |                             ....                              |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunk_type.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct SupportedExtensionsParameter {
  static constexpr ParameterType kType = ParameterType::kSupportedExtensions;

  // Raw chunk type codes, so types we do not know survive a round trip. An
  // empty list is well formed (announces no extension).
  std::vector<uint8_t> chunk_types;

  static ParseResult<SupportedExtensionsParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + chunk_types.size(); }
  void serialize(ByteWriter& writer) const;
  [[nodiscard]] bool contains(ChunkType type) const;
  bool operator==(const SupportedExtensionsParameter&) const = default;
};

}  // namespace sctp
