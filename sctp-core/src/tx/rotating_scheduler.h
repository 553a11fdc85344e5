// What round robin (RFC 8260 section 3.2) and priority (3.4, round robin
// within a priority) schedulers share: the streams with queued messages, in
// stream-id order with a message count each, and the turn that passes after
// a whole message, or after each fragment when interleaving (I-DATA).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "tx/stream_scheduler.h"

namespace sctp {

class RotatingScheduler : public StreamScheduler {
 public:
  void on_message_enqueued(StreamId stream) override;
  void on_message_dequeued(StreamId stream) override;
  void on_fragment_produced(StreamId stream, size_t bytes, bool message_complete) override;
  void set_interleaving(bool enabled) override { per_fragment_ = enabled; }
  void clear() override;

 protected:
  struct Active {
    uint16_t stream;
    uint32_t queued_messages;
  };
  [[nodiscard]] const std::vector<Active>& active() const { return active_; }

  // The first active stream, starting at the one whose turn it is and going
  // round in stream-id order, that `accept(StreamId)` takes.
  template <typename Accept>
  [[nodiscard]] std::optional<StreamId> next_in_turn(Accept&& accept) const {
    const size_t n = active_.size();
    const size_t first = turn_index();
    for (size_t k = 0; k < n; ++k) {
      const StreamId stream(active_[(first + k) % n].stream);
      if (accept(stream)) return stream;
    }
    return std::nullopt;
  }

 private:
  [[nodiscard]] size_t turn_index() const;

  std::vector<Active> active_;  // sorted by stream id; capacity reused
  // The turn is at the first active stream >= position_ (or > when
  // position_is_past_).
  uint16_t position_ = 0;
  bool position_is_past_ = false;
  bool per_fragment_ = false;
};

}  // namespace sctp
