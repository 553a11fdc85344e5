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

int receive_cb(struct socket* /*sock*/, union sctp_sockstore /*addr*/, void* data, size_t length,
               struct sctp_rcvinfo info, int flags, void* ulp_info) {
  {
    std::lock_guard<std::mutex> lock(g_registry_mutex);
    Bridge* bridge = lookup(ulp_info);
    if (data != nullptr && bridge != nullptr) bridge->on_usrsctp_receive(data, length, info, flags);
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

// Not in usrsctp.h 0.9.5 (it is in usrsctp's netinet/sctp.h).
constexpr int kInterleavingSupported = 0x00001206;

template <typename T>
void set_option(struct socket* s, int level, int name, const T& value, const char* what) {
  EXPECT_EQ(usrsctp_setsockopt(s, level, name, &value, sizeof(value)), 0)
      << what << ": " << std::strerror(errno);
}

}  // namespace

void ImpairedDirection::apply(std::deque<std::vector<uint8_t>>& batch) {
  std::deque<std::vector<uint8_t>> out;
  std::optional<std::vector<uint8_t>> held;  // waits for the next packet to overtake it
  for (auto& packet : batch) {
    ++counters_.packets;
    if (chance(impairment_.loss)) {
      ++counters_.dropped;
      continue;
    }
    if (chance(impairment_.duplicate)) {
      ++counters_.duplicated;
      out.push_back(packet);
    }
    if (!held && chance(impairment_.reorder)) {
      held = std::move(packet);
      continue;
    }
    out.push_back(std::move(packet));
    if (held) {
      ++counters_.reordered;
      out.push_back(std::move(*held));
      held.reset();
    }
  }
  if (held) out.push_back(std::move(*held));  // nothing overtook it in this batch
  batch.swap(out);
}

void usrsctp_global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    usrsctp_init(0, conn_output, nullptr);
    // No ECN (we do not offer it either); keep the rest at usrsctp defaults,
    // as gst-plugins-bad does.
    usrsctp_sysctl_set_sctp_ecn_enable(0);
  });
}

