// Turns received fragments into complete user messages (RFC 9260 section
// 6.9 for DATA, RFC 8260 section 2.1 for I-DATA) and delivers them: ordered
// messages per stream in SSN/MID order (6.6), unordered ones as soon as they
// are complete. Handles PR-SCTP skips (RFC 3758 3.6, RFC 8260 2.3.1) and the
// incoming side of a stream reset (RFC 6525 section 5.2.2).
//
// Usage by the socket: for each chunk the data tracker reports as new,
// add(fragment); then drain pop_message(). Announce a_rwnd =
// remaining_capacity(); before accepting a chunk, check has_space_for() and
// drop it (without acknowledging it) when there is none (RFC 9260 6.2).
//
// Per-stream state is created on first use, so 65535 possible streams cost
// nothing until data arrives on them. Payload bytes are copied once, into the
// message's buffer (see FragmentStore for the out-of-order exception).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "common/ring_buffer.h"
#include "rx/forward_tsn_info.h"
#include "rx/fragment_store.h"
#include "rx/received_fragment.h"
#include "sctp/strong_types.h"
#include "sctp/types.h"

namespace sctp {

enum class ReassemblyMode : uint8_t {
  kData,   // DATA chunks: SSN ordering, fragments on consecutive TSNs
  kIData,  // I-DATA chunks (RFC 8260): MID ordering, FSN within a message
};

class ReassemblyQueue {
 public:
  enum class AddResult : uint8_t {
    kAccepted,   // held or delivered
    kDuplicate,  // a fragment with the same position is already held: ignored
    kStale,      // its message was already delivered or skipped: ignored
  };

  // `peer_initial_tsn` anchors TSN unwrapping; `max_buffered_bytes` is the
  // receive window (SocketOptions::receive_window).
  ReassemblyQueue(ReassemblyMode mode, Tsn peer_initial_tsn, size_t max_buffered_bytes);

  // Stores (or directly delivers) one fragment. Never refuses for space: the
  // byte limit is the socket's to enforce with has_space_for(), because RFC
  // 9260 section 6.2 lets it accept hole-filling chunks when the window is 0.
  AddResult add(const ReceivedFragment& fragment);

  // RFC 3758 section 3.6 (DATA): fragments with TSN <= new_cumulative_tsn that
  // do not form a complete message are dropped; each listed stream's next
  // expected SSN moves past the skipped one; messages that become next in
  // order are delivered (complete ones are never dropped: they were acked).
  void handle_forward_tsn(Tsn new_cumulative_tsn, std::span<const SkippedSsn> skipped);
  // RFC 8260 section 2.3.1 (I-DATA): partial messages up to each listed MID
  // are dropped, ordered streams move past it.
  void handle_iforward_tsn(std::span<const SkippedMid> skipped);

  // RFC 6525 section 5.2.2: the peer reset these outgoing streams (our
  // incoming ones) and the Cumulative TSN Ack has reached its Sender's Last
  // Assigned TSN: their next expected SSN/MID becomes 0 and whatever partial
  // data is left on them is discarded. An empty list means all streams.
  void reset_streams(std::span<const StreamId> streams);

  // RFC 6525 section 5.2.2, deferred reset: the request's Sender's Last
  // Assigned TSN is ahead of our Cumulative TSN Ack. Until it is reached,
  // fragments with a higher TSN (already numbered after the reset) are held
  // aside instead of being mistaken for old SSNs. One deferred reset at a
  // time (the socket answers "in progress" to another).
  void defer_reset(Tsn sender_last_assigned_tsn, std::span<const StreamId> streams);
  [[nodiscard]] bool has_deferred_reset() const { return deferred_.has_value(); }
  // Performs the deferred reset once `cumulative_tsn_ack` has reached the
  // request's last TSN, then processes the held fragments. Returns true if
  // the reset was performed (the socket reports the streams as reset).
  bool maybe_apply_deferred_reset(Tsn cumulative_tsn_ack);

  [[nodiscard]] bool has_message() const { return !ready_.empty(); }
  [[nodiscard]] size_t ready_message_count() const { return ready_.size(); }
  std::optional<Message> pop_message();

