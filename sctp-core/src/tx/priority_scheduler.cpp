#include "tx/priority_scheduler.h"

namespace sctp {

uint16_t PriorityScheduler::priority(StreamId stream) const {
  auto it = priorities_.find(stream.value());
  return it == priorities_.end() ? kDefaultPriority : it->second;
}

void PriorityScheduler::set_priority(StreamId stream, uint16_t priority) {
  priorities_[stream.value()] = priority;
}

std::optional<StreamId> PriorityScheduler::next_stream(const StreamEligibility& eligibility) const {
  // The most urgent priority among streams that may send...
  std::optional<uint16_t> best;
  for (const Active& a : active()) {
    if (!eligibility.can_send(StreamId(a.stream))) continue;
    const uint16_t p = priority(StreamId(a.stream));
    if (!best || p < *best) best = p;
  }
  if (!best) return std::nullopt;
  // ...then round robin among the streams that have it.
  return next_in_turn([&](StreamId s) { return priority(s) == *best && eligibility.can_send(s); });
}

}  // namespace sctp
