// An in-memory, optionally lossy, two-direction packet link for transfer
// benchmarks. Any thread may push (usrsctp sends from its timer thread);
// the bench loop takes whole batches. Packet buffers are recycled, so in
// steady state the link itself makes no heap allocation.
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <random>
#include <span>
#include <vector>

namespace sctp::bench {

enum class Direction : uint8_t { kToReceiver = 0, kToSender = 1 };

class MemoryLink {
 public:
  using Packet = std::vector<uint8_t>;

  MemoryLink(double loss, uint64_t seed);

  // Queues a copy of `packet`, or drops it with probability `loss`.
  void push(Direction direction, std::span<const uint8_t> packet);
  // Swaps everything queued in `direction` into `batch` (which must be empty).
  void take(Direction direction, std::vector<Packet>& batch);
  // Returns the buffers of a delivered batch for reuse and empties it.
  void recycle(std::vector<Packet>& batch);
  // Blocks until a packet is queued or `timeout` passes.
  void wait_for_packets(std::chrono::microseconds timeout);

  struct Counters {
    uint64_t packets = 0;  // offered to the link, dropped ones included
    uint64_t dropped = 0;
    uint64_t bytes = 0;
    size_t largest = 0;
  };
  [[nodiscard]] Counters counters(Direction direction);

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::array<std::vector<Packet>, 2> queues_;
  std::vector<Packet> free_;
  std::array<Counters, 2> counters_{};
  double loss_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace sctp::bench
