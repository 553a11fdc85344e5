// First-come, first-served scheduler (RFC 8260 section 3.1): messages are
// sent in the order they were queued, whatever their stream.
#pragma once

#include <deque>

#include "tx/stream_scheduler.h"

namespace sctp {

class FcfsScheduler final : public StreamScheduler {
 public:
  void on_message_enqueued(StreamId stream) override { order_.push_back(stream); }
  void on_message_dequeued(StreamId stream) override;
  [[nodiscard]] std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const override;
  void on_fragment_produced(StreamId, size_t, bool) override {}
  void clear() override { order_.clear(); }

 private:
  // One entry per queued message, oldest first.
  std::deque<StreamId> order_;
};

}  // namespace sctp
