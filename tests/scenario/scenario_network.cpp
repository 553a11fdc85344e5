#include "scenario_network.h"

#include <memory>

#include "packet/packet_view.h"

namespace sctp::scenario {

Endpoint::Endpoint(std::string name, EventLoop& loop, uint64_t seed, const SocketOptions& options)
    : name_(std::move(name)),
      loop_(loop),
      rng_(seed),
      socket_(std::make_unique<Socket>(options, *this)) {}

void Endpoint::restart(const SocketOptions& options) {
  ++socket_generation_;
  live_timers_.clear();
  socket_ = std::make_unique<Socket>(options, *this);
}

void Endpoint::send_packet(std::span<const uint8_t> packet) {
  sent_packets.emplace_back(packet.begin(), packet.end());
  if (output_ != nullptr) output_->transmit(packet);
}

void Endpoint::start_timer(TimerId id, DurationMs duration) {
  live_timers_[id.value] = socket_generation_;
  const uint64_t generation = socket_generation_;
  loop_.schedule(duration, [this, id, generation] {
    auto it = live_timers_.find(id.value);
    if (it == live_timers_.end() || it->second != generation) return;
    live_timers_.erase(it);
    socket_->handle_timeout(id);
  });
}

void Endpoint::stop_timer(TimerId id) {
  live_timers_.erase(id.value);
}

Network::Network(uint64_t seed, const SocketOptions& a_options, const SocketOptions& b_options,
                 LinkConfig a_to_b_config, LinkConfig b_to_a_config)
    : a("a", loop, seed * 4 + 1, a_options),
      b("b", loop, seed * 4 + 2, b_options),
      a_to_b(loop, seed * 4 + 3, a_to_b_config,
             [this](std::span<const uint8_t> p) { b.socket().receive_packet(p); }),
      b_to_a(loop, seed * 4 + 4, b_to_a_config,
             [this](std::span<const uint8_t> p) { a.socket().receive_packet(p); }) {
  a.set_output(&a_to_b);
  b.set_output(&b_to_a);
}

std::vector<uint8_t> chunk_types(std::span<const uint8_t> packet) {
  std::vector<uint8_t> types;
  auto view = PacketView::parse(packet);
  if (!view) return types;
  for (const RawChunk& chunk : *view)
    types.push_back(chunk.type);
  return types;
}

bool first_chunk_is(std::span<const uint8_t> packet, uint8_t type) {
  const auto types = chunk_types(packet);
  return !types.empty() && types[0] == type;
}

SimulatedLink::Filter drop_nth_with_first_chunk(uint8_t type, int nth) {
  auto seen = std::make_shared<int>(0);
  return [type, nth, seen](std::span<const uint8_t> packet, uint64_t) {
    if (!first_chunk_is(packet, type)) return false;
    return (*seen)++ == nth;
  };
}

}  // namespace sctp::scenario
