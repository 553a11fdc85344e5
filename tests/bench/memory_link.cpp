#include "memory_link.h"

#include <utility>

namespace sctp::bench {

MemoryLink::MemoryLink(double loss, uint64_t seed) : loss_(loss), rng_(seed) {}

void MemoryLink::push(Direction direction, std::span<const uint8_t> packet) {
  const auto d = static_cast<size_t>(direction);
  std::lock_guard<std::mutex> lock(mutex_);
  Counters& c = counters_[d];
  ++c.packets;
  c.bytes += packet.size();
  if (packet.size() > c.largest) c.largest = packet.size();
  if (loss_ > 0 && uniform_(rng_) < loss_) {
    ++c.dropped;
    return;
  }
  Packet buffer;
  if (!free_.empty()) {
    buffer = std::move(free_.back());
    free_.pop_back();
  }
  buffer.assign(packet.begin(), packet.end());
  queues_[d].push_back(std::move(buffer));
  cv_.notify_one();
}

void MemoryLink::take(Direction direction, std::vector<Packet>& batch) {
  std::lock_guard<std::mutex> lock(mutex_);
  batch.swap(queues_[static_cast<size_t>(direction)]);
}

void MemoryLink::recycle(std::vector<Packet>& batch) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Packet& p : batch)
    free_.push_back(std::move(p));
  batch.clear();
}

void MemoryLink::wait_for_packets(std::chrono::microseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait_for(lock, timeout, [&] { return !queues_[0].empty() || !queues_[1].empty(); });
}

MemoryLink::Counters MemoryLink::counters(Direction direction) {
  std::lock_guard<std::mutex> lock(mutex_);
  return counters_[static_cast<size_t>(direction)];
}

}  // namespace sctp::bench
