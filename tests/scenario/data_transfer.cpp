#include "data_transfer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>

#include "common/byte_io.h"
#include "cwnd_auditor.h"
#include "packet/packet_view.h"
#include "scenario_network.h"

namespace sctp::scenario {
namespace {

struct PlannedMessage {
  StreamId stream;
  bool unordered = false;
  bool reliable = true;
  size_t size = 0;
  TimeMs at;
};

// The payload of message `index` sent by `direction` (0: a, 1: b): bytes
// from a xorshift generator, so any corruption, truncation or mix-up of two
// messages shows.
std::vector<uint8_t> payload_of(uint64_t seed, int direction, uint32_t index, size_t size) {
  uint64_t x = (seed + 1) * 0x9E3779B97F4A7C15ULL ^ (uint64_t(direction) << 40) ^
               (uint64_t(index) * 0xBF58476D1CE4E5B9ULL) ^ size;
  if (x == 0) x = 1;
  std::vector<uint8_t> v(size);
  for (size_t i = 0; i < size; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    v[i] = uint8_t(x >> 24);
  }
  return v;
}

std::vector<PlannedMessage> plan_workload(const TransferConfig& c, uint64_t seed, int direction) {
  std::mt19937_64 rng(seed * 1000003 + uint64_t(direction) * 7919 + 17);
  std::vector<PlannedMessage> plan;
  const double log_max = std::log(double(c.max_message_size) + 1.0);
  for (int i = 0; i < c.messages; ++i) {
    PlannedMessage m;
    // Log-uniform sizes: as many tiny messages as large ones. The first two
    // are the extremes, 1 byte and the largest size.
    if (i == 0) {
      m.size = 1;
    } else if (i == 1) {
      m.size = c.max_message_size;
    } else {
      const double u = std::uniform_real_distribution<double>(0.0, log_max)(rng);
      m.size = std::clamp<size_t>(size_t(std::exp(u)), 1, c.max_message_size);
    }
    int stream = int(rng() % uint64_t(c.streams + (c.unreliable_stream ? 1 : 0)));
    if (stream == c.streams) {
      m.reliable = false;
      m.unordered = true;
    } else if (stream % 3 == 1) {
      m.unordered = true;
    } else if (stream % 3 == 2) {
      m.unordered = (rng() & 1) != 0;
    }
    m.stream = StreamId(uint16_t(stream));
    m.at = TimeMs{int64_t(rng() % uint64_t(c.send_spread.count() + 1))};
    plan.push_back(m);
  }
  // Send order is index order, so ordered delivery means rising indexes.
  std::stable_sort(plan.begin(), plan.end(),
                   [](const PlannedMessage& x, const PlannedMessage& y) { return x.at < y.at; });
  return plan;
}

// Sends one endpoint's workload at the planned times (relative to `start`),
// retrying later when the send buffer is full (section 6.1 flow control
// reaching back to the application).
class Sender {
 public:
  Sender(Endpoint& endpoint, EventLoop& loop, uint64_t seed, int direction,
         std::vector<PlannedMessage> plan, std::vector<std::string>& failures)
      : endpoint_(endpoint),
        loop_(loop),
        seed_(seed),
        direction_(direction),
        plan_(std::move(plan)),
        failures_(failures) {}

  void start() {
    // Planned times are offsets from now.
    const TimeMs start = loop_.now();
    for (PlannedMessage& m : plan_) {
      const DurationMs offset = m.at - TimeMs{0};
      m.at = start + offset;
      loop_.schedule(offset, [this] { pump(); });
    }
  }
  [[nodiscard]] bool done() const { return next_ == plan_.size(); }
  [[nodiscard]] const std::vector<PlannedMessage>& plan() const { return plan_; }

 private:
  void pump() {
    while (next_ < plan_.size() && plan_[next_].at <= loop_.now()) {
      const PlannedMessage& m = plan_[next_];
      SendOptions o;
      o.unordered = m.unordered;
      o.ppid = Ppid(uint32_t(next_));
      if (!m.reliable) o.max_retransmissions = 0;
      const SendStatus status = endpoint_.socket().send(
          m.stream, payload_of(seed_, direction_, uint32_t(next_), m.size), o);
      if (status == SendStatus::kErrorResourceExhaustion) {
        if (!retry_scheduled_) {
          retry_scheduled_ = true;
          loop_.schedule(DurationMs(5), [this] {
            retry_scheduled_ = false;
            pump();
          });
        }
        return;
      }
      if (status != SendStatus::kSuccess) {
        failures_.push_back(endpoint_.name() + ": send of message " + std::to_string(next_) +
                            " failed: " + to_string(status));
      }
      ++next_;
    }
  }

