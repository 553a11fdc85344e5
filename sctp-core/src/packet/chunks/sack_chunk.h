// SACK chunk (RFC 9260 section 3.3.4).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// |   Type = 3    |  Chunk Flags  |        Chunk Length           |
// |                      Cumulative TSN Ack                       |
// |          Advertised Receiver Window Credit (a_rwnd)           |
// | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
// |    Gap Ack Block #1 Start     |     Gap Ack Block #1 End      |
// /                              ...                              /
// |    Gap Ack Block #N Start     |     Gap Ack Block #N End      |
// |                        Duplicate TSN 1                        |
// /                              ...                              /
// |                        Duplicate TSN M                        |
//
// The parser checks that the chunk length is exactly 16 + 4 * (N + M). It
// does not judge the blocks themselves (start <= end, ordering, overlap):
// RFC 9260 leaves the reaction to such a SACK to the sender's data path,
// which knows the outstanding TSNs. A parsed SACK's lists are views into the
// received chunk (no allocation; see wire_list.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/wire_list.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct SackChunk {
  static constexpr ChunkType kType = ChunkType::kSack;
  static constexpr size_t kFixedValueSize = 12;  // cum TSN ack, a_rwnd, N, M

  // A Gap Ack Block: TSNs cumulative_tsn_ack + start ..= cumulative_tsn_ack + end
  // were received (RFC 9260 section 3.3.4). Offsets, not TSNs, as on the
  // wire. Nested so it does not collide with the data tracker's own type.
  struct GapAckBlock {
    uint16_t start = 0;
    uint16_t end = 0;
    bool operator==(const GapAckBlock&) const = default;

    static constexpr size_t kWireSize = 4;
    static GapAckBlock read(const ByteReader& r, size_t offset) {
      return {r.u16(offset), r.u16(offset + 2)};
    }
    static void write(ByteWriter& w, const GapAckBlock& b) {
      w.u16(b.start);
      w.u16(b.end);
    }
  };
  struct DuplicateTsnCodec {
    static constexpr size_t kWireSize = 4;
    static Tsn read(const ByteReader& r, size_t offset) { return Tsn(r.u32(offset)); }
    static void write(ByteWriter& w, const Tsn& tsn) { w.u32(tsn.value()); }
  };

  Tsn cumulative_tsn_ack;
  uint32_t a_rwnd = 0;
  WireList<GapAckBlock> gap_ack_blocks;
  WireList<Tsn, DuplicateTsnCodec> duplicate_tsns;

  static ParseResult<SackChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const {
    return 4 + kFixedValueSize + 4 * (gap_ack_blocks.size() + duplicate_tsns.size());
  }
  // Writes the chunk and its padding. At most 65535 blocks and duplicates
  // each fit the count fields; the caller bounds them by the MTU long before.
  void serialize(ByteWriter& writer) const;
  bool operator==(const SackChunk&) const = default;
};

}  // namespace sctp
