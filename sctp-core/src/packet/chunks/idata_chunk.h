// I-DATA chunk (RFC 8260 section 2.1), with the I bit of RFC 7053.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// |   Type = 64   |  Res  |I|U|B|E|       Length = Variable       |
// |                              TSN                              |
// |        Stream Identifier      |           Reserved            |
// |                      Message Identifier                       |
// |    Payload Protocol Identifier / Fragment Sequence Number     |
// /                           User Data                           /
//
// The fourth word is the PPID when the B bit is set (the first fragment,
// whose FSN is implicitly 0) and the FSN otherwise. The Reserved field is
// ignored on receive and written as zero.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct IDataChunk {
  static constexpr ChunkType kType = ChunkType::kIData;
  static constexpr size_t kHeaderSize = 20;  // chunk header + fixed fields
  static constexpr uint8_t kFlagEnding = 0x01;
  static constexpr uint8_t kFlagBeginning = 0x02;
  static constexpr uint8_t kFlagUnordered = 0x04;
  static constexpr uint8_t kFlagImmediateSack = 0x08;  // RFC 7053 section 3

  Tsn tsn;
  StreamId stream_id;
  Mid mid;
  // On the wire only when `beginning` is set.
  Ppid ppid;
  // On the wire only when `beginning` is clear; parsing a first fragment
  // sets it to 0, the FSN RFC 8260 section 2.1 gives the first fragment.
  Fsn fsn;
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  bool immediate_sack = false;
  // View into the parsed packet or the caller's buffer. An empty payload
  // parses: the socket answers it with "No User Data" (RFC 9260 section 6.2).
  ByteSpan payload;

  static ParseResult<IDataChunk> parse(const RawChunk& raw);
  // Chunk length without padding.
  [[nodiscard]] size_t length() const { return kHeaderSize + payload.size(); }
  void serialize(ByteWriter& writer) const;

  [[nodiscard]] uint8_t flags() const;
  // The value of the PPID/FSN word, as written.
  [[nodiscard]] uint32_t ppid_or_fsn() const { return beginning ? ppid.value() : fsn.value(); }
  // Compares what is on the wire: the flags, the fixed fields (the PPID or
  // the FSN, whichever the B bit selects) and the payload bytes.
  bool operator==(const IDataChunk& other) const;
};

}  // namespace sctp
