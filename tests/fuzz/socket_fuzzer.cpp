// libFuzzer target: two sockets with an established association, driven by a
// script the fuzzer writes. Unlike packet_fuzzer, which reaches only the
// parsers, this reaches the state machines behind them: data tracking,
// reassembly, SACK processing, retransmission, stream reset, shutdown.
//
// Each input first brings up an association between sockets A and B over an
// in-memory link on a virtual clock, then runs the script: hostile packets
// into either socket (the common header of a genuine packet and a valid
// CRC32c are put in front, so they get past the checks of RFC 9260 sections
// 6.8 and 8.5 and reach the chunk handlers), raw packets, time passing,
// delivery or loss of the genuine packets in flight, user sends, stream
// resets, shutdown and abort. Afterwards the association runs on for a while
// (retransmissions, SACKs, shutdown or failure handling).
//
// What must hold, whatever the input (RFC 9260 "never crash on bad input"):
// no crash, no sanitizer report, every packet a socket emits parses with a
// valid checksum, fits the MTU and has only chunks that parse, no socket
// answers with a packet storm, and no timer fires again and again without
// time passing.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include "fuzz_check.h"
#include "packet/chunk.h"
#include "packet/common_header.h"
#include "packet/crc32c.h"
#include "packet/packet_view.h"
#include "sctp/socket.h"

