// sctp-core used directly, without GStreamer: SCTP over UDP (RFC 6951: each
// SCTP packet is the payload of one UDP datagram), a poll() loop and a small
// timer list implementing SocketCallbacks.
//
//   udp_echo --listen PORT                 answer one association, echo every message
//   udp_echo --connect HOST:PORT [--count N]  send N messages, check the echoes
//
// Port 0 with --listen picks a free port; it is printed as "listening on PORT".
// Both exit 0 after a graceful close, 1 on failure or after --timeout-ms (10000).
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "sctp/socket.h"

namespace {

// Message i: its index in the first 4 bytes, then bytes that depend on i, so
// a corrupted, lost or reordered echo is caught.
std::vector<uint8_t> make_message(uint32_t i) {
  static constexpr size_t kSizes[] = {4, 17, 100, 1199, 1200, 1201, 5000, 65536, 200000};
  std::vector<uint8_t> m(kSizes[i % std::size(kSizes)]);
  for (size_t k = 0; k < m.size(); ++k)
    m[k] = static_cast<uint8_t>(k * 31 + i * 7);
  for (size_t k = 0; k < 4; ++k)
    m[k] = static_cast<uint8_t>(i >> (8 * k));
  return m;
}

// The embedder: a UDP socket, a clock and a timer list behind SocketCallbacks.
class UdpEmbedder final : public sctp::SocketCallbacks {
 public:
  explicit UdpEmbedder(int fd) : fd_(fd) {}

  void send_packet(std::span<const uint8_t> packet) override {
    if (have_peer_)  // a datagram lost here is a loss SCTP recovers from
      sendto(fd_, packet.data(), packet.size(), 0, reinterpret_cast<const sockaddr*>(&peer_),
             sizeof peer_);
  }
  sctp::TimeMs now() override {
    using namespace std::chrono;
    return {duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count()};
  }
  void start_timer(sctp::TimerId id, sctp::DurationMs d) override { timers_[id.value] = now() + d; }
  void stop_timer(sctp::TimerId id) override { timers_.erase(id.value); }
  uint32_t random_u32() override { return static_cast<uint32_t>(rng_()); }
  void on_message(sctp::Message m) override { received.push_back(std::move(m)); }
  void on_connected() override { connected = true; }
  void on_closed() override { closed = true; }
  void on_aborted(sctp::ErrorKind kind, std::string_view reason) override {
    std::fprintf(stderr, "association aborted: %s (%.*s)\n", sctp::to_string(kind),
                 static_cast<int>(reason.size()), reason.data());
    aborted = true;
  }

  void set_peer(const sockaddr_in& peer) { peer_ = peer, have_peer_ = true; }

  // Waits for one datagram or the next timer, then feeds the socket.
  void step(sctp::Socket& socket) {
    int wait_ms = 100;  // wake up at the earliest timer deadline
    for (const auto& [id, at] : timers_)
      wait_ms = static_cast<int>(std::clamp<int64_t>(at.ms - now().ms, 0, wait_ms));
    pollfd pfd{fd_, POLLIN, 0};
    if (poll(&pfd, 1, wait_ms) > 0) {
      uint8_t buf[65536];
      sockaddr_in from{};
      socklen_t len = sizeof from;
      // Drain what is queued: one poll() per datagram would be slow.
      ssize_t n;
      while ((n = recvfrom(fd_, buf, sizeof buf, MSG_DONTWAIT, reinterpret_cast<sockaddr*>(&from),
                           &len)) >= 0) {
        if (!have_peer_) set_peer(from);  // the server answers whoever spoke first
        socket.receive_packet({buf, static_cast<size_t>(n)});
        len = sizeof from;
      }
    }
    // Collect expired ids first: handle_timeout() may start new timers.
    std::vector<uint64_t> expired;
    for (const auto& [id, at] : timers_)
      if (at <= now()) expired.push_back(id);
    for (uint64_t id : expired) {
      timers_.erase(id);
      socket.handle_timeout(sctp::TimerId{id});
    }
  }

