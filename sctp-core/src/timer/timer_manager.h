// Timers of one socket over the embedder's clock (sans-IO).
//
// The socket never sleeps: it asks the embedder to call back after a duration
// (SocketCallbacks::start_timer) and the embedder calls handle_timeout(id).
// Every start hands out a fresh TimerId, built from the timer's slot and a
// generation counter, so an expiry that arrives after the timer was stopped
// or restarted (the embedder raced, or ignored stop_timer) names an old
// generation and is ignored.
//
// A timer can back off exponentially on consecutive expirations, as T1-init,
// T1-cookie and T2-shutdown do (RFC 9260 sections 5.1.6 and 9.2, via the RTO
// doubling rule of 6.3.3 E2), capped at a maximum duration.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sctp/time.h"
#include "sctp/types.h"

namespace sctp {

// Where timers are scheduled: SocketCallbacks in the socket, a fake in tests.
class TimerScheduler {
 public:
  virtual ~TimerScheduler() = default;
  virtual void start_timer(TimerId id, DurationMs duration) = 0;
  virtual void stop_timer(TimerId id) = 0;
};

enum class TimerBackoff : uint8_t {
  kFixed,        // every run lasts the base duration
  kExponential,  // run n (0-based since start()) lasts base * 2^n, capped
};

struct TimerOptions {
  TimerBackoff backoff = TimerBackoff::kExponential;
  // Cap of the backed-off duration (e.g. RTO.Max). Unset: no cap beyond
  // overflow protection.
  std::optional<DurationMs> max_duration;
  // How many times the timer restarts itself after expiring. Unset: forever.
  // Once exceeded the timer stays stopped, and the handler sees
  // expiration_count() > *max_restarts (e.g. Max.Init.Retransmits reached).
  std::optional<int> max_restarts;
};

class TimerManager;

class Timer {
 public:
  using Handler = std::function<void()>;

  [[nodiscard]] const std::string& name() const { return name_; }
  // Starts (or restarts) the timer with `duration` as base and resets the
  // expiration count.
  void start(DurationMs duration);
  // Starts with the current base duration.
  void start() { start(base_duration_); }
  void stop();
  [[nodiscard]] bool is_running() const { return running_; }
  // Consecutive expirations since the last start().
  [[nodiscard]] int expiration_count() const { return expiration_count_; }
  [[nodiscard]] DurationMs base_duration() const { return base_duration_; }
  // The duration of the run in progress (or of the last one).
  [[nodiscard]] DurationMs current_duration() const { return current_duration_; }
  [[nodiscard]] TimerId current_id() const { return id_; }

 private:
  friend class TimerManager;
  Timer(TimerManager& manager, uint8_t slot, std::string name, TimerOptions options,
        Handler handler)
      : manager_(manager),
        slot_(slot),
        name_(std::move(name)),
        options_(options),
        handler_(std::move(handler)) {}
  void arm(DurationMs duration);
  [[nodiscard]] DurationMs backed_off(int expirations) const;
  void expire();

  TimerManager& manager_;
  uint8_t slot_;
  std::string name_;
  TimerOptions options_;
  Handler handler_;
  bool running_ = false;
  int expiration_count_ = 0;
  DurationMs base_duration_{0};
  DurationMs current_duration_{0};
  TimerId id_{};
  uint64_t generation_ = 0;
};

class TimerManager {
 public:
  static constexpr size_t kMaxTimers = 256;  // the slot is the id's low byte

  explicit TimerManager(TimerScheduler& scheduler) : scheduler_(scheduler) {}
  TimerManager(const TimerManager&) = delete;
  TimerManager& operator=(const TimerManager&) = delete;

  // Creates a timer; the manager owns it and it lives as long as the manager.
  // The handler runs from handle_timeout after the timer has re-armed itself
  // (or stopped, when out of restarts); it may start or stop the timer.
  Timer* create(std::string name, TimerOptions options, Timer::Handler handler);

  // Dispatches an expiry. Returns false when `id` is stale or unknown.
  bool handle_timeout(TimerId id);

  // Stops every timer (association torn down).
  void stop_all();

 private:
  friend class Timer;
  TimerScheduler& scheduler_;
  std::vector<std::unique_ptr<Timer>> timers_;
};

}  // namespace sctp
