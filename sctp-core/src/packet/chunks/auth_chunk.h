// AUTH chunk (RFC 4895 section 4.1).
//
// |   Type = 0x0F |   Flags=0     |             Length            |
// |     Shared Key Identifier     |   HMAC Identifier             |
// /                             HMAC                              /
//
// The HMAC's size depends on the HMAC Identifier (20 bytes for SHA-1, 32 for
// SHA-256, RFC 4895 section 3.3); the parser keeps it as a view and leaves
// the check to the authentication layer, which answers an unknown HMAC
// Identifier with the Unsupported HMAC Identifier error cause (section 6.3)
// rather than a parse failure.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct AuthChunk {
  static constexpr ChunkType kType = ChunkType::kAuth;
  static constexpr size_t kFixedValueSize = 4;  // shared key id, HMAC id
  // Offset of the HMAC from the start of the chunk: RFC 4895 section 6.2
  // computes the HMAC over the chunk with this field zeroed.
  static constexpr size_t kHmacOffset = 8;

  uint16_t shared_key_id = 0;
  uint16_t hmac_id = 0;
  ByteSpan hmac;  // view into the parsed packet or the caller's buffer

  static ParseResult<AuthChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return kHmacOffset + hmac.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const AuthChunk& other) const;
};

}  // namespace sctp
