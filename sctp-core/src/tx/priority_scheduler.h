// Strict priority scheduler (RFC 8260 section 3.4): streams with a more
// urgent priority are served first; streams of equal priority take turns as
// in round robin (3.2). Here a LOWER value is MORE urgent (as in usrsctp and
// Linux); streams without a set priority have kDefaultPriority.
//
// Not yet selectable through SocketOptions::scheduler (that enum lists FCFS
// and round robin); construct it directly and pass it to the SendQueue.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "tx/stream_scheduler.h"

namespace sctp {

class PriorityScheduler final : public StreamScheduler {
 public:
  static constexpr uint16_t kDefaultPriority = 256;

  void on_message_enqueued(StreamId stream) override;
  void on_message_dequeued(StreamId stream) override;
  [[nodiscard]] std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const override;
  void on_fragment_produced(StreamId stream, size_t bytes, bool message_complete) override;
  void set_interleaving(bool enabled) override { per_fragment_ = enabled; }
  void set_priority(StreamId stream, uint16_t priority) override;
  void clear() override;

  [[nodiscard]] uint16_t priority(StreamId stream) const;

 private:
  struct Active {
    uint16_t stream;
    uint32_t queued_messages;
  };
  std::vector<Active> active_;  // sorted by stream id
  std::unordered_map<uint16_t, uint16_t> priorities_;
  // Round-robin position among streams of equal priority (see
  // RoundRobinScheduler).
  uint16_t position_ = 0;
  bool position_is_past_ = false;
  bool per_fragment_ = false;
};

}  // namespace sctp
