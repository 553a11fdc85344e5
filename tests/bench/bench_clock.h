// The clock a benchmark gives our sockets: either virtual (advanced by the
// bench only when nothing else can happen, so an all-ours transfer never
// sleeps) or the real monotonic clock (needed when usrsctp, which runs its
// own timers in real time, is on the other end).
#pragma once

#include <chrono>
#include <cstdint>

namespace sctp::bench {

class BenchClock {
 public:
  explicit BenchClock(bool is_virtual) : virtual_(is_virtual) {}

  [[nodiscard]] bool is_virtual() const { return virtual_; }
  [[nodiscard]] int64_t now_ms() const {
    if (virtual_) return virtual_ms_;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 epoch_)
        .count();
  }
  // Virtual clock only: jump forward to `ms` (never backwards).
  void advance_to(int64_t ms) {
    if (ms > virtual_ms_) virtual_ms_ = ms;
  }

 private:
  bool virtual_;
  int64_t virtual_ms_ = 0;
  std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
};

}  // namespace sctp::bench
