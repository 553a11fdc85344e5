// I-FORWARD TSN chunk (RFC 8260 section 2.3).
//
// |   Type = 194  |  Flags = 0x00 |        Length = Variable      |
// |                      New Cumulative TSN                       |
// |       Stream Identifier       |          Reserved           |U|
// |                      Message Identifier                       |
// /                                                               /
//
// Entries are 8 bytes and must fill the value exactly (else kMisaligned).
// The Reserved bits are ignored on receive and written as zero. A parsed
// list is a view into the received chunk (no allocation; see wire_list.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/wire_list.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct IForwardTsnChunk {
  static constexpr ChunkType kType = ChunkType::kIForwardTsn;
  static constexpr size_t kFixedValueSize = 4;  // new cumulative TSN
  static constexpr size_t kEntrySize = 8;
  static constexpr uint16_t kFlagUnordered = 0x0001;  // the U bit

  // The largest MID skipped on one stream, ordered or unordered (the U bit).
  struct SkippedStream {
    StreamId stream_id;
    bool unordered = false;
    Mid mid;
    bool operator==(const SkippedStream&) const = default;

    static constexpr size_t kWireSize = kEntrySize;
    static SkippedStream read(const ByteReader& r, size_t offset) {
      return {StreamId(r.u16(offset)), (r.u16(offset + 2) & kFlagUnordered) != 0,
              Mid(r.u32(offset + 4))};
    }
    static void write(ByteWriter& w, const SkippedStream& s) {
      w.u16(s.stream_id.value());
      w.u16(s.unordered ? kFlagUnordered : 0);
      w.u32(s.mid.value());
    }
  };

  Tsn new_cumulative_tsn;
  WireList<SkippedStream> skipped_streams;

  static ParseResult<IForwardTsnChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const {
    return 4 + kFixedValueSize + kEntrySize * skipped_streams.size();
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const IForwardTsnChunk&) const = default;
};

}  // namespace sctp