  Endpoint& endpoint_;
  EventLoop& loop_;
  uint64_t seed_;
  int direction_;
  std::vector<PlannedMessage> plan_;
  std::vector<std::string>& failures_;
  size_t next_ = 0;
  bool retry_scheduled_ = false;
};

// The receiving application: with a rate, it consumes delivered bytes at
// that pace (SocketOptions::manual_receive_window); otherwise at once.
class Reader {
 public:
  Reader(Endpoint& endpoint, EventLoop& loop, uint64_t bytes_per_s)
      : endpoint_(endpoint), loop_(loop), bytes_per_s_(bytes_per_s) {}

  void start() {
    if (bytes_per_s_ > 0) tick();
  }
  void stop() { stopped_ = true; }
  [[nodiscard]] bool caught_up() const { return consumed_ == delivered_bytes(); }

 private:
  static constexpr DurationMs kTick{10};
  [[nodiscard]] uint64_t delivered_bytes() const {
    uint64_t total = 0;
    for (const Message& m : endpoint_.events.messages)
      total += m.payload.size();
    return bytes_per_s_ > 0 ? total : consumed_;
  }
  void tick() {
    if (stopped_) return;
    const uint64_t budget = bytes_per_s_ * uint64_t(kTick.count()) / 1000;
    const uint64_t n = std::min(budget, delivered_bytes() - consumed_);
    if (n > 0) {
      endpoint_.socket().consume_received(size_t(n));
      consumed_ += n;
    }
    loop_.schedule(kTick, [this] { tick(); });
  }

  Endpoint& endpoint_;
  EventLoop& loop_;
  uint64_t bytes_per_s_;
  uint64_t consumed_ = 0;
  bool stopped_ = false;
};

// Watches DATA / I-DATA TSNs on a link to tell that they wrapped past 2^32.
struct TsnWatch {
  bool saw_high = false;
  bool saw_low_after_high = false;
  void observe(std::span<const uint8_t> packet) {
    auto view = PacketView::parse(packet);
    if (!view) return;
    for (const RawChunk& chunk : *view) {
      if ((chunk.type != 0 && chunk.type != 64) || chunk.value.size() < 4) continue;
      const uint32_t tsn = load_be32(chunk.value.data());
      if (tsn >= 0xFFFF0000u) saw_high = true;
      if (tsn < 0x00010000u && saw_high) saw_low_after_high = true;
    }
  }
};

void trace_packet(TimeMs now, const char* direction, std::span<const uint8_t> packet) {
  auto view = PacketView::parse(packet);
  if (!view) return;
  std::string line = std::to_string(now.ms) + " " + direction;
  for (const RawChunk& chunk : *view) {
    if (chunk.type == 0 && chunk.value.size() >= 4) {
      line += " DATA " + std::to_string(load_be32(chunk.value.data()));
    } else if (chunk.type == 3 && chunk.value.size() >= 12) {
      line += " SACK(cum " + std::to_string(load_be32(chunk.value.data())) + " a_rwnd " +
              std::to_string(load_be32(chunk.value.data() + 4)) + " gaps " +
              std::to_string(load_be16(chunk.value.data() + 8)) + " dups " +
              std::to_string(load_be16(chunk.value.data() + 10)) + ")";
    } else if (chunk.type == 7 && chunk.value.size() >= 4) {
      line += " SHUTDOWN(cum " + std::to_string(load_be32(chunk.value.data())) + ")";
    } else {
      line += " type " + std::to_string(chunk.type);
    }
  }
  std::fprintf(stderr, "%s\n", line.c_str());
}

size_t ack_chunk_count(std::span<const uint8_t> packet) {
  size_t n = 0;
  auto view = PacketView::parse(packet);
  if (!view) return 0;
  for (const RawChunk& chunk : *view) {
    if (chunk.type == 3 || chunk.type == 7) ++n;  // SACK, SHUTDOWN
  }
  return n;
}

void check_deliveries(const std::string& who, const std::vector<PlannedMessage>& plan,
                      const std::vector<Message>& received, uint64_t seed, int direction,
                      std::vector<std::string>& failures) {
  std::vector<bool> seen(plan.size(), false);
  std::map<uint16_t, int64_t> last_ordered;
  auto fail = [&](const std::string& what) {
    if (failures.size() < 20) failures.push_back(who + ": " + what);
  };
  for (const Message& m : received) {
    const uint32_t index = m.ppid.value();
    if (index >= plan.size()) {
      fail("unknown message ppid " + std::to_string(index));
      continue;
    }
    const PlannedMessage& p = plan[index];
    const std::string id = "message " + std::to_string(index);
    if (seen[index]) fail(id + " delivered twice");
    seen[index] = true;
    if (m.stream_id != p.stream) fail(id + " on the wrong stream");
    if (m.unordered != p.unordered) fail(id + " with the wrong U flag");
    if (m.payload.size() != p.size) {
      fail(id + " has " + std::to_string(m.payload.size()) + " bytes, sent " +
           std::to_string(p.size));
    } else if (m.payload != payload_of(seed, direction, index, p.size)) {
      fail(id + " payload corrupted");
    }
    if (!p.unordered) {
      auto [it, inserted] = last_ordered.try_emplace(p.stream.value(), int64_t(index));
      if (!inserted) {
        if (int64_t(index) < it->second) {
          fail(id + " out of order on ordered stream " + std::to_string(p.stream.value()) +
               " (after message " + std::to_string(it->second) + ")");
        }
        it->second = std::max<int64_t>(it->second, index);
      }
    }
  }
  for (size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].reliable && !seen[i]) fail("reliable message " + std::to_string(i) + " lost");
  }
}

}  // namespace

