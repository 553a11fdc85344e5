#include "tx/priority_scheduler.h"

#include <algorithm>

namespace sctp {

namespace {
auto find_stream(auto& active, uint16_t stream) {
  return std::lower_bound(active.begin(), active.end(), stream,
                          [](const auto& a, uint16_t s) { return a.stream < s; });
}
}  // namespace

void PriorityScheduler::on_message_enqueued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it != active_.end() && it->stream == stream.value()) {
    ++it->queued_messages;
  } else {
    active_.insert(it, Active{stream.value(), 1});
  }
}

void PriorityScheduler::on_message_dequeued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it == active_.end() || it->stream != stream.value()) return;
  if (--it->queued_messages == 0) active_.erase(it);
}

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
  for (const Active& a : active_) {
    if (!eligibility.can_send(StreamId(a.stream))) continue;
    const uint16_t p = priority(StreamId(a.stream));
    if (!best || p < *best) best = p;
  }
  if (!best) return std::nullopt;
  // ...then round robin among the streams that have it.
  auto start = find_stream(active_, position_);
  if (position_is_past_ && start != active_.end() && start->stream == position_) ++start;
  const size_t n = active_.size();
  const size_t first = static_cast<size_t>(start - active_.begin());
  for (size_t k = 0; k < n; ++k) {
    const Active& a = active_[(first + k) % n];
    if (priority(StreamId(a.stream)) == *best && eligibility.can_send(StreamId(a.stream))) {
      return StreamId(a.stream);
    }
  }
  return std::nullopt;
}

void PriorityScheduler::on_fragment_produced(StreamId stream, size_t /*bytes*/,
                                             bool message_complete) {
  position_ = stream.value();
  position_is_past_ = message_complete || per_fragment_;
}

void PriorityScheduler::clear() {
  active_.clear();
  position_ = 0;
  position_is_past_ = false;
}

}  // namespace sctp