namespace sctp::fuzz {
namespace {

constexpr size_t kMtu = 1200;
// More packets than this queued at once means a socket is answering in a
// loop (every legitimate burst here is bounded by cwnd and max burst).
constexpr size_t kStormLimit = 4096;
constexpr int kSettleRounds = 120;
constexpr uint8_t kData = 0;
constexpr uint8_t kSack = 3;
constexpr uint8_t kIData = 64;
constexpr uint8_t kForwardTsn = 192;
constexpr uint8_t kIForwardTsn = 194;

// Reads the fuzzer's script; past the end every read returns zero.
class Script {
 public:
  Script(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  [[nodiscard]] bool done() const { return offset_ >= size_; }
  uint8_t u8() { return offset_ < size_ ? data_[offset_++] : 0; }
  uint16_t u16() { return uint16_t(u8() << 8 | u8()); }
  ByteSpan take(size_t n) {
    n = std::min(n, size_ - std::min(offset_, size_));
    ByteSpan bytes(data_ + offset_, n);
    offset_ += n;
    return bytes;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t offset_ = 0;
};

class Clock {
 public:
  [[nodiscard]] TimeMs now() const { return now_; }
  void advance(DurationMs by) { now_ = now_ + by; }

 private:
  TimeMs now_{1'000'000};
};

// Every packet a socket emits must be a well-formed SCTP packet.
void check_emitted(ByteSpan packet) {
  check(packet.size() <= kMtu, "emitted packet larger than the MTU");
  check(verify_packet_checksum(packet), "emitted packet: bad checksum");
  auto view = PacketView::parse(packet);
  check(static_cast<bool>(view), "emitted packet does not parse");
  check(view->chunk_count() > 0, "emitted packet without chunks");
  for (const RawChunk& raw : *view)
    check(static_cast<bool>(parse_chunk(raw)), "emitted chunk does not parse");
}

class Endpoint : public SocketCallbacks {
 public:
  Endpoint(Clock& clock, uint32_t seed, std::deque<std::vector<uint8_t>>& outbox)
      : clock_(clock), rng_(seed), outbox_(outbox) {}

  void send_packet(std::span<const uint8_t> packet) override {
    check_emitted(packet);
    last_header_.assign(packet.begin(), packet.begin() + kCommonHeaderSize);
    const auto view = PacketView::parse(packet);  // checked by check_emitted
    for (const RawChunk& raw : *view)
      if ((raw.type == kData || raw.type == kIData) && raw.value.size() >= 4)
        last_tsn_sent_ = load_be32(raw.value.data());
    outbox_.emplace_back(packet.begin(), packet.end());
    check(outbox_.size() < kStormLimit, "packet storm");
  }
  TimeMs now() override { return clock_.now(); }
  void start_timer(TimerId id, DurationMs duration) override {
    timers_[id.value] = clock_.now() + duration;
  }
  void stop_timer(TimerId id) override { timers_.erase(id.value); }
  uint32_t random_u32() override {
    // xorshift32: deterministic, so a crashing input reproduces.
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 17;
    rng_ ^= rng_ << 5;
    return rng_;
  }
  void on_message(Message message) override { delivered_bytes_ += message.payload.size(); }
  void on_connected() override { connected_ = true; }

  // Fires the timers that are due, earliest first; a handler may start new ones.
  void fire_due_timers(Socket& socket) {
    for (int guard = 0; guard < 1000; ++guard) {
      auto due = timers_.end();
      for (auto it = timers_.begin(); it != timers_.end(); ++it)
        if (it->second <= clock_.now() && (due == timers_.end() || it->second < due->second))
          due = it;
      if (due == timers_.end()) return;
      const TimerId id{due->first};
      timers_.erase(due);
      socket.handle_timeout(id);
    }
    fail("timers keep firing without time passing");
  }

  [[nodiscard]] bool connected() const { return connected_; }
  [[nodiscard]] const std::vector<uint8_t>& last_header() const { return last_header_; }
  [[nodiscard]] uint32_t last_tsn_sent() const { return last_tsn_sent_; }

 private:
  Clock& clock_;
  uint32_t rng_;
  std::deque<std::vector<uint8_t>>& outbox_;
  std::map<uint64_t, TimeMs> timers_;
  std::vector<uint8_t> last_header_;
  uint32_t last_tsn_sent_ = 0;
  size_t delivered_bytes_ = 0;
  bool connected_ = false;
};

SocketOptions options_for(uint16_t local, uint16_t remote) {
  SocketOptions o;
  o.local_port = local;
  o.remote_port = remote;
  o.mtu = kMtu;
  o.announced_outbound_streams = 16;
  o.announced_inbound_streams = 16;
  o.receive_window = 64 * 1024;
  o.send_buffer_size = 256 * 1024;
  o.max_message_size = 64 * 1024;
  o.max_init_retransmits = 3;
  o.max_association_retransmits = 4;
  o.rto_max = DurationMs(4000);
  o.max_init_timeout = DurationMs(4000);
  o.heartbeat_interval = DurationMs(3000);
  return o;
}

class Harness {
 public:
  explicit Harness(bool interleaving)
      : a_cb_(clock_, 0x1234567u, to_b_),
        b_cb_(clock_, 0x7654321u, to_a_),
        a_(with_interleaving(options_for(5000, 5001), interleaving), a_cb_),
        b_(with_interleaving(options_for(5001, 5000), interleaving), b_cb_) {}

  // Brings the association up and puts a little data in flight both ways,
  // so the script starts with state in every queue.
  bool establish() {
    a_.connect();
    for (int i = 0; i < 20 && !(a_cb_.connected() && b_cb_.connected()); ++i)
      deliver_all();
    if (!(a_cb_.connected() && b_cb_.connected())) return false;
    const std::vector<uint8_t> payload(3000, 0x5A);
    (void)a_.send(StreamId(1), payload, {});
    (void)b_.send(StreamId(2), std::span(payload).first(100), {});
    deliver_one_way(to_b_, b_);
    return true;
  }

  void run(Script& script) {
    while (!script.done()) {
      const uint8_t op = script.u8();
      // With the high bit set, TSN fields are offsets from the genuine ones.
      const bool relative = op & 0x80;
      switch (op % 8) {
        case 0:  // chunks into B behind a genuine header
          inject(b_, a_cb_, b_cb_, relative, script);
          break;
        case 1:  // chunks into A behind a genuine header
          inject(a_, b_cb_, a_cb_, relative, script);
          break;
        case 2:  // a whole packet into B, only the checksum fixed
          inject_raw(b_, script);
          break;
        case 3:
          advance(DurationMs(int64_t(script.u8()) * 20));
          break;
        case 4:
          deliver_all();
          break;
        case 5:
          user_send(script);
          break;
        case 6:
          user_control(script);
          break;
        case 7:  // loss of everything in flight in one direction
          (script.u8() & 1 ? to_a_ : to_b_).clear();
          break;
      }
    }
    settle();
  }

 private:
  static SocketOptions with_interleaving(SocketOptions o, bool on) {
    o.enable_message_interleaving = on;
    return o;
  }

  // `sender` is the endpoint whose genuine header is borrowed, so the packet
  // passes `target`'s verification tag check (RFC 9260 section 8.5).
  void inject(Socket& target, const Endpoint& sender, const Endpoint& receiver, bool relative,
              Script& script) {
    const size_t length = std::min<size_t>(script.u16(), 0x10000);
    const ByteSpan chunks = script.take(length);
    const std::vector<uint8_t>& header = sender.last_header();
    packet_.assign(header.begin(), header.end());
    packet_.insert(packet_.end(), chunks.begin(), chunks.end());
    if (packet_.size() < kCommonHeaderSize) return;
    if (relative) rebase_tsns(sender.last_tsn_sent(), receiver.last_tsn_sent());
    write_packet_checksum(packet_);
    target.receive_packet(packet_);
  }

  // Turns the first field of DATA, I-DATA, FORWARD TSN and I-FORWARD TSN
  // (a TSN of the sender's) and of SACK (a TSN of the receiver's, acked) from
  // an offset into a TSN near the genuine ones, so the fuzzer reaches the
  // in-window paths without guessing 32-bit values.
  void rebase_tsns(uint32_t sender_tsn, uint32_t receiver_tsn) {
    size_t offset = kCommonHeaderSize;
    while (offset + 8 <= packet_.size()) {
      const uint8_t type = packet_[offset];
      const size_t length = load_be16(packet_.data() + offset + 2);
      uint8_t* field = packet_.data() + offset + 4;
      if (type == kData || type == kIData || type == kForwardTsn || type == kIForwardTsn)
        store_be32(field, sender_tsn + load_be32(field));
      else if (type == kSack)
        store_be32(field, receiver_tsn + load_be32(field));
      if (length < 4) break;
      offset += (length + 3) & ~size_t(3);
    }
  }

  void inject_raw(Socket& target, Script& script) {
    const ByteSpan bytes = script.take(script.u16());
    packet_.assign(bytes.begin(), bytes.end());
    if (packet_.size() >= kCommonHeaderSize) write_packet_checksum(packet_);
    target.receive_packet(packet_);
  }

  void user_send(Script& script) {
    const uint8_t flags = script.u8();
    const StreamId stream(uint16_t(script.u8() % 20));  // some beyond the 16 negotiated
    const size_t size = script.u16() % (70 * 1024);     // some above max_message_size
    SendOptions o;
    o.unordered = flags & 1;
    if (flags & 2) o.max_retransmissions = flags >> 4;
    if (flags & 4) o.lifetime = DurationMs(int64_t(flags >> 3) * 10);
    payload_.assign(size, uint8_t(flags));
    (void)(flags & 8 ? b_ : a_).send(stream, payload_, o);
  }

  void user_control(Script& script) {
    const uint8_t what = script.u8();
    Socket& socket = what & 1 ? b_ : a_;
    switch ((what >> 1) % 5) {
      case 0: {
        const StreamId streams[] = {StreamId(uint16_t(what >> 4)), StreamId(1)};
        (void)socket.reset_streams(streams);
        break;
      }
      case 1:
        socket.shutdown();
        break;
      case 2:
        socket.abort("fuzz");
        break;
      case 3:
        socket.connect();
        break;
      case 4:
        socket.set_total_buffered_amount_low_threshold(size_t(what) * 100);
        break;
    }
  }

  void deliver_one_way(std::deque<std::vector<uint8_t>>& queue, Socket& to) {
    // Packets sent in response are queued behind; deliver only what was there.
    for (size_t n = queue.size(); n > 0 && !queue.empty(); --n) {
      const std::vector<uint8_t> packet = std::move(queue.front());
      queue.pop_front();
      to.receive_packet(packet);
    }
  }

  void deliver_all() {
    deliver_one_way(to_b_, b_);
    deliver_one_way(to_a_, a_);
  }

  void advance(DurationMs by) {
    clock_.advance(by);
    a_cb_.fire_due_timers(a_);
    b_cb_.fire_due_timers(b_);
  }

  // Lets the association run on, so that what the script left behind
  // (retransmissions, SACKs, shutdown, failure) is handled too.
  void settle() {
    for (int round = 0; round < kSettleRounds; ++round) {
      deliver_all();
      if (to_a_.empty() && to_b_.empty()) advance(DurationMs(500));
    }
  }

  Clock clock_;
  std::deque<std::vector<uint8_t>> to_a_;
  std::deque<std::vector<uint8_t>> to_b_;
  Endpoint a_cb_;
  Endpoint b_cb_;
  Socket a_;
  Socket b_;
  std::vector<uint8_t> packet_;
  std::vector<uint8_t> payload_;
};

}  // namespace
}  // namespace sctp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks DATA or I-DATA (RFC 8260) for the association.
  sctp::fuzz::Harness harness((data[0] & 1) != 0);
  sctp::fuzz::check(harness.establish(), "association did not come up on a clean link");
  sctp::fuzz::Script script(data + 1, size - 1);
  harness.run(script);
  return 0;
}
