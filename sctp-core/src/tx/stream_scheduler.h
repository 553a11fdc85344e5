// Chooses which outgoing stream sends next (RFC 8260 section 3).
//
// The send queue tells the scheduler when a stream gains or loses a queued
// message and how many bytes each produced fragment took; the scheduler only
// answers "which stream next". That is all FCFS and round robin need, and
// what priority (3.4) and weighted fair queueing / fair bandwidth (3.5, 3.6)
// need too: they keep a weight per stream (set_priority) and virtual time
// from the produced byte counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "sctp/options.h"
#include "sctp/strong_types.h"

namespace sctp {

// Whether a stream may send now (it can be paused for a stream reset).
class StreamEligibility {
 public:
  virtual ~StreamEligibility() = default;
  [[nodiscard]] virtual bool can_send(StreamId stream) const = 0;
};

class StreamScheduler {
 public:
  virtual ~StreamScheduler() = default;
  // A message was appended to `stream`'s queue.
  virtual void on_message_enqueued(StreamId stream) = 0;
  // The oldest message of `stream` left its queue (fully produced, expired
  // or discarded).
  virtual void on_message_dequeued(StreamId stream) = 0;
  // The stream to produce the next fragment from, among those with queued
  // messages that `eligibility` allows; nullopt if none.
  [[nodiscard]] virtual std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const = 0;
  // A fragment of `bytes` was produced from `stream`; `message_complete`
  // when it was the message's last.
  virtual void on_fragment_produced(StreamId stream, size_t bytes, bool message_complete) = 0;
  // With I-DATA (RFC 8260) streams may alternate within a message.
  virtual void set_interleaving(bool /*enabled*/) {}
  // Hook for priority / WFQ schedulers; FCFS and round robin ignore it.
  virtual void set_priority(StreamId /*stream*/, uint16_t /*priority*/) {}
  // Forget every queued message (the send queue was cleared).
  virtual void clear() = 0;
};

[[nodiscard]] std::unique_ptr<StreamScheduler> make_stream_scheduler(StreamSchedulerKind kind);

}  // namespace sctp
