// Drives one Socket with hand-built packets and records what it sends: for
// socket-level tests of single protocol rules (the scenario tests in
// tests/scenario/ drive two sockets over a simulated link instead).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "packet/chunks/abort_chunk.h"
#include "packet/chunks/cookie_ack_chunk.h"
#include "packet/chunks/cookie_echo_chunk.h"
#include "packet/chunks/error_chunk.h"
#include "packet/chunks/heartbeat_ack_chunk.h"
#include "packet/chunks/heartbeat_chunk.h"
#include "packet/chunks/init_ack_chunk.h"
#include "packet/chunks/init_chunk.h"
#include "packet/chunks/unknown_chunk.h"
#include "packet/crc32c.h"
#include "packet/packet_builder.h"
#include "packet/packet_view.h"
#include "sctp/socket.h"

namespace sctp::testing {

// One packet as sent by the socket, with its chunks framed.
struct SentPacket {
  std::vector<uint8_t> bytes;
  [[nodiscard]] PacketView view() const { return *PacketView::parse(bytes); }
  [[nodiscard]] VerificationTag tag() const { return view().header().verification_tag; }
  [[nodiscard]] std::vector<uint8_t> types() const {
    std::vector<uint8_t> t;
    for (const RawChunk& c : view())
      t.push_back(c.type);
    return t;
  }
  [[nodiscard]] RawChunk chunk(size_t i) const {
    auto it = view().begin();
    for (size_t k = 0; k < i; ++k)
      ++it;
    return *it;
  }
  [[nodiscard]] bool has_zero_checksum() const { return packet_checksum_is_zero(bytes); }
  [[nodiscard]] bool has_valid_crc() const { return verify_packet_checksum(bytes); }
};

class RawPeer : public SocketCallbacks {
 public:
  static constexpr uint32_t kPeerTag = 0x0BADCAFE;
  static constexpr uint32_t kPeerInitialTsn = 1000;

  explicit RawPeer(const SocketOptions& options = {}, uint64_t seed = 1)
      : rng_(seed), socket_(std::make_unique<Socket>(options, *this)) {}

  Socket& socket() { return *socket_; }

  // --- building and delivering packets to the socket
  template <typename... Chunks>
  std::vector<uint8_t> build(VerificationTag tag, ChecksumMode mode, const Chunks&... chunks) {
    std::vector<uint8_t> buffer(4096);
    PacketBuilder builder(buffer, buffer.size(), CommonHeader{5000, 5000, tag, 0});
    const bool all_added = (builder.add(chunks) && ...);
    EXPECT_TRUE(all_added);
    const ByteSpan packet = builder.finish(mode);
    return {packet.begin(), packet.end()};
  }
  template <typename... Chunks>
  void deliver(VerificationTag tag, const Chunks&... chunks) {
    socket_->receive_packet(build(tag, ChecksumMode::kCrc32c, chunks...));
  }

  InitChunk make_init(uint32_t tag = kPeerTag) const {
    InitChunk init;
    init.initiate_tag = VerificationTag(tag);
    init.a_rwnd = 65536;
    init.outbound_streams = 16;
    init.inbound_streams = 16;
    init.initial_tsn = Tsn(kPeerInitialTsn);
    return init;
  }

  // Runs the responder side of a handshake: INIT in, INIT ACK out, COOKIE
  // ECHO in, COOKIE ACK out. Returns the socket's tag.
  VerificationTag establish_as_initiator(const InitChunk& init) {
    deliver(VerificationTag(0), init);
    EXPECT_FALSE(sent.empty());
    if (sent.empty()) return VerificationTag(0);
    auto ack = InitAckChunk::parse(sent.back().chunk(0));
    EXPECT_TRUE(ack);
    if (!ack) return VerificationTag(0);
    const auto* cookie = ack->find<StateCookieParameter>();
    EXPECT_NE(cookie, nullptr);
    if (cookie == nullptr) return VerificationTag(0);
    cookie_.assign(cookie->cookie.begin(), cookie->cookie.end());
    socket_tag = ack->initiate_tag;
    deliver(socket_tag, CookieEchoChunk{cookie_});
    EXPECT_EQ(socket_->state(), SocketState::kConnected);
    return socket_tag;
  }
  VerificationTag establish() { return establish_as_initiator(make_init()); }

  // Fires every pending timer due at or before now + d, in order.
  void advance(DurationMs d) {
    const TimeMs until = now_ + d;
    for (;;) {
      auto next = std::min_element(timers_.begin(), timers_.end(),
                                   [](auto& a, auto& b) { return a.second < b.second; });
      if (next == timers_.end() || next->second > until) break;
      now_ = next->second;
      const TimerId id{next->first};
      timers_.erase(next);
      socket_->handle_timeout(id);
    }
    now_ = until;
  }

  // --- SocketCallbacks
  void send_packet(std::span<const uint8_t> packet) override {
    sent.push_back(SentPacket{{packet.begin(), packet.end()}});
  }
  TimeMs now() override { return now_; }
  void start_timer(TimerId id, DurationMs duration) override {
    timers_[id.value] = now_ + duration;
  }
  void stop_timer(TimerId id) override { timers_.erase(id.value); }
  uint32_t random_u32() override { return uint32_t(rng_()); }
  void on_message(Message message) override { messages.push_back(std::move(message)); }
  void on_connected() override { ++connected; }
  void on_closed() override { ++closed; }
  void on_aborted(ErrorKind kind, std::string_view reason) override {
    aborted.emplace_back(kind, std::string(reason));
  }
  void on_error(ErrorKind kind, std::string_view message) override {
    errors.emplace_back(kind, std::string(message));
  }

  std::vector<SentPacket> sent;
  std::vector<Message> messages;
  int connected = 0;
  int closed = 0;
  std::vector<std::pair<ErrorKind, std::string>> aborted;
  std::vector<std::pair<ErrorKind, std::string>> errors;
  VerificationTag socket_tag;

 private:
  std::mt19937_64 rng_;
  TimeMs now_{0};
  std::map<uint64_t, TimeMs> timers_;
  std::vector<uint8_t> cookie_;
  std::unique_ptr<Socket> socket_;
};

}  // namespace sctp::testing