Bridge::Bridge(const SocketOptions& options, const UsrsctpOptions& usrsctp)
    : usrsctp_options_(usrsctp) {
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

void Bridge::impair_link(const LinkImpairment& to_usrsctp, const LinkImpairment& to_ours,
                         uint64_t seed) {
  to_usrsctp_ = ImpairedDirection(to_usrsctp, seed);
  to_ours_ = ImpairedDirection(to_ours, seed ^ 0x9e3779b97f4a7c15ULL);
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
  const uint16_t event_types[] = {SCTP_ASSOC_CHANGE, SCTP_PARTIAL_DELIVERY_EVENT};
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
  // Without it the receive callback's sctp_rcvinfo is left zeroed.
  set_option(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, on, "SCTP_RECVRCVINFO");
  const UsrsctpOptions& o = usrsctp_options_;
  if (o.send_buffer) set_option(s, SOL_SOCKET, SO_SNDBUF, *o.send_buffer, "SO_SNDBUF");
  if (o.receive_buffer) set_option(s, SOL_SOCKET, SO_RCVBUF, *o.receive_buffer, "SO_RCVBUF");
  if (o.streams) {
    struct sctp_initmsg init;
    std::memset(&init, 0, sizeof(init));
    init.sinit_num_ostreams = *o.streams;
    init.sinit_max_instreams = *o.streams;
    set_option(s, IPPROTO_SCTP, SCTP_INITMSG, init, "SCTP_INITMSG");
  }
  if (o.mtu) {
    struct sctp_paddrparams params;
    std::memset(&params, 0, sizeof(params));
    params.spp_assoc_id = SCTP_FUTURE_ASSOC;
    params.spp_flags = SPP_PMTUD_DISABLE;
    params.spp_pathmtu = *o.mtu;
    set_option(s, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, params, "SCTP_PEER_ADDR_PARAMS");
  }
  if (o.rto_min || o.rto_initial) {
    struct sctp_rtoinfo rto;
    std::memset(&rto, 0, sizeof(rto));  // 0: keep that value
    rto.srto_assoc_id = SCTP_FUTURE_ASSOC;
    rto.srto_min = o.rto_min.value_or(0);
    rto.srto_initial = o.rto_initial.value_or(0);
    set_option(s, IPPROTO_SCTP, SCTP_RTOINFO, rto, "SCTP_RTOINFO");
  }
  if (o.interleaving) {
    // usrsctp offers I-DATA only with fragment interleave level 2 (its
    // receiver may then hand over pieces of several messages at once).
    const int level = 2;
    set_option(s, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE, level, "SCTP_FRAGMENT_INTERLEAVE");
    struct sctp_assoc_value value;
    std::memset(&value, 0, sizeof(value));
    value.assoc_id = SCTP_FUTURE_ASSOC;
    value.assoc_value = 1;
    set_option(s, IPPROTO_SCTP, kInterleavingSupported, value, "SCTP_INTERLEAVING_SUPPORTED");
  }
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
  UsrsctpSend send;
  send.stream = stream;
  send.ppid = ppid;
  return usrsctp_send(send, data) == 0;
}

int Bridge::usrsctp_send(const UsrsctpSend& send, std::span<const uint8_t> data) {
  accept_pending();
  if (usock_ == nullptr) return ENOTCONN;
  struct sctp_sendv_spa spa;
  std::memset(&spa, 0, sizeof(spa));
  spa.sendv_flags = SCTP_SEND_SNDINFO_VALID;
  spa.sendv_sndinfo.snd_sid = send.stream;
  spa.sendv_sndinfo.snd_ppid = htonl(send.ppid);
  spa.sendv_sndinfo.snd_flags = send.unordered ? SCTP_UNORDERED : 0;
  if (send.max_retransmissions) {
    spa.sendv_flags |= SCTP_SEND_PRINFO_VALID;
    spa.sendv_prinfo.pr_policy = SCTP_PR_SCTP_RTX;
    spa.sendv_prinfo.pr_value = *send.max_retransmissions;
  }
  const ssize_t sent = usrsctp_sendv(usock_, data.data(), data.size(), nullptr, 0, &spa,
                                     sizeof(spa), SCTP_SENDV_SPA, 0);
  if (sent == ssize_t(data.size())) return 0;
  return sent < 0 ? errno : EMSGSIZE;  // a partial send is not expected without EOR mode
}

std::optional<struct sctp_status> Bridge::usrsctp_status() {
  accept_pending();
  if (usock_ == nullptr) return std::nullopt;
  struct sctp_status status;
  std::memset(&status, 0, sizeof(status));
  socklen_t length = sizeof(status);
  if (usrsctp_getsockopt(usock_, IPPROTO_SCTP, SCTP_STATUS, &status, &length) != 0) {
    return std::nullopt;
  }
  return status;
}

std::optional<uint64_t> Bridge::usrsctp_abandoned() {
  accept_pending();
  if (usock_ == nullptr) return std::nullopt;
  struct sctp_prstatus status;
  std::memset(&status, 0, sizeof(status));
  status.sprstat_policy = SCTP_PR_SCTP_RTX;
  socklen_t length = sizeof(status);
  if (usrsctp_getsockopt(usock_, IPPROTO_SCTP, SCTP_PR_ASSOC_STATUS, &status, &length) != 0) {
    return std::nullopt;  // no association (any more)
  }
  return status.sprstat_abandoned_sent + status.sprstat_abandoned_unsent;
}

void Bridge::send_packet(std::span<const uint8_t> packet) {
  // Queued, and handed to usrsctp once our socket's call returned (through
  // the link's impairments). usrsctp may answer from inside conninput
  // (conn_output then only queues); it never calls back into our socket.
  outbox_.emplace_back(packet.begin(), packet.end());
}

void Bridge::flush_to_usrsctp() {
  while (!outbox_.empty()) {
    std::deque<std::vector<uint8_t>> batch;
    batch.swap(outbox_);
    to_usrsctp_.apply(batch);
    for (const auto& p : batch)
      usrsctp_conninput(address_, p.data(), p.size(), 0);
  }
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

void Bridge::on_usrsctp_receive(void* data, size_t length, const struct sctp_rcvinfo& info,
                                int flags) {
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
    } else if (length >= sizeof(n->sn_pdapi_event) &&
               n->sn_header.sn_type == SCTP_PARTIAL_DELIVERY_EVENT &&
               n->sn_pdapi_event.pdapi_indication == SCTP_PARTIAL_DELIVERY_ABORTED) {
      // A message usrsctp was handing over in pieces was abandoned (a
      // FORWARD TSN skipped it): drop what arrived of it. The event names
      // the stream and SSN, not whether the message was unordered.
      const auto stream = uint16_t(n->sn_pdapi_event.pdapi_stream);
      const auto ssn = uint16_t(n->sn_pdapi_event.pdapi_seq);
      std::erase_if(partial_,
                    [&](const auto& p) { return p.first.stream == stream && p.first.ssn == ssn; });
      ++events_.partial_deliveries_aborted;
    }
  } else {
    // usrsctp hands large messages over in pieces; MSG_EOR ends one.
    // usrsctp quirk: pieces of different messages of one stream may
    // alternate, even at fragment interleave level 1 (its default): a
    // complete message (unordered, or even the next ordered one) can come
    // between two pieces of another. Each piece carries its message's SSN
    // (MID with I-DATA) and first TSN, which tell the messages apart.
    const PartialKey key{info.rcv_sid, (info.rcv_flags & SCTP_UNORDERED) != 0, info.rcv_ssn,
                         info.rcv_tsn};
    auto [it, inserted] = partial_.try_emplace(key);
    if (inserted) it->second.order = next_order_++;
    const auto* bytes = static_cast<const uint8_t*>(data);
    it->second.bytes.insert(it->second.bytes.end(), bytes, bytes + length);
    if ((flags & MSG_EOR) != 0) {
      UsrsctpMessage m;
      m.stream = info.rcv_sid;
      m.ppid = ntohl(info.rcv_ppid);
      m.unordered = key.unordered;
      m.order = it->second.order;
      m.payload = std::move(it->second.bytes);
      partial_.erase(it);
      events_.messages.push_back(std::move(m));
    }
    // usrsctp quirk: when a FORWARD TSN skips a message it has begun to
    // hand over, a receive callback gets no SCTP_PARTIAL_DELIVERY_EVENT;
    // the pieces are simply never completed.
    events_.unfinished_partial_messages = partial_.size();
  }
  cv_.notify_all();
}

bool Bridge::run_until(const std::function<bool(const UsrsctpEvents&)>& done,
                       std::chrono::milliseconds timeout, const std::function<void()>& pump) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (pump) pump();
    flush_to_usrsctp();
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
    // Our socket and usrsctp are called without our lock held: usrsctp's
    // output and callbacks take that lock.
    to_ours_.apply(packets);
    for (const auto& p : packets) {
      socket_->receive_packet(p);
      flush_to_usrsctp();
    }
    const auto now_tp = std::chrono::steady_clock::now();
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (it->second <= now_tp) {
        const TimerId id{it->first};
        it = timers_.erase(it);
        socket_->handle_timeout(id);
        flush_to_usrsctp();
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
