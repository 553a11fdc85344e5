// Messages waiting to be sent, one FIFO per outgoing stream, cut into DATA or
// I-DATA fragments on demand (RFC 9260 section 6.9, RFC 8260 section 2.1).
//
// Usage by the socket: add() on Socket::send; when building a packet, call
// produce(now, room) for as long as it returns fragments and cwnd/rwnd allow,
// assign each a TSN and pass it to the retransmission queue. When the
// retransmission queue abandons a message (PR-SCTP), call discard() so its
// unsent rest is dropped too. Stream reset (RFC 6525): pause_streams(), wait
// for is_ready_for_reset(), then commit_reset_streams() or resume_streams().
//
// The buffered amount of a stream is the bytes queued and not yet produced.
// Per-stream state is created on first use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "common/byte_io.h"
#include "common/ring_buffer.h"
#include "sctp/types.h"
#include "tx/outgoing_fragment.h"
#include "tx/stream_scheduler.h"

namespace sctp {

class SendQueue : private StreamEligibility {
 public:
  enum class AddResult : uint8_t {
    kOk,
    kEmpty,       // SCTP cannot carry a 0-byte message (RFC 9260 section 3.3.1)
    kBufferFull,  // over the total limit: wait for the low-threshold event
  };

  SendQueue(std::unique_ptr<StreamScheduler> scheduler, size_t max_buffered_bytes);

  // Queues a copy of `payload` (the one copy on the way in: one allocation
  // holding the bytes, shared by the fragments). With options.lifetime, the
  // message expires at now + lifetime (RFC 7496 TTL policy).
  AddResult add(TimeMs now, StreamId stream, ByteSpan payload, const SendOptions& options);

  // The next fragment, at most `max_payload_bytes` long, from the stream the
  // scheduler picks. Messages whose lifetime ended are dropped here (one not
  // yet started uses no SSN, MID or TSN; one started is reported through
  // take_abandoned_ends()). Without interleaving, once a
  // message has started its fragments come back to back (DATA needs them on
  // consecutive TSNs, RFC 9260 section 6.9).
  std::optional<OutgoingFragment> produce(TimeMs now, size_t max_payload_bytes);

  [[nodiscard]] bool has_data_to_send() const;

  // The message was abandoned (RFC 3758 section 3.5): drop what of it was not
  // produced yet. Returns true if anything was dropped.
  bool discard(StreamId stream, OutgoingMessageId message);

  // With I-DATA negotiated (RFC 8260), streams may alternate mid-message.
  void set_interleaving(bool enabled);
  void set_priority(StreamId stream, uint16_t priority) {
    scheduler_->set_priority(stream, priority);
  }

  // --- Buffered amounts (bytes queued, not yet produced).
  [[nodiscard]] size_t buffered_amount(StreamId stream) const;
  [[nodiscard]] size_t total_buffered_amount() const { return total_buffered_; }
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes);
  void set_total_buffered_amount_low_threshold(size_t bytes) { total_low_threshold_ = bytes; }
  // Called when an amount falls from above its threshold to at or below it.
  std::function<void(StreamId)> on_buffered_amount_low;
  std::function<void()> on_total_buffered_amount_low;

  // --- Stream reset support (RFC 6525 section 5.1.2: the sender stops
  // assigning SSNs on the streams, then announces its last assigned TSN).
  // A paused stream starts no new message (one in progress may finish).
  void pause_streams(std::span<const StreamId> streams);
  // True when no listed stream has a message partially sent.
  [[nodiscard]] bool is_ready_for_reset(std::span<const StreamId> streams) const;
  // The peer performed the reset: SSN and MIDs restart at 0, sending resumes.
  // An empty list means every stream (e.g. association restart).
  void commit_reset_streams(std::span<const StreamId> streams);
  // The peer refused the reset: sending resumes with the old numbering.
  void resume_streams(std::span<const StreamId> streams);

  // Partly sent messages whose lifetime ended here: each entry describes the
  // message's unsent end (ending set, no payload). The socket passes each to
  // RetransmissionQueue::add_abandoned_end() so that a FORWARD-TSN skips the
  // message at the peer (RFC 3758 3.5). Cleared by the call.
  std::vector<OutgoingFragment> take_abandoned_ends() {
    std::vector<OutgoingFragment> out;
    out.swap(abandoned_ends_);
    return out;
  }
  [[nodiscard]] bool has_abandoned_ends() const { return !abandoned_ends_.empty(); }

  // Messages dropped because their lifetime ended before being fully sent.
  [[nodiscard]] uint64_t expired_message_count() const { return expired_messages_; }

 private:
  struct QueuedMessage {
    OutgoingMessageId id;
    SharedPayload data;
    Ppid ppid;
    bool unordered = false;
    std::optional<TimeMs> expires_at;
    std::optional<uint16_t> max_retransmissions;
    bool started = false;
    uint32_t next_offset = 0;
    Fsn next_fsn;
    Ssn ssn;
    Mid mid;
  };
  struct OutStream {
    RingBuffer<QueuedMessage> queue;  // keeps its capacity: no allocation per message
    size_t buffered = 0;
    size_t low_threshold = 0;
    Ssn next_ssn;
    Mid next_ordered_mid;
    Mid next_unordered_mid;
    bool paused = false;
  };

  [[nodiscard]] bool can_send(StreamId stream) const override;
  OutStream& stream(StreamId id);
  // Removes the stream's front message, with its unsent bytes.
  void drop_front(StreamId id, OutStream& s);
  void reduce_buffered(StreamId id, OutStream& s, size_t bytes);

  std::unique_ptr<StreamScheduler> scheduler_;
  size_t max_buffered_bytes_;
  std::unordered_map<uint16_t, OutStream> streams_;
  size_t total_buffered_ = 0;
  size_t total_low_threshold_ = 0;
  uint64_t next_message_id_ = 1;
  bool interleaving_ = false;
  // Without interleaving: the stream whose message is partly produced.
  std::optional<StreamId> in_progress_;
  uint64_t expired_messages_ = 0;
  std::vector<OutgoingFragment> abandoned_ends_;
};

}  // namespace sctp
