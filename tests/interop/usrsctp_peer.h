// Our Socket and a usrsctp socket joined in memory through usrsctp's AF_CONN
// callbacks, for interop tests.
//
// usrsctp keeps global state and runs its own timer thread, so it is
// initialised once per process (usrsctp_global_init) and every test uses its
// own registered AF_CONN address (the Bridge). Packets from usrsctp arrive
// on its threads and are queued; the test thread drives our Socket in a
// small real-clock loop (run_until) that feeds it those packets and fires
// its timers, and hands our packets to usrsctp_conninput. Waits are bounded.
#pragma once

#include <usrsctp.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "sctp/socket.h"

namespace sctp::interop {

void usrsctp_global_init();

// What usrsctp reported about its association (SCTP_ASSOC_CHANGE states).
struct UsrsctpEvents {
  bool comm_up = false;
  bool comm_lost = false;
  bool shutdown_complete = false;
  bool cant_start = false;
  std::vector<std::vector<uint8_t>> messages;
};

class Bridge : public SocketCallbacks {
 public:
  static constexpr uint16_t kPort = 5000;

  explicit Bridge(const SocketOptions& options = {});
  ~Bridge() override;

  Socket& socket() { return *socket_; }

  // usrsctp side. A connecting socket (initiator or simultaneous open) or a
  // listening one whose association is accepted as it comes up.
  void usrsctp_connect();
  void usrsctp_listen();
  void usrsctp_shutdown();  // graceful (SHUT_WR: sends SHUTDOWN)
  void usrsctp_abort();     // SO_LINGER 0 + close: sends ABORT
  // Sends one message from usrsctp (blocking the test thread is avoided:
  // the socket is non-blocking and the data must fit its send buffer).
  bool usrsctp_send(uint16_t stream, uint32_t ppid, const std::vector<uint8_t>& data);

  // Drives our socket until `done` holds (checked with usrsctp's events
  // locked) or `timeout` of real time passes.
  bool run_until(const std::function<bool(const UsrsctpEvents&)>& done,
                 std::chrono::milliseconds timeout);

  // Our socket's callbacks, as seen by the test.
  int connected = 0;
  int closed = 0;
  std::vector<std::pair<ErrorKind, std::string>> aborted;
  std::vector<Message> messages;

  // SocketCallbacks
  void send_packet(std::span<const uint8_t> packet) override;
  TimeMs now() override;
  void start_timer(TimerId id, DurationMs duration) override;
  void stop_timer(TimerId id) override { timers_.erase(id.value); }
  uint32_t random_u32() override { return uint32_t(rng_()); }
  void on_message(Message message) override { messages.push_back(std::move(message)); }
  void on_connected() override { ++connected; }
  void on_closed() override { ++closed; }
  void on_aborted(ErrorKind kind, std::string_view reason) override {
    aborted.emplace_back(kind, std::string(reason));
  }

  // Called by usrsctp's threads (through the global callbacks).
  void from_usrsctp(const void* data, size_t length);
  void on_usrsctp_receive(struct socket* sock, void* data, size_t length, int flags);

 private:
  struct socket* make_socket();
  void accept_pending();

  std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
  std::mt19937_64 rng_{42};
  std::map<uint64_t, std::chrono::steady_clock::time_point> timers_;
  std::unique_ptr<Socket> socket_;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::vector<uint8_t>> inbox_;  // packets from usrsctp
  std::vector<uint8_t> partial_;            // a message usrsctp delivers in pieces
  UsrsctpEvents events_;

  void* address_ = nullptr;            // our AF_CONN address (opaque to usrsctp)
  struct socket* usock_ = nullptr;     // connecting or accepted
  struct socket* listener_ = nullptr;  // listening
};

}  // namespace sctp::interop
