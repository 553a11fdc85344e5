// DATA chunk (RFC 9260 section 3.3.1), with the I bit of RFC 7053.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Type = 0    |  Res  |I|U|B|E|            Length             |
// |                              TSN                              |
// |      Stream Identifier S      |   Stream Sequence Number n    |
// |                  Payload Protocol Identifier                  |
// /                 User Data (seq n of Stream S)                 /
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct DataChunk {
  static constexpr ChunkType kType = ChunkType::kData;
  static constexpr size_t kHeaderSize = 16;  // chunk header + fixed fields
  static constexpr uint8_t kFlagEnding = 0x01;
  static constexpr uint8_t kFlagBeginning = 0x02;
  static constexpr uint8_t kFlagUnordered = 0x04;
  static constexpr uint8_t kFlagImmediateSack = 0x08;  // RFC 7053 section 3

  Tsn tsn;
  StreamId stream_id;
  Ssn ssn;
  Ppid ppid;
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  bool immediate_sack = false;
  // View into the parsed packet, or into the caller's buffer when building.
  // An empty payload parses successfully: RFC 9260 section 6.2 makes it an
  // ABORT with "No User Data" naming this TSN, which the socket decides.
  ByteSpan payload;

  static ParseResult<DataChunk> parse(const RawChunk& raw);
  // Chunk length without padding.
  [[nodiscard]] size_t length() const { return kHeaderSize + payload.size(); }
  // Writes the chunk and its padding.
  void serialize(ByteWriter& writer) const;

  [[nodiscard]] uint8_t flags() const;
  // Compares every field and the payload bytes.
  bool operator==(const DataChunk& other) const;
};

}  // namespace sctp
