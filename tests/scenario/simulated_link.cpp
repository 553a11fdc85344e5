#include "simulated_link.h"

#include <algorithm>

namespace sctp::scenario {

SimulatedLink::SimulatedLink(EventLoop& loop, uint64_t seed, LinkConfig config, Deliver deliver)
    : loop_(loop), rng_(seed), config_(config), deliver_(std::move(deliver)) {}

bool SimulatedLink::chance(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p;
}

void SimulatedLink::transmit(std::span<const uint8_t> packet) {
  const uint64_t index = offered_++;
  if (filter_ && filter_(packet, index)) {
    ++dropped_;
    return;
  }
  if (blackhole_) {
    ++dropped_;
    return;
  }
  // Burst state advances once per packet.
  if (in_burst_) {
    if (chance(config_.burst_end_probability)) in_burst_ = false;
  } else if (chance(config_.burst_start_probability)) {
    in_burst_ = true;
  }
  if (in_burst_ || chance(config_.loss_rate)) {
    ++dropped_;
    return;
  }
  // Serialization delay behind earlier packets when bandwidth is limited.
  DurationMs queueing{0};
  if (config_.bandwidth_bytes_per_s > 0) {
    const TimeMs start = std::max(loop_.now(), link_free_at_);
    if (config_.queue_limit_bytes > 0) {
      const auto backlog_ms = uint64_t((start - loop_.now()).count());
      const uint64_t backlog_bytes = backlog_ms * config_.bandwidth_bytes_per_s / 1000;
      if (backlog_bytes + packet.size() > config_.queue_limit_bytes) {
        ++dropped_;
        ++queue_drops_;
        return;
      }
    }
    const auto tx_ms = int64_t((packet.size() * 1000 + config_.bandwidth_bytes_per_s - 1) /
                               config_.bandwidth_bytes_per_s);
    link_free_at_ = start + DurationMs(tx_ms);
    queueing = link_free_at_ - loop_.now();
  }
  const int copies = chance(config_.duplicate_rate) ? 2 : 1;
  for (int i = 0; i < copies; ++i) {
    DurationMs jitter{0};
    if (config_.jitter.count() > 0) {
      jitter = DurationMs(std::uniform_int_distribution<int64_t>(0, config_.jitter.count())(rng_));
    }
    deliver_after(config_.delay + queueing + jitter,
                  std::vector<uint8_t>(packet.begin(), packet.end()));
  }
}

void SimulatedLink::deliver_after(DurationMs delay, std::vector<uint8_t> packet) {
  loop_.schedule(delay, [this, p = std::move(packet)] {
    ++delivered_;
    if (observer_) observer_(p);
    deliver_(p);
  });
}

}  // namespace sctp::scenario