TransferResult run_transfer(const TransferConfig& c, uint64_t seed) {
  TransferResult result;
  SocketOptions a_options = c.options;
  SocketOptions b_options = c.options;
  if (c.a_initial_tsn_below_wrap)
    a_options.initial_tsn_for_testing = 0u - *c.a_initial_tsn_below_wrap;
  if (c.b_initial_tsn_below_wrap)
    b_options.initial_tsn_for_testing = 0u - *c.b_initial_tsn_below_wrap;
  if (c.reader_bytes_per_s > 0) {
    a_options.manual_receive_window = true;
    b_options.manual_receive_window = true;
  }
  Network net(seed, a_options, b_options, c.a_to_b, c.b_to_a);
  TsnWatch a_tsns, b_tsns;
  // SCEN_TRACE=1 prints every packet offered to the links (before loss) and
  // every packet delivered, to debug a failing seed.
  static const bool trace = std::getenv("SCEN_TRACE") != nullptr;
  net.a_to_b.set_filter([&](std::span<const uint8_t> p, uint64_t) {
    if (trace) trace_packet(net.loop.now(), "a>", p);
    a_tsns.observe(p);
    return false;
  });
  net.b_to_a.set_filter([&](std::span<const uint8_t> p, uint64_t) {
    if (trace) trace_packet(net.loop.now(), "b>", p);
    b_tsns.observe(p);
    return false;
  });
  // SACK and SHUTDOWN chunks each endpoint received since the last audit.
  size_t a_ack_chunks = 0, b_ack_chunks = 0;
  net.a_to_b.set_delivery_observer([&](std::span<const uint8_t> p) {
    if (trace) trace_packet(net.loop.now(), "  >b", p);
    b_ack_chunks += ack_chunk_count(p);
  });
  net.b_to_a.set_delivery_observer([&](std::span<const uint8_t> p) {
    if (trace) trace_packet(net.loop.now(), "  >a", p);
    a_ack_chunks += ack_chunk_count(p);
  });
  auto& failures = result.failures;

  net.a.socket().connect();
  // Generous: at 30 % loss each way, T1 backs off to a minute between tries.
  if (!net.run_until([&] { return net.both_connected(); }, DurationMs(900000))) {
    failures.push_back("association not established");
    return result;
  }
  const TimeMs start = net.loop.now();
  Sender a_sender(net.a, net.loop, seed, 0, plan_workload(c, seed, 0), failures);
  Sender b_sender(net.b, net.loop, seed, 1,
                  c.both_directions ? plan_workload(c, seed, 1) : std::vector<PlannedMessage>{},
                  failures);
  Reader a_reader(net.a, net.loop, c.reader_bytes_per_s);
  Reader b_reader(net.b, net.loop, c.reader_bytes_per_s);
  a_sender.start();
  b_sender.start();
  a_reader.start();
  b_reader.start();

  CwndAuditor a_cwnd(c.options.mtu), b_cwnd(c.options.mtu);
  auto reliable_count = [](const Sender& s) {
    return size_t(std::count_if(s.plan().begin(), s.plan().end(),
                                [](const PlannedMessage& m) { return m.reliable; }));
  };
  const size_t a_reliable = reliable_count(a_sender);
  const size_t b_reliable = reliable_count(b_sender);
  auto quiet = [&](Endpoint& e) {
    const Metrics m = e.socket().metrics();
    return m.buffered_amount == 0 && m.bytes_in_flight == 0;
  };
  auto audit = [&] {
    const Metrics am = net.a.socket().metrics();
    const Metrics bm = net.b.socket().metrics();
    a_cwnd.observe(am, a_ack_chunks);
    b_cwnd.observe(bm, b_ack_chunks);
    a_ack_chunks = 0;
    b_ack_chunks = 0;
    if (am.state == SocketState::kConnected && am.peer_rwnd == 0) ++result.zero_window_observations;
    if (bm.state == SocketState::kConnected && bm.peer_rwnd == 0) ++result.zero_window_observations;
  };
  bool shutdown_started = false;
  auto all_delivered = [&] {
    audit();
    if (c.shutdown_when_sent) {
      // Section 9.2: SHUTDOWN-PENDING and SHUTDOWN-RECEIVED still send what
      // is queued (both ways) before the association closes.
      if (!shutdown_started && a_sender.done() && b_sender.done()) {
        net.a.socket().shutdown();
        shutdown_started = true;
      }
      return shutdown_started && net.both_closed();
    }
    // Delivered counts may include unreliable messages: compare against what
    // must arrive at least, then require the senders to be drained.
    return a_sender.done() && b_sender.done() && net.b.events.messages.size() >= a_reliable &&
           net.a.events.messages.size() >= b_reliable && quiet(net.a) && quiet(net.b) &&
           a_reader.caught_up() && b_reader.caught_up();
  };
  const bool delivered = net.run_until(all_delivered, c.time_limit);
  result.duration = net.loop.now() - start;
  if (!delivered) {
    const Metrics am = net.a.socket().metrics();
    const Metrics bm = net.b.socket().metrics();
    failures.push_back(
        "not finished after " + std::to_string(c.time_limit.count()) + " ms: b got " +
        std::to_string(net.b.events.messages.size()) + "/" + std::to_string(a_reliable) +
        ", a got " + std::to_string(net.a.events.messages.size()) + "/" +
        std::to_string(b_reliable) + "; a: state " + to_string(am.state) + " buffered " +
        std::to_string(am.buffered_amount) + " in flight " + std::to_string(am.bytes_in_flight) +
        " peer_rwnd " + std::to_string(am.peer_rwnd) + "; b: state " + to_string(bm.state) +
        " buffered " + std::to_string(bm.buffered_amount) + " in flight " +
        std::to_string(bm.bytes_in_flight) + " peer_rwnd " + std::to_string(bm.peer_rwnd));
  }
  // Anything the receivers still hold (an incomplete message of an abandoned
  // unreliable one waits for its FORWARD TSN) must drain.
  if (!net.run_until(
          [&] {
            audit();
            return net.a.socket().metrics().receive_buffered_bytes == 0 &&
                   net.b.socket().metrics().receive_buffered_bytes == 0;
          },
          DurationMs(60000))) {
    failures.push_back("receivers still hold " +
                       std::to_string(net.a.socket().metrics().receive_buffered_bytes) + " / " +
                       std::to_string(net.b.socket().metrics().receive_buffered_bytes) + " bytes");
  }
  a_reader.stop();
  b_reader.stop();

  check_deliveries("a->b", a_sender.plan(), net.b.events.messages, seed, 0, failures);
  check_deliveries("b->a", b_sender.plan(), net.a.events.messages, seed, 1, failures);
  result.messages_delivered = net.a.events.messages.size() + net.b.events.messages.size();

  // Section 9.2: a graceful shutdown ends the run; nothing may be left.
  // First let the packets still on the links (late duplicates and the SACKs
  // they draw) arrive: one that reaches an endpoint after it closed is out
  // of the blue and draws an ABORT (8.4 rule 8), which would abort a peer
  // still in SHUTDOWN-ACK-SENT -- correct, but not a clean close.
  if (!shutdown_started) {
    net.run_until(
        [&] {
          audit();
          return false;
        },
        DurationMs(1000));
    net.a.socket().shutdown();
  }
  if (!net.run_until(
          [&] {
            audit();
            return net.both_closed();
          },
          DurationMs(300000))) {
    failures.push_back("shutdown did not complete");
  }
  for (Endpoint* e : {&net.a, &net.b}) {
    if (e->events.closed != 1) failures.push_back(e->name() + ": on_closed not reported once");
    for (const auto& [kind, reason] : e->events.aborted)
      failures.push_back(e->name() + ": aborted: " + to_string(kind) + " " + reason);
    const Metrics m = e->socket().metrics();
    result.t3_expirations += m.t3_expirations;
    result.fast_retransmissions += m.fast_retransmissions;
    result.retransmitted_chunks += m.data_chunks_retransmitted;
  }
  for (const CwndAuditor* auditor : {&a_cwnd, &b_cwnd}) {
    for (const std::string& v : auditor->violations())
      failures.push_back("congestion control: " + v);
  }
  result.tsn_wraps = (a_tsns.saw_low_after_high ? 1 : 0) + (b_tsns.saw_low_after_high ? 1 : 0);
  result.link_drops = net.a_to_b.dropped() + net.b_to_a.dropped();
  return result;
}

}  // namespace sctp::scenario
