// Two sockets joined by a simulated link in each direction, on a virtual
// clock, with every source of randomness (socket tags/TSNs/nonces, link
// loss/jitter) derived from one seed. Tests read as specifications: build a
// network, act on the endpoints, run the clock, check the events.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "event_loop.h"
#include "sctp/socket.h"
#include "simulated_link.h"

namespace sctp::scenario {

// What a socket reported through its callbacks, in order.
struct EndpointEvents {
  int connected = 0;
  int closed = 0;
  int restarted = 0;
  std::vector<std::pair<ErrorKind, std::string>> aborted;
  std::vector<std::pair<ErrorKind, std::string>> errors;
  std::vector<Message> messages;
  // Stream resets (RFC 6525), one entry per callback.
  std::vector<std::vector<StreamId>> outgoing_streams_reset;
  std::vector<std::vector<StreamId>> incoming_streams_reset;
};

class Endpoint : public SocketCallbacks {
 public:
  Endpoint(std::string name, EventLoop& loop, uint64_t seed, const SocketOptions& options);

  // Where send_packet goes (set by the network).
  void set_output(SimulatedLink* link) { output_ = link; }

  Socket& socket() { return *socket_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  EndpointEvents events;
  // Every packet this endpoint sent, for tests that inspect the wire.
  std::vector<std::vector<uint8_t>> sent_packets;

  // Recreates the socket with fresh state (a peer restart, 5.2.4).
  void restart(const SocketOptions& options);

  // SocketCallbacks
  void send_packet(std::span<const uint8_t> packet) override;
  TimeMs now() override { return loop_.now(); }
  void start_timer(TimerId id, DurationMs duration) override;
  void stop_timer(TimerId id) override;
  uint32_t random_u32() override { return uint32_t(rng_()); }
  void on_message(Message message) override { events.messages.push_back(std::move(message)); }
  void on_connected() override { ++events.connected; }
  void on_closed() override { ++events.closed; }
  void on_aborted(ErrorKind kind, std::string_view reason) override {
    events.aborted.emplace_back(kind, std::string(reason));
  }
  void on_connection_restarted() override { ++events.restarted; }
  void on_error(ErrorKind kind, std::string_view message) override {
    events.errors.emplace_back(kind, std::string(message));
  }
  void on_outgoing_streams_reset(std::span<const StreamId> streams) override {
    events.outgoing_streams_reset.emplace_back(streams.begin(), streams.end());
  }
  void on_incoming_streams_reset(std::span<const StreamId> streams) override {
    events.incoming_streams_reset.emplace_back(streams.begin(), streams.end());
  }

 private:
  std::string name_;
  EventLoop& loop_;
  std::mt19937_64 rng_;
  SimulatedLink* output_ = nullptr;
  std::unique_ptr<Socket> socket_;
  // Live timers: id -> socket generation it belongs to. A stopped timer is
  // erased, so its scheduled event finds nothing and does nothing.
  std::map<uint64_t, uint64_t> live_timers_;
  uint64_t socket_generation_ = 0;
};

// a <-> b over two links. a_to_b carries what a sends.
class Network {
 public:
  Network(uint64_t seed, const SocketOptions& a_options, const SocketOptions& b_options,
          LinkConfig a_to_b = {}, LinkConfig b_to_a = {});
  explicit Network(uint64_t seed, const SocketOptions& options = {})
      : Network(seed, options, options) {}

  EventLoop loop;
  Endpoint a;
  Endpoint b;
  SimulatedLink a_to_b;
  SimulatedLink b_to_a;

  bool run_until(const std::function<bool()>& done, DurationMs limit) {
    return loop.run_until(done, limit);
  }
  void run_for(DurationMs d) { loop.run_for(d); }
  bool both_connected() {
    return a.socket().state() == SocketState::kConnected &&
           b.socket().state() == SocketState::kConnected;
  }
  bool both_closed() {
    return a.socket().state() == SocketState::kClosed && b.socket().state() == SocketState::kClosed;
  }
};

// The chunk types of a packet, in order (empty when it does not parse).
std::vector<uint8_t> chunk_types(std::span<const uint8_t> packet);
// True when the packet's first chunk has type `type`.
bool first_chunk_is(std::span<const uint8_t> packet, uint8_t type);
// A filter dropping the `nth` (0-based) packet whose first chunk is `type`.
SimulatedLink::Filter drop_nth_with_first_chunk(uint8_t type, int nth);

}  // namespace sctp::scenario
