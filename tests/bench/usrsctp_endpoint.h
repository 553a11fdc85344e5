// A usrsctp socket as a benchmark endpoint, over AF_CONN in this process.
//
// usrsctp has global state and a timer thread of its own (real time). Its
// packets leave through one global output callback; each endpoint registers
// (AF_CONN address, local port) there, and the SCTP source port of an
// outgoing packet says which endpoint sent it, hence its link direction.
// Two usrsctp endpoints share one address and differ in port, because
// usrsctp_conninput uses its address argument as both source and
// destination address of the packet.
#pragma once

#include <usrsctp.h>

#include <atomic>
#include <cstdint>

#include "memory_link.h"
#include "transfer_endpoint.h"

namespace sctp::bench {

// usrsctp_init once per process, with the settings every endpoint shares.
void usrsctp_bench_init();
// Retransmitted DATA chunks counted by usrsctp over the whole process.
uint64_t usrsctp_retransmissions_total();

class UsrsctpEndpoint final : public TransferEndpoint {
 public:
  // `initiator` connects to `remote_port`; otherwise listens on
  // `local_port`. `output`: the link direction this end's packets travel.
  UsrsctpEndpoint(void* address, uint16_t local_port, uint16_t remote_port, bool initiator,
                  MemoryLink& link, Direction output, size_t send_buffer, size_t receive_buffer,
                  size_t mtu);
  ~UsrsctpEndpoint() override;
  UsrsctpEndpoint(const UsrsctpEndpoint&) = delete;
  UsrsctpEndpoint& operator=(const UsrsctpEndpoint&) = delete;

  void start() override;
  bool established() override { return established_.load(); }
  uint64_t send_some(std::span<const uint8_t> message, bool unordered,
                     uint64_t max_messages) override;
  void receive(std::span<const uint8_t> packet) override;
  void fire_due_timers() override {}
  std::optional<int64_t> next_timer_ms() override { return std::nullopt; }
  void poll() override;
  uint64_t payload_bytes_received() override { return bytes_received_.load(); }
  uint64_t messages_received() override { return messages_received_.load(); }
  // Process-wide: meaningful while only one usrsctp association sends data.
  uint64_t retransmissions() override { return usrsctp_retransmissions_total(); }
  std::string stack_name() const override { return "usrsctp"; }

  // Called by usrsctp (from the callbacks in usrsctp_endpoint.cpp).
  void on_output(std::span<const uint8_t> packet) { link_.push(output_, packet); }
  void on_receive(const void* data, size_t length, int flags);

 private:
  struct socket* make_socket();

  void* address_;
  uint16_t local_port_;
  uint16_t remote_port_;
  bool initiator_;
  MemoryLink& link_;
  Direction output_;
  size_t send_buffer_;
  size_t receive_buffer_;
  size_t mtu_;
  struct socket* socket_ = nullptr;    // connecting, or the accepted one
  struct socket* listener_ = nullptr;  // listening
  std::atomic<bool> established_{false};
  std::atomic<uint64_t> bytes_received_{0};
  std::atomic<uint64_t> messages_received_{0};
};

}  // namespace sctp::bench
