// Receive-side TSN bookkeeping (RFC 9260 sections 6.2, 6.7 and 3.3.4):
// which TSNs arrived, the Cumulative TSN Ack, the gap ack blocks and duplicate
// TSNs to report, and when a SACK is due.
//
// Usage by the socket, per received packet:
//   for each DATA / I-DATA chunk:  observe(tsn, i_bit) -> pass kNew chunks on
//   for a FORWARD-TSN chunk:       handle_forward_tsn(new_cum_tsn)
//   then once:                     on_packet_end(now) -> kImmediate: bundle a
//     SACK (make_sack) now; kDelayed: arm the delayed-SACK timer for
//     delayed_sack_deadline(); on its expiry call on_delayed_sack_timeout(now).
// Time is passed in; the tracker never reads a clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rx/sack_info.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"

namespace sctp {

struct DataTrackerOptions {
  // RFC 9260 section 6.2: a SACK SHOULD be sent within 200 ms of the arrival
  // of any unacknowledged DATA chunk, and MUST within 500 ms.
  DurationMs delayed_ack_timeout{200};
  // RFC 9260 section 6.2: a SACK SHOULD be generated for at least every
  // second packet (not every second DATA chunk) received.
  int packets_per_sack = 2;
};

class DataTracker {
 public:
  // A TSN further than this ahead of the Cumulative TSN Ack cannot be
  // described by a gap ack block (16-bit offsets, RFC 9260 section 3.3.4),
  // so it is refused; this also bounds the tracker's memory.
  static constexpr uint32_t kMaxTsnAhead = 65535;

  enum class Observation : uint8_t {
    kNew,          // first arrival: hand the chunk to reassembly
    kDuplicate,    // already received (reported in the next SACK): drop it
    kOutOfWindow,  // too far ahead to track: drop it, it is not acknowledged
  };
  enum class SackTiming : uint8_t {
    kNone,       // nothing unacknowledged
    kDelayed,    // arm the delayed-SACK timer for delayed_sack_deadline()
    kImmediate,  // send a SACK with this packet's reply
  };

  // `peer_initial_tsn` is the Initial TSN from the peer's INIT / INIT ACK;
  // the Cumulative TSN Ack starts one below it (RFC 9260 section 6.1).
  explicit DataTracker(Tsn peer_initial_tsn, DataTrackerOptions options = {});

  // One received DATA or I-DATA chunk. `immediate_sack` is the chunk's I bit
  // (RFC 7053 section 4.2: the receiver SHOULD SACK without delay).
  Observation observe(Tsn tsn, bool immediate_sack = false);

  // FORWARD-TSN / I-FORWARD-TSN (RFC 3758 section 3.6): moves the Cumulative
  // TSN Ack to `new_cumulative_tsn` if it is ahead, then past any TSNs already
  // received right after it. Returns true if the ack point advanced. For SACK
  // timing it counts as received DATA (RFC 3758 3.6); a stale one (not ahead)
  // asks for an immediate SACK, since the peer evidently missed ours.
  bool handle_forward_tsn(Tsn new_cumulative_tsn);

  // Ends the packet whose chunks were just observed and decides the SACK.
  SackTiming on_packet_end(TimeMs now);

  // When the delayed-SACK timer should fire, if a delayed SACK is pending.
  [[nodiscard]] std::optional<TimeMs> delayed_sack_deadline() const;
  // The delayed-SACK timer fired: true if a SACK should be sent now.
  [[nodiscard]] bool on_delayed_sack_timeout(TimeMs now) const;
  // Forces the next on_packet_end() to answer kImmediate, e.g. after DATA was
  // dropped for lack of buffer space (RFC 9260 section 6.2: such a receiver
  // MUST send a SACK immediately).
  void request_immediate_sack() { immediate_ = true; }
  [[nodiscard]] bool sack_due_immediately() const { return immediate_; }

  // Builds the SACK to send and resets the SACK-timing state and the duplicate
  // list (each duplicate is reported once, RFC 9260 section 6.2).
  // `a_rwnd` comes from the reassembly queue's free buffer space.
  SackInfo make_sack(uint32_t a_rwnd);

  [[nodiscard]] Tsn cumulative_tsn_ack() const { return unwrapper_.wrap(cum_); }
  [[nodiscard]] Tsn highest_received_tsn() const { return unwrapper_.wrap(highest_); }
  // True if some TSN above the Cumulative TSN Ack was received (a gap exists).
  [[nodiscard]] bool has_gaps() const { return !ranges_.empty(); }
  // True if `tsn` was already received (at or below the ack point or in a gap
  // ack block).
  [[nodiscard]] bool is_received(Tsn tsn) const;

 private:
  // An inclusive run of received TSNs above cum_ + 1, in unwrapped form.
  struct Range {
    uint64_t first;
    uint64_t last;
  };
  void insert_above_cum(uint64_t tsn);
  void absorb_ranges_into_cum();

  DataTrackerOptions options_;
  SerialUnwrapper<Tsn> unwrapper_;
  uint64_t cum_;      // unwrapped Cumulative TSN Ack
  uint64_t highest_;  // unwrapped highest TSN received (== cum_ without gaps)
  // Sorted, disjoint and non-adjacent; every range starts above cum_ + 1.
  // The vector keeps its capacity, so steady state does not allocate.
  std::vector<Range> ranges_;
  BoundedVector<Tsn, kMaxDuplicateTsns> duplicates_;

  // What the current packet contained (reset by on_packet_end).
  bool packet_had_data_ = false;
  bool packet_had_new_data_ = false;
  bool packet_filled_gap_ = false;
  bool packet_had_duplicate_ = false;
  bool packet_asked_immediate_ = false;

  // SACK timing state since the last SACK (reset by make_sack).
  int packets_since_sack_ = 0;
  std::optional<TimeMs> first_unacked_at_;
  bool immediate_ = false;
};

}  // namespace sctp
