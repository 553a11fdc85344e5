// Unrecognized Chunk Type error cause (RFC 9260 section 3.3.10.6): the sender did not understand a
// chunk whose type's upper bits ask for a report (RFC 9260 section 3.2).
//
// |     Cause Code=6              |      Cause Length=Variable    |
// /                       Unrecognized Chunk                      /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct UnrecognizedChunkTypeCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kUnrecognizedChunkType;

  // The unrecognized chunk as copied by the sender, header included (so at
  // least 4 bytes). Its inner length field is not checked against the copy:
  // it is never used to read, and a sender may have truncated a large chunk
  // to fit the ERROR into the path MTU.
  ByteSpan chunk;

  static ParseResult<UnrecognizedChunkTypeCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + chunk.size(); }
  void serialize(ByteWriter& writer) const;
  [[nodiscard]] uint8_t chunk_type() const { return chunk.empty() ? 0 : chunk[0]; }
  bool operator==(const UnrecognizedChunkTypeCause& other) const;
};

}  // namespace sctp
