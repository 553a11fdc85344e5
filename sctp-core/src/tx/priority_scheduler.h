// Strict priority scheduler (RFC 8260 section 3.4): streams with a more
// urgent priority are served first; streams of equal priority take turns as
// in round robin (3.2). Here a LOWER value is MORE urgent (as in usrsctp and
// Linux); streams without a set priority have kDefaultPriority. Selected by
// SocketOptions::scheduler = StreamSchedulerKind::kPriority; priorities come
// from Socket::set_stream_priority.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "tx/rotating_scheduler.h"

namespace sctp {

class PriorityScheduler final : public RotatingScheduler {
 public:
  static constexpr uint16_t kDefaultPriority = 256;

  [[nodiscard]] std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const override;
  void set_priority(StreamId stream, uint16_t priority) override;

  [[nodiscard]] uint16_t priority(StreamId stream) const;

 private:
  std::unordered_map<uint16_t, uint16_t> priorities_;
};

}  // namespace sctp
