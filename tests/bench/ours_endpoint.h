// Our sctp::Socket as a benchmark endpoint, its packets going onto a
// MemoryLink and its timers kept on a BenchClock.
#pragma once

#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "bench_clock.h"
#include "memory_link.h"
#include "sctp/socket.h"
#include "transfer_endpoint.h"

namespace sctp::bench {

class OursEndpoint final : public TransferEndpoint, private SocketCallbacks {
 public:
  // `initiator`: sends INIT on start(); otherwise answers one.
  // `output`: the link direction this end's packets travel.
  OursEndpoint(const SocketOptions& options, bool initiator, MemoryLink& link, Direction output,
               BenchClock& clock, uint64_t seed);

  void start() override;
  bool established() override { return connected_; }
  uint64_t send_some(std::span<const uint8_t> message, bool unordered,
                     uint64_t max_messages) override;
  void receive(std::span<const uint8_t> packet) override { socket_->receive_packet(packet); }
  void fire_due_timers() override;
  std::optional<int64_t> next_timer_ms() override;
  uint64_t payload_bytes_received() override { return bytes_received_; }
  uint64_t messages_received() override { return messages_received_; }
  uint64_t retransmissions() override;
  std::string recovery_summary() override;
  std::string stack_name() const override { return "ours"; }

  [[nodiscard]] Metrics metrics() const { return socket_->metrics(); }

 private:
  // SocketCallbacks
  void send_packet(std::span<const uint8_t> packet) override { link_.push(output_, packet); }
  TimeMs now() override { return TimeMs{clock_.now_ms()}; }
  void start_timer(TimerId id, DurationMs duration) override;
  void stop_timer(TimerId id) override;
  uint32_t random_u32() override { return static_cast<uint32_t>(rng_()); }
  void on_message(Message message) override;
  void on_connected() override { connected_ = true; }

  bool initiator_;
  MemoryLink& link_;
  Direction output_;
  BenchClock& clock_;
  std::mt19937_64 rng_;
  // (id, due time on clock_). A vector, not a map: it keeps its capacity,
  // so restarting timers costs the bench no allocation to be counted.
  std::vector<std::pair<uint64_t, int64_t>> timers_;
  bool connected_ = false;
  uint64_t bytes_received_ = 0;
  uint64_t messages_received_ = 0;
  std::unique_ptr<Socket> socket_;
};

}  // namespace sctp::bench
