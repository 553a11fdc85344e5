// Chunk List parameter, CHUNKS (RFC 4895 section 3.2): the chunk types the
// sender requires to be authenticated.
//
// |     Parameter Type = 0x8003   |      Parameter Length         |
// | Chunk Type 1  | Chunk Type 2  | Chunk Type 3  | Chunk Type 4  |
// /                                                               /
// | Chunk Type n  |                   Padding                     |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunk_type.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct ChunkListParameter {
  static constexpr ParameterType kType = ParameterType::kChunkList;

  // Raw chunk type codes. Empty is well formed: nothing must be authenticated
  // beyond what RFC 4895 section 6.2 always requires. Which types may appear
  // (never INIT, INIT ACK, SHUTDOWN COMPLETE, AUTH; RFC 4895 section 3.2) is
  // enforced by the AUTH layer, which ignores the forbidden ones.
  std::vector<uint8_t> chunk_types;

  static ParseResult<ChunkListParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + chunk_types.size(); }
  void serialize(ByteWriter& writer) const;
  [[nodiscard]] bool contains(ChunkType type) const;
  bool operator==(const ChunkListParameter&) const = default;
};

}  // namespace sctp