  std::deque<sctp::Message> received;
  bool connected = false, closed = false, aborted = false;

 private:
  int fd_;
  sockaddr_in peer_{};
  bool have_peer_ = false;
  std::map<uint64_t, sctp::TimeMs> timers_;
  std::mt19937_64 rng_{std::random_device{}()};
};

int usage() {
  std::fputs("usage: udp_echo --listen PORT | --connect HOST:PORT [--count N] [--timeout-ms MS]\n",
             stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2)
    args[argv[i]] = argv[i + 1];
  const std::string listen_port = args["--listen"], connect_to = args["--connect"];
  const uint32_t count =
      static_cast<uint32_t>(std::stoul(args["--count"].empty() ? "50" : args["--count"]));
  const int64_t timeout_ms =
      std::stoll(args["--timeout-ms"].empty() ? "10000" : args["--timeout-ms"]);
  if (listen_port.empty() == connect_to.empty() || argc % 2 == 0 || args.size() > 4) return usage();
  const bool server = !listen_port.empty();

  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  if (server) {
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(std::stoi(listen_port)));
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      std::perror("bind");
      return 1;
    }
    std::printf("listening on %u\n", ntohs(addr.sin_port));
    std::fflush(stdout);
  }
  UdpEmbedder io(fd);
  if (!server) {
    const auto colon = connect_to.rfind(':');
    addr.sin_port = htons(static_cast<uint16_t>(std::stoi(connect_to.substr(colon + 1))));
    if (colon == std::string::npos ||
        inet_pton(AF_INET, connect_to.substr(0, colon).c_str(), &addr.sin_addr) != 1)
      return usage();
    io.set_peer(addr);
  }

  sctp::SocketOptions options;  // ports 5000 at both ends, as the gst elements use
  sctp::Socket socket(options, io);
  if (!server) socket.connect();

  uint32_t sent = 0, verified = 0;
  const int64_t deadline = io.now().ms + timeout_ms;
  while (!io.closed && !io.aborted && io.now().ms < deadline) {
    io.step(socket);
    // Callbacks only queue; the socket is called again here, outside them.
    while (!io.received.empty()) {
      sctp::Message m = std::move(io.received.front());
      io.received.pop_front();
      if (server) {
        // Retry until queued: the send buffer frees up as the peer SACKs.
        while (socket.send(m.stream_id, m.payload, sctp::SendOptions{false, m.ppid, {}, {}}) ==
                   sctp::SendStatus::kErrorResourceExhaustion &&
               io.now().ms < deadline)
          io.step(socket);
        continue;
      }
      if (m.payload != make_message(verified)) {
        std::fprintf(stderr, "echo %u: wrong message (%zu bytes)\n", verified, m.payload.size());
        return 1;
      }
      if (++verified == count) socket.shutdown();
    }
    // One stream: ordered delivery lets the client check the echo order.
    while (!server && io.connected && sent < count) {
      const auto msg = make_message(sent);
      if (socket.send(sctp::StreamId(1), msg, sctp::SendOptions{false, sctp::Ppid(53), {}, {}}) !=
          sctp::SendStatus::kSuccess)
        break;  // buffer full: try again after the next SACK
      ++sent;
    }
  }
  close(fd);
  if (!io.closed) {
    std::fprintf(stderr, "%s: %s\n", server ? "server" : "client",
                 io.aborted ? "aborted" : "timed out");
    return 1;
  }
  const sctp::Metrics metrics = socket.metrics();
  std::printf("%s: closed after %llu packets sent, %llu received, %u echoes verified\n",
              server ? "server" : "client", static_cast<unsigned long long>(metrics.packets_sent),
              static_cast<unsigned long long>(metrics.packets_received), verified);
  return server || verified == count ? 0 : 1;
}
