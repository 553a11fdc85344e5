#include "tx/rotating_scheduler.h"

#include <algorithm>

namespace sctp {

namespace {
auto find_stream(auto& active, uint16_t stream) {
  return std::lower_bound(active.begin(), active.end(), stream,
                          [](const auto& a, uint16_t s) { return a.stream < s; });
}
}  // namespace

void RotatingScheduler::on_message_enqueued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it != active_.end() && it->stream == stream.value()) {
    ++it->queued_messages;
  } else {
    active_.insert(it, Active{stream.value(), 1});
  }
}

void RotatingScheduler::on_message_dequeued(StreamId stream) {
  auto it = find_stream(active_, stream.value());
  if (it == active_.end() || it->stream != stream.value()) return;
  if (--it->queued_messages == 0) active_.erase(it);
}

void RotatingScheduler::on_fragment_produced(StreamId stream, size_t /*bytes*/,
                                             bool message_complete) {
  position_ = stream.value();
  // The turn passes after a whole message, or after each fragment with
  // interleaving (RFC 8260 section 3.2).
  position_is_past_ = message_complete || per_fragment_;
}

void RotatingScheduler::clear() {
  active_.clear();
  position_ = 0;
  position_is_past_ = false;
}

size_t RotatingScheduler::turn_index() const {
  auto start = find_stream(active_, position_);
  if (position_is_past_ && start != active_.end() && start->stream == position_) ++start;
  return static_cast<size_t>(start - active_.begin());
}

}  // namespace sctp
