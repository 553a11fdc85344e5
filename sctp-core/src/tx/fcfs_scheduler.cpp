#include "tx/fcfs_scheduler.h"

#include <algorithm>

namespace sctp {

void FcfsScheduler::on_message_dequeued(StreamId stream) {
  // The stream's oldest message is its first entry in the global order.
  auto it = std::find(order_.begin(), order_.end(), stream);
  if (it != order_.end()) order_.erase(it);
}

std::optional<StreamId> FcfsScheduler::next_stream(const StreamEligibility& eligibility) const {
  // The oldest message whose stream may send (a paused stream's messages
  // wait without blocking the others).
  for (StreamId stream : order_) {
    if (eligibility.can_send(stream)) return stream;
  }
  return std::nullopt;
}

}  // namespace sctp
