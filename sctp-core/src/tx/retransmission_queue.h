// DATA chunks sent and not yet cumulatively acknowledged, keyed by TSN
// (RFC 9260 sections 6.2.1, 6.3, 7.2.4; RFC 3758 section 3.5; RFC 7496).
//
// Usage by the socket:
//   send:      tsn = add_sent(fragment, now) for each new DATA/I-DATA chunk;
//              retransmissions first: next_retransmission(now, room) (6.1 C)
//   SACK:      outcome = handle_sack(cum, gaps, cc.in_fast_recovery(), now);
//              feed cc.on_sack(outcome.ack_sample), rwnd.on_sack(a_rwnd,
//              outstanding_bytes()); if outcome.new_fast_retransmits call
//              cc.on_fast_retransmit(highest_sent_tsn()) and, when it returns
//              true, send one packet of retransmissions at once regardless
//              of cwnd (7.2.4 step 3); act on outcome.t3 (6.3.2 R2/R3);
//              feed outcome.rtt_sample to the RTO estimator (6.3.1).
//   T3-rtx:    handle_t3_expiry() marks everything outstanding (6.3.3 E3).
//   PR-SCTP:   abandon_expired(now) on timers/SACKs; send a FORWARD-TSN
//              when should_send_forward_tsn(), built from
//              advanced_peer_ack_point() and skipped_ssns()/skipped_mids();
//              call SendQueue::discard() for each newly_abandoned() message
//              right away (after any call that may abandon), before
//              producing new fragments; pass each of
//              SendQueue::take_abandoned_ends() to add_abandoned_end(). A partly sent message's
//              unsent end is given a TSN of its own (never sent), so next_tsn() may jump: always
//              take TSNs from add_sent().
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/ring_buffer.h"
#include "rx/forward_tsn_info.h"
#include "rx/sack_info.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"
#include "tx/congestion_controller.h"
#include "tx/outgoing_fragment.h"

namespace sctp {

// A message given up under PR-SCTP; its unsent fragments must be dropped
// from the send queue (SendQueue::discard).
struct AbandonedMessage {
  StreamId stream_id;
  OutgoingMessageId message_id;
};

struct SackOutcome {
  enum class Status : uint8_t {
    kProcessed,
    // Cumulative TSN Ack behind ours: an old, reordered SACK, dropped
    // (RFC 9260 6.2.1 D i).
    kStale,
    // Acknowledges a TSN never sent: a protocol violation; nothing changed.
    kAcksUnsentTsn,
  };
  enum class T3Action : uint8_t {
    kNone,
    kStop,           // 6.3.2 R2: all outstanding data acknowledged
    kRestart,        // 6.3.2 R3: the earliest outstanding TSN was acknowledged
    kEnsureRunning,  // 6.2.1 D: reneged data, start T3 if it is not running
  };
  Status status = Status::kProcessed;
  // The gap ack blocks were malformed (unsorted, overlapping, empty, or
  // beyond the highest TSN sent) and were ignored; the cumulative ack was used.
  bool gap_blocks_ignored = false;
  AckSample ack_sample;
  // Some chunks just reached their third miss indication (7.2.4).
  bool new_fast_retransmits = false;
  // Karn's rule (RFC 9260 6.3.1 C5): only from a chunk never retransmitted;
  // and at most one sample per round trip (C4).
  std::optional<DurationMs> rtt_sample;
  T3Action t3 = T3Action::kNone;
};

struct Retransmission {
  Tsn tsn;
  OutgoingFragment fragment;
};

class RetransmissionQueue {
 public:
  // RFC 9260 7.2.4: a chunk is fast retransmitted on its third miss indication.
  static constexpr uint8_t kFastRetransmitThreshold = 3;

  // `my_initial_tsn` is the Initial TSN of our INIT / INIT ACK.
  explicit RetransmissionQueue(Tsn my_initial_tsn);

  // A chunk sent for the first time: assigns the next TSN.
  Tsn add_sent(OutgoingFragment fragment, TimeMs now);

  // `absent_blocks_renege` = false for the Cumulative TSN Ack of a SHUTDOWN
  // chunk: it has no Gap Ack Blocks, and RFC 9260 3.3.8 says their absence
  // MUST NOT be taken as a renege (gap-acked chunks stay acknowledged).
  SackOutcome handle_sack(Tsn cumulative_tsn_ack, std::span<const GapAckBlock> gap_ack_blocks,
                          bool in_fast_recovery, TimeMs now, bool absent_blocks_renege = true);

  // RFC 9260 6.3.3 E3: every outstanding chunk not gap-acknowledged is to be
  // retransmitted. Chunks whose RFC 7496 RTX limit is reached are abandoned.
  void handle_t3_expiry();

  // The lowest-TSN chunk marked for retransmission if its payload fits in
  // `max_payload_bytes`; marks it sent again. Chunks past their lifetime are
  // abandoned instead (RFC 3758 3.5 A1).
  std::optional<Retransmission> next_retransmission(TimeMs now, size_t max_payload_bytes);
  [[nodiscard]] bool has_retransmissions() const { return to_retransmit_count_ > 0; }

