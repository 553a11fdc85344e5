#include "ours_endpoint.h"

#include <algorithm>
#include <string>

namespace sctp::bench {

OursEndpoint::OursEndpoint(const SocketOptions& options, bool initiator, MemoryLink& link,
                           Direction output, BenchClock& clock, uint64_t seed)
    : initiator_(initiator), link_(link), output_(output), clock_(clock), rng_(seed) {
  timers_.reserve(32);
  socket_ = std::make_unique<Socket>(options, static_cast<SocketCallbacks&>(*this));
}

void OursEndpoint::start() {
  if (initiator_) socket_->connect();
}

uint64_t OursEndpoint::send_some(std::span<const uint8_t> message, bool unordered,
                                 uint64_t max_messages) {
  SendOptions options;
  options.unordered = unordered;
  options.ppid = Ppid(53);  // WebRTC binary
  uint64_t accepted = 0;
  while (accepted < max_messages &&
         socket_->send(StreamId(1), message, options) == SendStatus::kSuccess)
    ++accepted;
  return accepted;
}

void OursEndpoint::fire_due_timers() {
  const int64_t now_ms = clock_.now_ms();
  // A handler may start or stop timers: look the map up afresh each time.
  for (;;) {
    auto due = std::find_if(timers_.begin(), timers_.end(),
                            [&](const auto& entry) { return entry.second <= now_ms; });
    if (due == timers_.end()) return;
    const TimerId id{due->first};
    timers_.erase(due);
    socket_->handle_timeout(id);
  }
}

std::optional<int64_t> OursEndpoint::next_timer_ms() {
  std::optional<int64_t> earliest;
  for (const auto& [id, due] : timers_)
    if (!earliest || due < *earliest) earliest = due;
  return earliest;
}

uint64_t OursEndpoint::retransmissions() {
  return socket_->metrics().data_chunks_retransmitted;
}

std::string OursEndpoint::recovery_summary() {
  const Metrics m = socket_->metrics();
  return "fast-rtx " + std::to_string(m.fast_retransmissions) + " t3 " +
         std::to_string(m.t3_expirations);
}

void OursEndpoint::start_timer(TimerId id, DurationMs duration) {
  timers_.emplace_back(id.value, clock_.now_ms() + duration.count());
}

void OursEndpoint::stop_timer(TimerId id) {
  std::erase_if(timers_, [&](const auto& entry) { return entry.first == id.value; });
}

void OursEndpoint::on_message(Message message) {
  bytes_received_ += message.payload.size();
  ++messages_received_;
}

}  // namespace sctp::bench
