// One process-wide timer thread shared by every association.
//
// sctp-core asks its embedder for timers (SocketCallbacks::start_timer). A
// thread per association would not scale and a GMainLoop is not guaranteed to
// run in a GStreamer application, so all associations share this service: one
// thread sleeping on a condition variable until the earliest deadline in a
// deadline-ordered map. Callbacks run on that thread, never under the
// service's own lock, so they may schedule or cancel timers themselves.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

namespace gstsctp {

class TimerService {
 public:
  using Clock = std::chrono::steady_clock;
  using Callback = std::function<void()>;
  // Identifies a scheduled callback; 0 is never used.
  using Handle = uint64_t;

  TimerService();
  ~TimerService();
  TimerService(const TimerService&) = delete;
  TimerService& operator=(const TimerService&) = delete;

  // The instance the plugin uses. Created on first use and never destroyed,
  // so no thread has to be joined while the process exits.
  static TimerService& shared();

  // Runs `callback` on the timer thread once `delay` has elapsed.
  Handle schedule(Clock::duration delay, Callback callback);
  // Cancels a callback that has not started yet. A callback already running
  // is not waited for (callers guard themselves with weak references).
  void cancel(Handle handle);

  // Number of callbacks waiting (for tests).
  [[nodiscard]] size_t pending() const;

 private:
  void run();

  using Key = std::pair<Clock::time_point, Handle>;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<Key, Callback> queue_;
  std::unordered_map<Handle, Clock::time_point> deadlines_;
  Handle next_handle_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gstsctp