  // The send queue dropped the unsent rest of a partly sent message whose
  // lifetime ended (SendQueue::take_abandoned_ends()). Its end gets a TSN of
  // its own, never sent and abandoned, so a FORWARD-TSN will skip the message
  // even if every sent fragment is acknowledged. Returns that TSN, or nullopt
  // if the message already has an end here.
  std::optional<Tsn> add_abandoned_end(OutgoingFragment end);

  // RFC 7496 TTL policy: abandons every unacknowledged message whose
  // lifetime has ended. Returns the number of chunks abandoned.
  size_t abandon_expired(TimeMs now);

  // --- PR-SCTP (RFC 3758 section 3.5).
  [[nodiscard]] Tsn advanced_peer_ack_point() const;
  // C3: a FORWARD-TSN is due when the Advanced.Peer.Ack.Point is ahead of the
  // Cumulative TSN Ack.
  [[nodiscard]] bool should_send_forward_tsn() const { return adv_peer_ack_point_ > cum_ack_; }
  // C4: the highest SSN skipped per ordered stream (FORWARD-TSN), or the
  // highest MID per stream and ordering (I-FORWARD-TSN), for chunks up to the
  // Advanced.Peer.Ack.Point. Valid until the next call.
  std::span<const SkippedSsn> skipped_ssns();
  std::span<const SkippedMid> skipped_mids();
  // Messages abandoned since the last clear (for SendQueue::discard).
  [[nodiscard]] std::span<const AbandonedMessage> newly_abandoned() const {
    return newly_abandoned_;
  }
  void clear_newly_abandoned() { newly_abandoned_.clear(); }

  // --- State.
  [[nodiscard]] Tsn next_tsn() const { return unwrapper_.wrap(cum_ack_ + 1 + items_.size()); }
  [[nodiscard]] Tsn cumulative_tsn_ack() const { return unwrapper_.wrap(cum_ack_); }
  // The highest TSN sent so far (the Fast Recovery exit point, 7.2.4).
  [[nodiscard]] Tsn highest_sent_tsn() const { return next_tsn().prev(); }
  // Bytes in flight: sent, not acknowledged, not marked for retransmission,
  // not abandoned (the "flightsize" of RFC 9260 section 7).
  [[nodiscard]] size_t bytes_in_flight() const { return bytes_in_flight_; }
  // Bytes not yet acknowledged, in flight or waiting for retransmission
  // (what the peer's rwnd is computed against, 6.2.1 D iv).
  [[nodiscard]] size_t outstanding_bytes() const { return outstanding_bytes_; }
  // Chunks kept: everything above the Cumulative TSN Ack.
  [[nodiscard]] size_t chunk_count() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  // Miss indications of one TSN (tests and diagnostics); nullopt if not held.
  [[nodiscard]] std::optional<uint8_t> miss_indications(Tsn tsn) const;
  [[nodiscard]] bool is_marked_for_retransmission(Tsn tsn) const;
  [[nodiscard]] bool is_abandoned(Tsn tsn) const;

 private:
  enum class State : uint8_t {
    kInFlight,      // sent, waiting for an ack
    kToRetransmit,  // marked by fast retransmit or T3
    kAcked,         // gap-acknowledged (may still be reneged)
    kAbandoned,     // PR-SCTP: given up, to be skipped by FORWARD-TSN
  };
  struct Item {
    OutgoingFragment fragment;
    TimeMs sent_at;
    uint16_t retransmissions = 0;
    uint8_t misses = 0;
    State state = State::kInFlight;
    bool fast_retransmitted = false;  // 7.2.4 step 5: only once per chunk
  };

  [[nodiscard]] const Item* find(Tsn tsn) const;
  [[nodiscard]] bool gap_blocks_valid(uint64_t cum, std::span<const GapAckBlock> blocks) const;
  void set_state(Item& item, State state);
  // Returns false if the chunk was abandoned instead (RTX policy).
  bool mark_for_retransmission(Item& item);
  void abandon_message_of(const Item& item);
  void advance_peer_ack_point();

  SerialUnwrapper<Tsn> unwrapper_;
  uint64_t cum_ack_;             // unwrapped Cumulative TSN Ack from the peer
  uint64_t adv_peer_ack_point_;  // unwrapped Advanced.Peer.Ack.Point
  // Highest TSN sent when the last RTT sample was taken (6.3.1 C4).
  uint64_t rtt_measured_through_;
  RingBuffer<Item> items_;  // items_[i] has TSN cum_ack_ + 1 + i
  size_t bytes_in_flight_ = 0;
  size_t outstanding_bytes_ = 0;
  size_t to_retransmit_count_ = 0;
  size_t unacked_count_ = 0;  // items not gap-acknowledged
  // A lower bound on the expiry of every chunk with a lifetime that is held
  // and not abandoned (RFC 7496 TTL); nullopt: none has one. Lets
  // abandon_expired() skip its walk while nothing can have expired.
  std::optional<TimeMs> earliest_expiry_;
  std::vector<AbandonedMessage> newly_abandoned_;
  std::vector<SkippedSsn> skipped_ssns_;
  std::vector<SkippedMid> skipped_mids_;
};

}  // namespace sctp
