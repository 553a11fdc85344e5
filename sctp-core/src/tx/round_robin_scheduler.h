// Round-robin scheduler (RFC 8260 section 3.2): streams with queued messages
// take turns in stream-id order. A turn is one message, or one fragment when
// interleaving (I-DATA) is in use, so a large message no longer blocks the
// other streams.
#pragma once

#include <cstdint>
#include <vector>

#include "tx/stream_scheduler.h"

namespace sctp {

class RoundRobinScheduler final : public StreamScheduler {
 public:
  void on_message_enqueued(StreamId stream) override;
  void on_message_dequeued(StreamId stream) override;
  [[nodiscard]] std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const override;
  void on_fragment_produced(StreamId stream, size_t bytes, bool message_complete) override;
  void set_interleaving(bool enabled) override { per_fragment_ = enabled; }
  void clear() override;

 private:
  struct Active {
    uint16_t stream;
    uint32_t queued_messages;
  };
  std::vector<Active> active_;  // sorted by stream id; capacity reused
  // The turn is at the first active stream >= position_ (or > when
  // position_is_past_).
  uint16_t position_ = 0;
  bool position_is_past_ = false;
  bool per_fragment_ = false;
};

}  // namespace sctp
