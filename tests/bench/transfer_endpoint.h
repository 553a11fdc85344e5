// One end of a benchmark transfer, whichever stack implements it, so the
// same loop (core_transfer_bench.cpp) drives ours and usrsctp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace sctp::bench {

class TransferEndpoint {
 public:
  virtual ~TransferEndpoint() = default;

  // Starts the association: the receiver first (it listens / answers INIT),
  // then the sender (it initiates).
  virtual void start() = 0;
  [[nodiscard]] virtual bool established() = 0;
  // Hands the stack copies of `message` until it refuses one (send buffer
  // full) or `max_messages` went; returns how many it accepted.
  virtual uint64_t send_some(std::span<const uint8_t> message, bool unordered,
                             uint64_t max_messages) = 0;
  // One packet from the link.
  virtual void receive(std::span<const uint8_t> packet) = 0;
  // Fires timers that are due (stacks with their own timer thread: nothing).
  virtual void fire_due_timers() = 0;
  // The earliest pending timer on the bench clock, if the bench runs it.
  [[nodiscard]] virtual std::optional<int64_t> next_timer_ms() = 0;
  // Periodic housekeeping outside packet delivery (e.g. accepting).
  virtual void poll() {}

  [[nodiscard]] virtual uint64_t payload_bytes_received() = 0;
  [[nodiscard]] virtual uint64_t messages_received() = 0;
  // DATA chunks this end retransmitted.
  [[nodiscard]] virtual uint64_t retransmissions() = 0;
  // How the sender recovered losses (fast retransmits, T3-rtx expiries), for
  // stacks that count them; empty otherwise.
  [[nodiscard]] virtual std::string recovery_summary() { return {}; }
  [[nodiscard]] virtual std::string stack_name() const = 0;
};

}  // namespace sctp::bench
