// The contents of a SACK chunk (RFC 9260 section 3.3.4) as plain values, so
// the data tracker (which produces them) and the retransmission queue (which
// consumes the peer's) do not depend on the chunk struct; the socket converts.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rx/bounded_vector.h"
#include "sctp/strong_types.h"

namespace sctp {

// One Gap Ack Block (RFC 9260 section 3.3.4): the TSNs
// cumulative_tsn_ack + start .. cumulative_tsn_ack + end (inclusive) were
// received. Offsets are relative to the SACK's Cumulative TSN Ack.
struct GapAckBlock {
  uint16_t start = 0;
  uint16_t end = 0;
  constexpr bool operator==(const GapAckBlock&) const = default;
};

// How many gap blocks and duplicate TSNs one SACK we build carries at most.
// 64 gaps + 20 duplicates make a 352-byte SACK, which bundles with DATA in any
// path MTU; what does not fit is reported in a later SACK (RFC 9260 6.2 allows
// fewer blocks than the receiver knows about). 20 duplicates as in dcSCTP.
inline constexpr size_t kMaxGapAckBlocks = 64;
inline constexpr size_t kMaxDuplicateTsns = 20;

struct SackInfo {
  Tsn cumulative_tsn_ack;
  uint32_t a_rwnd = 0;
  BoundedVector<GapAckBlock, kMaxGapAckBlocks> gap_ack_blocks;
  BoundedVector<Tsn, kMaxDuplicateTsns> duplicate_tsns;
  bool operator==(const SackInfo&) const = default;
};

}  // namespace sctp
