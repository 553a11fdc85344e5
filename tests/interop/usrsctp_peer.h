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
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "sctp/socket.h"

namespace sctp::interop {

void usrsctp_global_init();

// One complete message usrsctp delivered (its pieces joined).
struct UsrsctpMessage {
  uint16_t stream = 0;
  uint32_t ppid = 0;  // host order
  bool unordered = false;
  // When its first piece arrived: usrsctp may complete messages in another
  // order than it began them (see on_usrsctp_receive).
  uint64_t order = 0;
  std::vector<uint8_t> payload;
};

// What usrsctp reported about its association (SCTP_ASSOC_CHANGE states).
struct UsrsctpEvents {
  bool comm_up = false;
  bool comm_lost = false;
  bool shutdown_complete = false;
  bool cant_start = false;
  // Messages usrsctp had begun to hand over when they were abandoned
  // (SCTP_PARTIAL_DELIVERY_EVENT, SCTP_PARTIAL_DELIVERY_ABORTED).
  int partial_deliveries_aborted = 0;
  // Messages begun and not (yet) completed.
  size_t unfinished_partial_messages = 0;
  std::vector<UsrsctpMessage> messages;
};

// How the usrsctp socket is configured. The defaults are usrsctp's own
// (apart from SCTP_NODELAY), as the handshake tests want them.
struct UsrsctpOptions {
  std::optional<int> send_buffer;     // SO_SNDBUF
  std::optional<int> receive_buffer;  // SO_RCVBUF
  // SCTP_INITMSG: outbound streams asked for / inbound streams accepted.
  std::optional<uint16_t> streams;
  // SCTP_PEER_ADDR_PARAMS with PMTUD off, as gst-plugins-bad sets it.
  std::optional<uint32_t> mtu;
  // SCTP_RTOINFO (ms): usrsctp's RTO.Min default is 1 s.
  std::optional<uint32_t> rto_min;
  std::optional<uint32_t> rto_initial;
  // RFC 8260: SCTP_FRAGMENT_INTERLEAVE 2 + SCTP_INTERLEAVING_SUPPORTED.
  bool interleaving = false;
};

// Impairments of the in-memory link, one direction. Applied per packet with
// a seeded generator: drop, else duplicate, else swap with the next packet.
struct LinkImpairment {
  double loss = 0;
  double duplicate = 0;
  double reorder = 0;
};

struct LinkCounters {
  uint64_t packets = 0;  // offered to the link
  uint64_t dropped = 0;
  uint64_t duplicated = 0;
  uint64_t reordered = 0;
};

// One direction of the link: impairs a batch of packets in place.
class ImpairedDirection {
 public:
  ImpairedDirection(const LinkImpairment& impairment, uint64_t seed)
      : impairment_(impairment), rng_(seed) {}
  void apply(std::deque<std::vector<uint8_t>>& batch);
  [[nodiscard]] const LinkCounters& counters() const { return counters_; }

 private:
  bool chance(double p) { return p > 0 && uniform_(rng_) < p; }
  LinkImpairment impairment_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
  LinkCounters counters_;
};

// A message for usrsctp_sendv. `max_retransmissions` selects usrsctp's
// SCTP_PR_SCTP_RTX policy (RFC 7496).
struct UsrsctpSend {
  uint16_t stream = 0;
  uint32_t ppid = 0;
  bool unordered = false;
  std::optional<uint32_t> max_retransmissions;
};

class Bridge : public SocketCallbacks {
 public:
  static constexpr uint16_t kPort = 5000;

  explicit Bridge(const SocketOptions& options = {}, const UsrsctpOptions& usrsctp = {});
  ~Bridge() override;

  // Impairs the link from now on (both directions; seeds differ per direction).
  void impair_link(const LinkImpairment& to_usrsctp, const LinkImpairment& to_ours, uint64_t seed);
  [[nodiscard]] const LinkCounters& to_usrsctp_counters() const { return to_usrsctp_.counters(); }
  [[nodiscard]] const LinkCounters& to_ours_counters() const { return to_ours_.counters(); }

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
  // As above; returns 0 or the errno (EWOULDBLOCK: send buffer full).
  int usrsctp_send(const UsrsctpSend& send, std::span<const uint8_t> data);
  // SCTP_STATUS of the usrsctp association (nullopt before it is up).
  std::optional<struct sctp_status> usrsctp_status();
  // Messages usrsctp abandoned (SCTP_PR_ASSOC_STATUS, RTX policy), sent
  // or not yet sent; nullopt without an association.
  std::optional<uint64_t> usrsctp_abandoned();

  // Drives our socket until `done` holds (checked with usrsctp's events
  // locked) or `timeout` of real time passes.
  // `pump`, when given, runs once per loop turn without any lock held (it
  // may call our socket and usrsctp, e.g. to send more).
  bool run_until(const std::function<bool(const UsrsctpEvents&)>& done,
                 std::chrono::milliseconds timeout, const std::function<void()>& pump = {});

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
  void on_usrsctp_receive(void* data, size_t length, const struct sctp_rcvinfo& info, int flags);

 private:
  struct socket* make_socket();
  void accept_pending();
  void flush_to_usrsctp();

  std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
  std::mt19937_64 rng_{42};
  std::map<uint64_t, std::chrono::steady_clock::time_point> timers_;
  std::unique_ptr<Socket> socket_;
  UsrsctpOptions usrsctp_options_;
  // Our packets wait here until the socket call that sent them returns.
  std::deque<std::vector<uint8_t>> outbox_;
  ImpairedDirection to_usrsctp_{{}, 1};
  ImpairedDirection to_ours_{{}, 2};

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::vector<uint8_t>> inbox_;  // packets from usrsctp
  // Messages usrsctp delivers in pieces, by what their pieces carry.
  struct PartialKey {
    uint16_t stream;
    bool unordered;
    uint16_t ssn;  // low 16 bits of the MID with I-DATA
    uint32_t tsn;  // of the message's first chunk
    auto operator<=>(const PartialKey&) const = default;
  };
  struct PartialMessage {
    uint64_t order = 0;
    std::vector<uint8_t> bytes;
  };
  std::map<PartialKey, PartialMessage> partial_;
  uint64_t next_order_ = 0;
  UsrsctpEvents events_;

  void* address_ = nullptr;            // our AF_CONN address (opaque to usrsctp)
  struct socket* usock_ = nullptr;     // connecting or accepted
  struct socket* listener_ = nullptr;  // listening
};

}  // namespace sctp::interop
