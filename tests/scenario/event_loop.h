// A virtual clock and an event queue for scenario tests: time advances only
// from one scheduled event to the next, so a test of a minute of protocol
// time runs in microseconds and every run is identical (no wall time, no
// sleeping).
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "sctp/time.h"

namespace sctp::scenario {

class EventLoop {
 public:
  using Action = std::function<void()>;

  [[nodiscard]] TimeMs now() const { return now_; }

  // Runs `action` at now + delay (delay < 0 is treated as 0). Events at the
  // same time run in the order they were scheduled.
  void schedule(DurationMs delay, Action action);

  // Runs the next event; false when none is left.
  bool step();
  // Runs events until `done()` holds or virtual time would pass now+limit.
  // Returns done().
  bool run_until(const std::function<bool()>& done, DurationMs limit);
  // Runs every event up to now + duration, then sets the clock there.
  void run_for(DurationMs duration);
  [[nodiscard]] size_t pending() const { return queue_.size(); }

 private:
  struct Event {
    TimeMs at;
    uint64_t seq;
    Action action;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.at != b.at ? a.at > b.at : a.seq > b.seq;
    }
  };
  TimeMs now_{0};
  uint64_t next_seq_ = 0;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
};

}  // namespace sctp::scenario