  // Bytes held: fragments awaiting reassembly plus complete messages not yet
  // popped. This is what the advertised receive window subtracts.
  [[nodiscard]] size_t buffered_bytes() const { return buffered_bytes_; }
  [[nodiscard]] size_t max_buffered_bytes() const { return max_buffered_bytes_; }
  [[nodiscard]] size_t remaining_capacity() const {
    return buffered_bytes_ >= max_buffered_bytes_ ? 0 : max_buffered_bytes_ - buffered_bytes_;
  }
  [[nodiscard]] bool has_space_for(size_t payload_bytes) const {
    return payload_bytes <= remaining_capacity();
  }
  [[nodiscard]] bool is_over_limit() const { return buffered_bytes_ > max_buffered_bytes_; }
  // Recomputes from the stored fragments and ready messages what
  // buffered_bytes() tracks incrementally (a consistency check for tests).
  [[nodiscard]] size_t recount_buffered_bytes() const;
  // Number of streams with state (for tests and metrics).
  [[nodiscard]] size_t active_stream_count() const { return streams_.size(); }

 private:
  // One message being reassembled, keyed by its unwrapped SSN or MID.
  struct PendingMessage {
    uint64_t id;
    FragmentStore fragments;
  };
  struct StreamState {
    // Ordered messages: SSN (DATA) or MID (I-DATA) space.
    SerialUnwrapper<Ssn> ssn_unwrapper{Ssn(0)};
    SerialUnwrapper<Mid> ordered_mid_unwrapper{Mid(0)};
    uint64_t next_ordered = 0;            // unwrapped id of the next message to deliver
    std::vector<PendingMessage> ordered;  // sorted by id
    // Unordered I-DATA messages, keyed by MID (their own space, RFC 8260 2.1).
    SerialUnwrapper<Mid> unordered_mid_unwrapper{Mid(0)};
    std::vector<PendingMessage> unordered;  // sorted by id
    uint64_t unordered_stale_below = 0;     // MIDs below this were skipped
    // Unordered DATA: fragments of possibly several messages, keyed by TSN.
    FragmentStore unordered_pool;
  };

  StreamState& stream(StreamId id);
  uint64_t ordered_id(StreamState& s, const ReceivedFragment& f) const;
  static size_t held_bytes(const StreamState& s);
  AddResult add_ordered(StreamState& s, const ReceivedFragment& f, uint64_t key);
  AddResult add_unordered_idata(StreamState& s, const ReceivedFragment& f);
  AddResult add_unordered_data(StreamState& s, const ReceivedFragment& f, uint64_t key);
  void deliver_in_order(StreamId id, StreamState& s);
  void skip_ordered_to(StreamId id, StreamState& s, uint64_t skipped_id);
  void deliver(StreamId id, bool unordered, FragmentStore::Assembled&& message);
  void deliver_single(const ReceivedFragment& f);
  PendingMessage& find_or_insert(std::vector<PendingMessage>& list, uint64_t id);
  // A finished message's fragment store: its storage becomes the spare.
  void recycle(FragmentStore& fragments);

  struct HeldFragment {
    ReceivedFragment fragment;  // payload re-pointed at `bytes` on replay
    std::vector<uint8_t> bytes;
  };
  struct DeferredReset {
    uint64_t last_tsn;  // unwrapped Sender's Last Assigned TSN
    std::vector<StreamId> streams;
    std::vector<HeldFragment> held;
  };

  ReassemblyMode mode_;
  std::optional<DeferredReset> deferred_;
  SerialUnwrapper<Tsn> tsn_unwrapper_;
  size_t max_buffered_bytes_;
  size_t buffered_bytes_ = 0;
  std::unordered_map<uint16_t, StreamState> streams_;
  // Keeps its capacity: queuing a ready message allocates nothing.
  RingBuffer<Message> ready_;
  // Fragment storage of the last finished multi-fragment message, handed to
  // the next one, and that message's size: the next message's buffers are
  // reserved up front, so a message of the same size needs one allocation
  // (its payload) instead of one per doubling of two vectors.
  FragmentStore spare_fragments_;
  size_t last_assembled_size_ = 0;
};

}  // namespace sctp
