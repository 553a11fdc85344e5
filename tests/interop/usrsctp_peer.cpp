#include "usrsctp_peer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <map>

namespace sctp::interop {
namespace {

// Live bridges: usrsctp may still try to send to an address after its test
// ended (timers of a closed socket), so output goes through this registry.
// Each bridge gets an AF_CONN address never used before (usrsctp only
// compares the pointer, it never dereferences it): a closed socket of an
// earlier test may still hold its address and port for a while.
std::mutex g_registry_mutex;
std::map<void*, Bridge*> g_bridges;
uintptr_t g_next_address = 0x1000;

Bridge* lookup(void* address) {
  auto it = g_bridges.find(address);
  return it == g_bridges.end() ? nullptr : it->second;
}

int conn_output(void* addr, void* buffer, size_t length, uint8_t /*tos*/, uint8_t /*set_df*/) {
  std::lock_guard<std::mutex> lock(g_registry_mutex);
  if (Bridge* bridge = lookup(addr)) bridge->from_usrsctp(buffer, length);
  return 0;
}

int receive_cb(struct socket* sock, union sctp_sockstore /*addr*/, void* data, size_t length,
               struct sctp_rcvinfo /*info*/, int flags, void* ulp_info) {
  {
    std::lock_guard<std::mutex> lock(g_registry_mutex);
    Bridge* bridge = lookup(ulp_info);
    if (data != nullptr && bridge != nullptr) bridge->on_usrsctp_receive(sock, data, length, flags);
  }
  std::free(data);  // usrsctp hands over ownership of the buffer
  return 1;
}

sockaddr_conn conn_address(void* address) {
  sockaddr_conn a;
  std::memset(&a, 0, sizeof(a));
  a.sconn_family = AF_CONN;
  a.sconn_port = htons(Bridge::kPort);
  a.sconn_addr = address;
  return a;
}

}  // namespace

void usrsctp_global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    usrsctp_init(0, conn_output, nullptr);
    // No ECN (we do not offer it either); keep the rest at usrsctp defaults,
    // as gst-plugins-bad does.
    usrsctp_sysctl_set_sctp_ecn_enable(0);
  });
}

Bridge::Bridge(const SocketOptions& options) {
  usrsctp_global_init();
  {
    std::lock_guard<std::mutex> lock(g_registry_mutex);
    address_ = reinterpret_cast<void*>(g_next_address);
    g_next_address += 16;
    g_bridges[address_] = this;
  }
  usrsctp_register_address(address_);
  socket_ = std::make_unique<Socket>(options, *this);
}

Bridge::~Bridge() {
  if (usock_ != nullptr) usrsctp_close(usock_);
  if (listener_ != nullptr) usrsctp_close(listener_);
  usrsctp_deregister_address(address_);
  std::lock_guard<std::mutex> lock(g_registry_mutex);
  g_bridges.erase(address_);
}

struct socket* Bridge::make_socket() {
  struct socket* s =
      usrsctp_socket(AF_CONN, SOCK_STREAM, IPPROTO_SCTP, receive_cb, nullptr, 0, address_);
  EXPECT_NE(s, nullptr);
  usrsctp_set_non_blocking(s, 1);
  const uint16_t event_types[] = {SCTP_ASSOC_CHANGE};
  for (uint16_t type : event_types) {
    struct sctp_event event;
    std::memset(&event, 0, sizeof(event));
    event.se_assoc_id = SCTP_ALL_ASSOC;
    event.se_type = type;
    event.se_on = 1;
    usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &event, sizeof(event));
  }
  const int on = 1;
  usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on));
  sockaddr_conn local = conn_address(address_);
  EXPECT_EQ(usrsctp_bind(s, reinterpret_cast<sockaddr*>(&local), sizeof(local)), 0);
  return s;
}

void Bridge::usrsctp_connect() {
  usock_ = make_socket();
  sockaddr_conn remote = conn_address(address_);
  const int rc = ::usrsctp_connect(usock_, reinterpret_cast<sockaddr*>(&remote), sizeof(remote));
  EXPECT_TRUE(rc == 0 || errno == EINPROGRESS) << "usrsctp_connect: " << std::strerror(errno);
}

void Bridge::usrsctp_listen() {
  listener_ = make_socket();
  EXPECT_EQ(::usrsctp_listen(listener_, 1), 0);
}

