// PAD chunk (RFC 4820 section 3).
//
// |   Type = 0x84 |   Flags=0     |             Length            |
// /                         Padding Data                          /
//
// Used to grow a packet (path MTU probing); the receiver ignores the
// padding data (RFC 4820 section 3), which is kept here as a view so the
// chunk round-trips byte for byte. Any length from 4 up parses.
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct PadChunk {
  static constexpr ChunkType kType = ChunkType::kPad;

  // View into the parsed packet or the caller's buffer (a sender fills it
  // with zeros, for instance from a static zero buffer).
  ByteSpan padding;

  static ParseResult<PadChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const { return 4 + padding.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const PadChunk& other) const;
};

}  // namespace sctp
