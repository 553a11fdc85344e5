#include "usrsctp_endpoint.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace sctp::bench {
namespace {

struct Route {
  void* address;
  uint16_t port;
  UsrsctpEndpoint* endpoint;
};
std::mutex g_routes_mutex;
std::vector<Route> g_routes;

int conn_output(void* address, void* buffer, size_t length, uint8_t /*tos*/, uint8_t /*df*/) {
  if (length < 12) return 0;
  const auto* bytes = static_cast<const uint8_t*>(buffer);
  // SCTP common header: source port first (RFC 9260 3.1).
  const auto source_port = static_cast<uint16_t>((bytes[0] << 8) | bytes[1]);
  std::lock_guard<std::mutex> lock(g_routes_mutex);
  for (const Route& r : g_routes)
    if (r.address == address && r.port == source_port) {
      r.endpoint->on_output(std::span<const uint8_t>(bytes, length));
      break;
    }
  return 0;
}

int receive_cb(struct socket* /*sock*/, union sctp_sockstore /*addr*/, void* data, size_t length,
               struct sctp_rcvinfo /*info*/, int flags, void* ulp_info) {
  if (data != nullptr && ulp_info != nullptr)
    static_cast<UsrsctpEndpoint*>(ulp_info)->on_receive(data, length, flags);
  std::free(data);  // usrsctp hands the buffer over
  return 1;
}

sockaddr_conn conn_address(void* address, uint16_t port) {
  sockaddr_conn a;
  std::memset(&a, 0, sizeof(a));
  a.sconn_family = AF_CONN;
  a.sconn_port = htons(port);
  a.sconn_addr = address;
  return a;
}

}  // namespace

void usrsctp_bench_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    usrsctp_init(0, conn_output, nullptr);
    // As gst-plugins-bad configures it: no ECN (we do not offer it either).
    usrsctp_sysctl_set_sctp_ecn_enable(0);
  });
}

uint64_t usrsctp_retransmissions_total() {
  struct sctpstat stat;
  std::memset(&stat, 0, sizeof(stat));
  usrsctp_get_stat(&stat);
  return stat.sctps_sendretransdata;
}

UsrsctpEndpoint::UsrsctpEndpoint(void* address, uint16_t local_port, uint16_t remote_port,
                                 bool initiator, MemoryLink& link, Direction output,
                                 size_t send_buffer, size_t receive_buffer, size_t mtu)
    : address_(address),
      local_port_(local_port),
      remote_port_(remote_port),
      initiator_(initiator),
      link_(link),
      output_(output),
      send_buffer_(send_buffer),
      receive_buffer_(receive_buffer),
      mtu_(mtu) {
  usrsctp_bench_init();
  std::lock_guard<std::mutex> lock(g_routes_mutex);
  bool registered = false;
  for (const Route& r : g_routes)
    registered = registered || r.address == address;
  if (!registered) usrsctp_register_address(address);
  g_routes.push_back(Route{address, local_port, this});
}

UsrsctpEndpoint::~UsrsctpEndpoint() {
  // SO_LINGER 0: close with ABORT, so nothing lingers into the next run.
  struct linger l;
  l.l_onoff = 1;
  l.l_linger = 0;
  for (struct socket* s : {socket_, listener_}) {
    if (s == nullptr) continue;
    usrsctp_setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
    usrsctp_close(s);
  }
  std::lock_guard<std::mutex> lock(g_routes_mutex);
  std::erase_if(g_routes, [&](const Route& r) { return r.endpoint == this; });
  bool still_used = false;
  for (const Route& r : g_routes)
    still_used = still_used || r.address == address_;
  if (!still_used) usrsctp_deregister_address(address_);
}

struct socket* UsrsctpEndpoint::make_socket() {
  struct socket* s =
      usrsctp_socket(AF_CONN, SOCK_STREAM, IPPROTO_SCTP, receive_cb, nullptr, 0, this);
  if (s == nullptr) {
    std::perror("usrsctp_socket");
    std::exit(2);
  }
  usrsctp_set_non_blocking(s, 1);
  // Buffers as large as our socket's defaults (send buffer, a_rwnd).
  const int sndbuf = static_cast<int>(send_buffer_);
  const int rcvbuf = static_cast<int>(receive_buffer_);
  usrsctp_setsockopt(s, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
  usrsctp_setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
  struct sctp_event event;
  std::memset(&event, 0, sizeof(event));
  event.se_assoc_id = SCTP_ALL_ASSOC;
  event.se_type = SCTP_ASSOC_CHANGE;
  event.se_on = 1;
  usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &event, sizeof(event));
  const int on = 1;
  usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on));
  // Fixed path MTU, PMTUD off, as gst-plugins-bad sets it (1200 bytes).
  struct sctp_paddrparams params;
  std::memset(&params, 0, sizeof(params));
  params.spp_assoc_id = SCTP_FUTURE_ASSOC;
  params.spp_flags = SPP_PMTUD_DISABLE;
  params.spp_pathmtu = static_cast<uint32_t>(mtu_);
  usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &params, sizeof(params));
  sockaddr_conn local = conn_address(address_, local_port_);
  if (usrsctp_bind(s, reinterpret_cast<sockaddr*>(&local), sizeof(local)) != 0) {
    std::perror("usrsctp_bind");
    std::exit(2);
  }
  return s;
}

void UsrsctpEndpoint::start() {
  if (initiator_) {
    socket_ = make_socket();
    sockaddr_conn remote = conn_address(address_, remote_port_);
    if (usrsctp_connect(socket_, reinterpret_cast<sockaddr*>(&remote), sizeof(remote)) != 0 &&
        errno != EINPROGRESS) {
      std::perror("usrsctp_connect");
      std::exit(2);
    }
  } else {
    listener_ = make_socket();
    usrsctp_listen(listener_, 1);
  }
}

void UsrsctpEndpoint::poll() {
  if (listener_ != nullptr && socket_ == nullptr) {
    socket_ = usrsctp_accept(listener_, nullptr, nullptr);  // null until one is up
    if (socket_ != nullptr) established_ = true;
  }
}

uint64_t UsrsctpEndpoint::send_some(std::span<const uint8_t> message, bool unordered,
                                    uint64_t max_messages) {
  if (socket_ == nullptr) return 0;
  struct sctp_sndinfo info;
  std::memset(&info, 0, sizeof(info));
  info.snd_sid = 1;
  info.snd_ppid = htonl(53);
  info.snd_flags = unordered ? SCTP_UNORDERED : 0;
  uint64_t accepted = 0;
  while (accepted < max_messages &&
         usrsctp_sendv(socket_, message.data(), message.size(), nullptr, 0, &info, sizeof(info),
                       SCTP_SENDV_SNDINFO, 0) == static_cast<ssize_t>(message.size()))
    ++accepted;
  return accepted;
}

void UsrsctpEndpoint::receive(std::span<const uint8_t> packet) {
  usrsctp_conninput(address_, packet.data(), packet.size(), 0);
}

void UsrsctpEndpoint::on_receive(const void* data, size_t length, int flags) {
  if ((flags & MSG_NOTIFICATION) != 0) {
    const auto* n = static_cast<const union sctp_notification*>(data);
    if (length >= sizeof(n->sn_assoc_change) && n->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
        n->sn_assoc_change.sac_state == SCTP_COMM_UP)
      established_ = true;
    return;
  }
  bytes_received_ += length;
  // usrsctp may deliver a message in pieces; MSG_EOR ends one.
  if ((flags & MSG_EOR) != 0) ++messages_received_;
}

}  // namespace sctp::bench