void Bridge::accept_pending() {
  if (listener_ == nullptr || usock_ != nullptr) return;
  usock_ = usrsctp_accept(listener_, nullptr, nullptr);  // non-blocking: null until one is up
}

void Bridge::usrsctp_shutdown() {
  accept_pending();
  ASSERT_NE(usock_, nullptr);
  EXPECT_EQ(::usrsctp_shutdown(usock_, SHUT_WR), 0);
}

void Bridge::usrsctp_abort() {
  accept_pending();
  ASSERT_NE(usock_, nullptr);
  struct linger l;
  l.l_onoff = 1;
  l.l_linger = 0;
  usrsctp_setsockopt(usock_, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
  usrsctp_close(usock_);
  usock_ = nullptr;
}

bool Bridge::usrsctp_send(uint16_t stream, uint32_t ppid, const std::vector<uint8_t>& data) {
  accept_pending();
  if (usock_ == nullptr) return false;
  struct sctp_sndinfo info;
  std::memset(&info, 0, sizeof(info));
  info.snd_sid = stream;
  info.snd_ppid = htonl(ppid);
  return usrsctp_sendv(usock_, data.data(), data.size(), nullptr, 0, &info, sizeof(info),
                       SCTP_SENDV_SNDINFO, 0) == ssize_t(data.size());
}

void Bridge::send_packet(std::span<const uint8_t> packet) {
  // Synchronous: usrsctp may answer from inside this call (conn_output then
  // only queues), and it never calls back into our socket.
  usrsctp_conninput(address_, packet.data(), packet.size(), 0);
}

TimeMs Bridge::now() {
  return TimeMs{std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - epoch_)
                    .count()};
}

void Bridge::start_timer(TimerId id, DurationMs duration) {
  timers_[id.value] = std::chrono::steady_clock::now() + duration;
}

void Bridge::from_usrsctp(const void* data, size_t length) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  std::lock_guard<std::mutex> lock(mutex_);
  inbox_.emplace_back(bytes, bytes + length);
  cv_.notify_all();
}

void Bridge::on_usrsctp_receive(struct socket* /*sock*/, void* data, size_t length, int flags) {
  std::lock_guard<std::mutex> lock(mutex_);
  if ((flags & MSG_NOTIFICATION) != 0) {
    const auto* n = static_cast<const union sctp_notification*>(data);
    if (length >= sizeof(n->sn_header) && n->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
        length >= sizeof(n->sn_assoc_change)) {
      switch (n->sn_assoc_change.sac_state) {
        case SCTP_COMM_UP:
          events_.comm_up = true;
          break;
        case SCTP_COMM_LOST:
          events_.comm_lost = true;
          break;
        case SCTP_SHUTDOWN_COMP:
          events_.shutdown_complete = true;
          break;
        case SCTP_CANT_STR_ASSOC:
          events_.cant_start = true;
          break;
        default:
          break;
      }
    }
  } else {
    // usrsctp hands large messages over in pieces; MSG_EOR ends one.
    const auto* bytes = static_cast<const uint8_t*>(data);
    partial_.insert(partial_.end(), bytes, bytes + length);
    if ((flags & MSG_EOR) != 0) {
      events_.messages.push_back(std::move(partial_));
      partial_.clear();
    }
  }
  cv_.notify_all();
}

bool Bridge::run_until(const std::function<bool(const UsrsctpEvents&)>& done,
                       std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    std::deque<std::vector<uint8_t>> packets;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (done(events_)) return true;
      auto wake =
          std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(5));
      for (const auto& [id, at] : timers_)
        wake = std::min(wake, at);
      cv_.wait_until(lock, wake, [&] { return !inbox_.empty(); });
      packets.swap(inbox_);
    }
    // Our socket is called without our lock held: its send_packet goes into
    // usrsctp, whose output and callbacks take that lock.
    for (const auto& p : packets)
      socket_->receive_packet(p);
    const auto now_tp = std::chrono::steady_clock::now();
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (it->second <= now_tp) {
        const TimerId id{it->first};
        it = timers_.erase(it);
        socket_->handle_timeout(id);
        it = timers_.begin();  // the handler may have changed the map
      } else {
        ++it;
      }
    }
    accept_pending();
    if (std::chrono::steady_clock::now() >= deadline) {
      std::lock_guard<std::mutex> lock(mutex_);
      return done(events_);
    }
  }
}

}  // namespace sctp::interop
