#include "timer/timer_manager.h"

#include <cassert>
#include <limits>

namespace sctp {

void Timer::start(DurationMs duration) {
  stop();
  base_duration_ = duration;
  expiration_count_ = 0;
  arm(duration);
}

void Timer::stop() {
  if (!running_) return;
  running_ = false;
  manager_.scheduler_.stop_timer(id_);
}

void Timer::arm(DurationMs duration) {
  // A new generation for every run: any expiry of an earlier run is stale.
  ++generation_;
  id_ = TimerId{(generation_ << 8) | slot_};
  current_duration_ = duration;
  running_ = true;
  manager_.scheduler_.start_timer(id_, duration);
}

DurationMs Timer::backed_off(int expirations) const {
  if (options_.backoff == TimerBackoff::kFixed) return base_duration_;
  const DurationMs cap =
      options_.max_duration.value_or(DurationMs(std::numeric_limits<int32_t>::max()));
  DurationMs d = base_duration_;
  for (int i = 0; i < expirations && d < cap; ++i)
    d *= 2;
  return std::min(d, cap);
}

void Timer::expire() {
  running_ = false;
  ++expiration_count_;
  if (!options_.max_restarts || expiration_count_ <= *options_.max_restarts) {
    arm(backed_off(expiration_count_));
  }
  handler_();
}

Timer* TimerManager::create(std::string name, TimerOptions options, Timer::Handler handler) {
  assert(timers_.size() < kMaxTimers);
  const auto slot = static_cast<uint8_t>(timers_.size());
  timers_.push_back(
      std::unique_ptr<Timer>(new Timer(*this, slot, std::move(name), options, std::move(handler))));
  return timers_.back().get();
}

bool TimerManager::handle_timeout(TimerId id) {
  const size_t slot = id.value & 0xFF;
  if (slot >= timers_.size()) return false;
  Timer& timer = *timers_[slot];
  if (!timer.running_ || timer.id_ != id) return false;
  timer.expire();
  return true;
}

void TimerManager::stop_all() {
  for (auto& timer : timers_)
    timer->stop();
}

}  // namespace sctp
