// One direction of a simulated network path between two sockets, driven by
// the scenario EventLoop and a seeded PRNG: delay, jitter (which reorders),
// random loss, loss bursts (a two-state Gilbert-Elliott model), duplication,
// a bandwidth limit with a FIFO queue, and a filter hook that lets a test
// drop or inspect chosen packets ("drop the first INIT ACK").
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "event_loop.h"
#include "sctp/time.h"

namespace sctp::scenario {

struct LinkConfig {
  DurationMs delay{10};
  // Uniform extra delay in [0, jitter]: packets may overtake each other.
  DurationMs jitter{0};
  double loss_rate = 0.0;
  // Gilbert-Elliott bursts: probability per packet of entering a burst in
  // which every packet is lost, and of leaving it.
  double burst_start_probability = 0.0;
  double burst_end_probability = 1.0;
  double duplicate_rate = 0.0;
  // Bytes per second; 0 means unlimited. Packets queue behind each other.
  uint64_t bandwidth_bytes_per_s = 0;
  // With a bandwidth limit: a drop-tail bottleneck queue. A packet that would
  // find more than this many bytes queued ahead of it is lost (congestion
  // loss, what section 7 congestion control reacts to). 0 means unbounded.
  size_t queue_limit_bytes = 0;
};

class SimulatedLink {
 public:
  using Deliver = std::function<void(std::span<const uint8_t>)>;
  // Returns true to drop the packet. Called for every packet offered to the
  // link, before random loss, with its index (0-based) on this link.
  using Filter = std::function<bool(std::span<const uint8_t> packet, uint64_t index)>;

  SimulatedLink(EventLoop& loop, uint64_t seed, LinkConfig config, Deliver deliver);

  void set_config(const LinkConfig& config) { config_ = config; }
  [[nodiscard]] const LinkConfig& config() const { return config_; }
  void set_filter(Filter filter) { filter_ = std::move(filter); }
  // Called with each packet as it is delivered (after loss, delay, jitter).
  void set_delivery_observer(Deliver observer) { observer_ = std::move(observer); }
  // Stops delivering anything (a peer that went silent) until re-enabled.
  void set_blackhole(bool on) { blackhole_ = on; }

  void transmit(std::span<const uint8_t> packet);

  [[nodiscard]] uint64_t offered() const { return offered_; }
  [[nodiscard]] uint64_t delivered() const { return delivered_; }
  [[nodiscard]] uint64_t dropped() const { return dropped_; }
  // Packets lost because the bottleneck queue was full (also in dropped()).
  [[nodiscard]] uint64_t queue_drops() const { return queue_drops_; }

 private:
  void deliver_after(DurationMs delay, std::vector<uint8_t> packet);
  bool chance(double p);

  EventLoop& loop_;
  std::mt19937_64 rng_;
  LinkConfig config_;
  Deliver deliver_;
  Filter filter_;
  Deliver observer_;
  bool blackhole_ = false;
  bool in_burst_ = false;
  TimeMs link_free_at_{0};
  uint64_t offered_ = 0;
  uint64_t delivered_ = 0;
  uint64_t dropped_ = 0;
  uint64_t queue_drops_ = 0;
};

}  // namespace sctp::scenario
