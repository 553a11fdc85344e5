#include "tx/round_robin_scheduler.h"

#include <algorithm>

namespace sctp {

namespace {
auto find_stream(auto& active, uint16_t stream) {
  return std::lower_bound(active.begin(), active.end(), stream,
                          [](const auto& a, uint16_t s) { return a.stream < s; });
}
}  // namespace

void RoundRobinScheduler::on_message_enqueued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it != active_.end() && it->stream == stream.value()) {
    ++it->queued_messages;
  } else {
    active_.insert(it, Active{stream.value(), 1});
  }
}

void RoundRobinScheduler::on_message_dequeued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it == active_.end() || it->stream != stream.value()) return;
  if (--it->queued_messages == 0) active_.erase(it);
}

std::optional<StreamId> RoundRobinScheduler::next_stream(
    const StreamEligibility& eligibility) const {
  if (active_.empty()) return std::nullopt;
  auto start = find_stream(active_, position_);
  if (position_is_past_ && start != active_.end() && start->stream == position_) ++start;
  const size_t n = active_.size();
  const size_t first = static_cast<size_t>(start - active_.begin());
  for (size_t k = 0; k < n; ++k) {
    const Active& a = active_[(first + k) % n];
    if (eligibility.can_send(StreamId(a.stream))) return StreamId(a.stream);
  }
  return std::nullopt;
}

void RoundRobinScheduler::on_fragment_produced(StreamId stream, size_t /*bytes*/,
                                               bool message_complete) {
  position_ = stream.value();
  // The turn passes after a whole message, or after each fragment with
  // interleaving (RFC 8260 section 3.2).
  position_is_past_ = message_complete || per_fragment_;
}

void RoundRobinScheduler::clear() {
  active_.clear();
  position_ = 0;
  position_is_past_ = false;
}

}  // namespace sctp
