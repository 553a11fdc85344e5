// FORWARD TSN chunk (RFC 3758 section 3.2).
//
// |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
// |                      New Cumulative TSN                       |
// |         Stream-1              |       Stream Sequence-1       |
// /                                                               /
// |         Stream-N              |       Stream Sequence-N       |
//
// The (stream, SSN) list must fill the value exactly in 4-byte entries;
// anything else is kMisaligned. A parsed list is a view into the received
// chunk (no allocation; see wire_list.h).
#pragma once

#include <cstddef>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/wire_list.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct ForwardTsnChunk {
  static constexpr ChunkType kType = ChunkType::kForwardTsn;
  static constexpr size_t kFixedValueSize = 4;  // new cumulative TSN
  static constexpr size_t kEntrySize = 4;

  // The largest SSN skipped on an ordered stream (RFC 3758 section 3.2).
  struct SkippedStream {
    StreamId stream_id;
    Ssn ssn;
    bool operator==(const SkippedStream&) const = default;

    static constexpr size_t kWireSize = kEntrySize;
    static SkippedStream read(const ByteReader& r, size_t offset) {
      return {StreamId(r.u16(offset)), Ssn(r.u16(offset + 2))};
    }
    static void write(ByteWriter& w, const SkippedStream& s) {
      w.u16(s.stream_id.value());
      w.u16(s.ssn.value());
    }
  };

  Tsn new_cumulative_tsn;
  WireList<SkippedStream> skipped_streams;

  static ParseResult<ForwardTsnChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const {
    return 4 + kFixedValueSize + kEntrySize * skipped_streams.size();
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ForwardTsnChunk&) const = default;
};

}  // namespace sctp
