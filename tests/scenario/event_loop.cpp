#include "event_loop.h"

#include <utility>

namespace sctp::scenario {

void EventLoop::schedule(DurationMs delay, Action action) {
  if (delay.count() < 0) delay = DurationMs(0);
  queue_.push(Event{now_ + delay, next_seq_++, std::move(action)});
}

bool EventLoop::step() {
  if (queue_.empty()) return false;
  // Moved out before running: the action may schedule more events.
  Event event = std::move(const_cast<Event&>(queue_.top()));
  queue_.pop();
  now_ = event.at;
  event.action();
  return true;
}

bool EventLoop::run_until(const std::function<bool()>& done, DurationMs limit) {
  const TimeMs deadline = now_ + limit;
  while (!done()) {
    if (queue_.empty() || queue_.top().at > deadline) {
      now_ = deadline;
      return done();
    }
    step();
  }
  return true;
}

void EventLoop::run_for(DurationMs duration) {
  const TimeMs deadline = now_ + duration;
  while (!queue_.empty() && queue_.top().at <= deadline)
    step();
  now_ = deadline;
}

}  // namespace sctp::scenario
