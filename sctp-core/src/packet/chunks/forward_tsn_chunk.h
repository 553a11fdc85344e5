// FORWARD TSN chunk (RFC 3758 section 3.2).
//
// |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
// |                      New Cumulative TSN                       |
// |         Stream-1              |       Stream Sequence-1       |
// /                                                               /
// |         Stream-N              |       Stream Sequence-N       |
//
// The (stream, SSN) list must fill the value exactly in 4-byte entries;
// anything else is kMisaligned.
#pragma once

#include <cstddef>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
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
  };

  Tsn new_cumulative_tsn;
  std::vector<SkippedStream> skipped_streams;

  static ParseResult<ForwardTsnChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const {
    return 4 + kFixedValueSize + kEntrySize * skipped_streams.size();
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ForwardTsnChunk&) const = default;
};

}  // namespace sctp
