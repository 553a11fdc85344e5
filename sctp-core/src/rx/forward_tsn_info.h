// The stream entries of FORWARD-TSN (RFC 3758 section 3.2) and I-FORWARD-TSN
// (RFC 8260 section 2.3.1) as plain values: produced by the retransmission
// queue, consumed by the reassembly queue; the socket converts to chunks.
#pragma once

#include "sctp/strong_types.h"

namespace sctp {

// FORWARD-TSN stream entry: the highest SSN skipped on an ordered stream.
struct SkippedSsn {
  StreamId stream_id;
  Ssn ssn;
  bool operator==(const SkippedSsn&) const = default;
};

// I-FORWARD-TSN entry: the highest MID skipped in the stream's ordered or
// unordered message space.
struct SkippedMid {
  StreamId stream_id;
  bool unordered = false;
  Mid mid;
  bool operator==(const SkippedMid&) const = default;
};

}  // namespace sctp
