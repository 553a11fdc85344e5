// Bulk transfer between two SCTP endpoints in one process over an in-memory
// link: ours <-> ours, ours <-> usrsctp (each direction) and usrsctp <->
// usrsctp as the baseline, all in the same run so ours can be reported as
// ratios against usrsctp. Not a test: prints figures.
//
//   core-transfer-bench [--bytes N] [--message-size N] [--ordered|--unordered]
//                       [--loss P] [--mode all|ours-ours|ours-usrsctp|
//                        usrsctp-ours|usrsctp-usrsctp] [--seed N]
//
// Goodput counts payload bytes delivered to the receiving application per
// wall-clock second, from the association being up to the last byte
// arriving. CPU is getrusage (user + sys) of the whole process over the same
// span (usrsctp's timer thread included). Allocations are operator new
// calls between 25 % and 75 % of the transfer, per packet on the link (data
// and SACK packets both ways) and per message delivered.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alloc_counter.h"
#include "bench_clock.h"
#include "memory_link.h"
#include "ours_endpoint.h"
#include "sctp/socket.h"
#include "transfer_endpoint.h"
#if SCTP_BENCH_HAVE_USRSCTP
#include "usrsctp_endpoint.h"
#endif

namespace sctp::bench {
namespace {

struct Config {
  uint64_t bytes = uint64_t{1} << 30;
  size_t message_size = 16 * 1024;
  bool unordered = false;
  double loss = 0;
  std::string mode = "all";
  uint64_t seed = 1;
};

struct Result {
  std::string name;
  bool completed = false;
  double seconds = 0;
  double cpu_seconds = 0;
  uint64_t bytes = 0;
  MemoryLink::Counters to_receiver;
  MemoryLink::Counters to_sender;
  uint64_t retransmissions = 0;
  std::string recovery;  // the sender's recovery_summary()
  double allocations_per_packet = 0;
  double allocations_per_message = 0;

  [[nodiscard]] double megabytes_per_second() const { return double(bytes) / seconds / 1e6; }
  [[nodiscard]] double megabits_per_second() const { return double(bytes) * 8 / seconds / 1e6; }
  [[nodiscard]] double cpu_seconds_per_gb() const { return cpu_seconds / (double(bytes) / 1e9); }
};

double cpu_seconds_now() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Delivers every packet queued towards `to`; returns how many.
size_t deliver(MemoryLink& link, Direction direction, TransferEndpoint& to,
               std::vector<MemoryLink::Packet>& batch) {
  link.take(direction, batch);
  const size_t n = batch.size();
  for (const auto& packet : batch)
    to.receive(packet);
  link.recycle(batch);
  return n;
}

Result run_transfer(const std::string& name, TransferEndpoint& sender, TransferEndpoint& receiver,
                    MemoryLink& link, BenchClock& clock, const Config& config) {
  using Clock = std::chrono::steady_clock;
  Result result;
  result.name = name;
  std::vector<MemoryLink::Packet> batch;
  batch.reserve(4096);
  const std::vector<uint8_t> message(config.message_size, 0x5a);
  const uint64_t total_messages = (config.bytes + config.message_size - 1) / config.message_size;
  const uint64_t total_bytes = total_messages * config.message_size;
  uint64_t messages_sent = 0;

  receiver.start();
  sender.start();
  const auto give_up = Clock::now() + std::chrono::minutes(5);
  bool measuring = false;
  Clock::time_point started;
  double cpu_started = 0;
  uint64_t retransmissions_before = sender.retransmissions();
  // Steady-state allocation window.
  std::optional<uint64_t> window_allocations;
  uint64_t window_packets = 0;
  uint64_t window_messages = 0;

  while (receiver.payload_bytes_received() < total_bytes) {
    if (Clock::now() > give_up) {
      std::fprintf(stderr, "%s: gave up after 5 minutes (%llu of %llu bytes)\n", name.c_str(),
                   static_cast<unsigned long long>(receiver.payload_bytes_received()),
                   static_cast<unsigned long long>(total_bytes));
      return result;
    }
    sender.poll();
    receiver.poll();
    if (!measuring && sender.established()) {
      measuring = true;
      started = Clock::now();
      cpu_started = cpu_seconds_now();
      retransmissions_before = sender.retransmissions();
    }
    size_t progress = 0;
    if (measuring && messages_sent < total_messages) {
      const uint64_t n =
          sender.send_some(message, config.unordered, total_messages - messages_sent);
      messages_sent += n;
      progress += n;
    }
    progress += deliver(link, Direction::kToReceiver, receiver, batch);
    progress += deliver(link, Direction::kToSender, sender, batch);
    sender.fire_due_timers();
    receiver.fire_due_timers();

    const uint64_t received = receiver.payload_bytes_received();
    if (!window_allocations && received >= total_bytes / 4) {
      window_allocations = heap_allocations();
      window_packets = link.counters(Direction::kToReceiver).packets +
                       link.counters(Direction::kToSender).packets;
      window_messages = receiver.messages_received();
    } else if (window_allocations && window_packets != 0 && received >= total_bytes * 3 / 4) {
      const uint64_t packets = link.counters(Direction::kToReceiver).packets +
                               link.counters(Direction::kToSender).packets - window_packets;
      const uint64_t messages = receiver.messages_received() - window_messages;
      const double allocations = double(heap_allocations() - *window_allocations);
      result.allocations_per_packet = packets == 0 ? 0 : allocations / double(packets);
      result.allocations_per_message = messages == 0 ? 0 : allocations / double(messages);
      window_packets = 0;  // measured once
    }

    if (progress == 0) {
      if (clock.is_virtual()) {
        // Nothing can happen until a timer fires: jump there (never sleep).
        std::optional<int64_t> next = sender.next_timer_ms();
        const std::optional<int64_t> r = receiver.next_timer_ms();
        if (r && (!next || *r < *next)) next = r;
        if (!next) {
          std::fprintf(stderr, "%s: stalled with no timer pending\n", name.c_str());
          return result;
        }
        clock.advance_to(*next);
      } else {
        link.wait_for_packets(std::chrono::microseconds(500));
      }
    }
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  result.cpu_seconds = cpu_seconds_now() - cpu_started;
  result.bytes = receiver.payload_bytes_received();
  result.to_receiver = link.counters(Direction::kToReceiver);
  result.to_sender = link.counters(Direction::kToSender);
  result.retransmissions = sender.retransmissions() - retransmissions_before;
  result.recovery = sender.recovery_summary();
  result.completed = true;
  return result;
}

Result run_mode(const std::string& mode, const Config& config) {
  const SocketOptions options;  // the defaults: 1200-byte MTU, 2 MiB send buffer, 1 MiB a_rwnd
  MemoryLink link(config.loss, config.seed);
  if (mode == "ours-ours") {
    BenchClock clock(/*is_virtual=*/true);
    OursEndpoint sender(options, true, link, Direction::kToReceiver, clock, config.seed * 2 + 1);
    OursEndpoint receiver(options, false, link, Direction::kToSender, clock, config.seed * 2 + 2);
    return run_transfer(mode, sender, receiver, link, clock, config);
  }
#if SCTP_BENCH_HAVE_USRSCTP
  // A fresh AF_CONN address per run: a closed association of an earlier run
  // may still hold the previous one inside usrsctp for a while.
  static uintptr_t next_address = 0x1000;
  void* address = reinterpret_cast<void*>(next_address);
  next_address += 16;
  BenchClock clock(/*is_virtual=*/false);
  if (mode == "usrsctp-usrsctp") {
    UsrsctpEndpoint receiver(address, 5002, 5001, false, link, Direction::kToSender,
                             options.send_buffer_size, options.receive_window, options.mtu);
    UsrsctpEndpoint sender(address, 5001, 5002, true, link, Direction::kToReceiver,
                           options.send_buffer_size, options.receive_window, options.mtu);
    return run_transfer(mode, sender, receiver, link, clock, config);
  }
  if (mode == "ours-usrsctp") {
    UsrsctpEndpoint receiver(address, 5000, 5000, false, link, Direction::kToSender,
                             options.send_buffer_size, options.receive_window, options.mtu);
    OursEndpoint sender(options, true, link, Direction::kToReceiver, clock, config.seed);
    return run_transfer(mode, sender, receiver, link, clock, config);
  }
  if (mode == "usrsctp-ours") {
    OursEndpoint receiver(options, false, link, Direction::kToSender, clock, config.seed);
    UsrsctpEndpoint sender(address, 5000, 5000, true, link, Direction::kToReceiver,
                           options.send_buffer_size, options.receive_window, options.mtu);
    return run_transfer(mode, sender, receiver, link, clock, config);
  }
#endif
  std::fprintf(stderr, "unknown or unavailable mode: %s\n", mode.c_str());
  std::exit(2);
}

void print_result(const Result& r) {
  if (!r.completed) {
    std::printf("%-16s  did not complete\n", r.name.c_str());
    return;
  }
  std::printf(
      "%-16s %8.1f MB/s %8.0f Mbit/s  cpu %6.2f s/GB  pkts %9llu/%8llu (lost %llu/%llu, "
      "max %zu B)  rtx %6llu%s%s  allocs/pkt %.2f /msg %.2f\n",
      r.name.c_str(), r.megabytes_per_second(), r.megabits_per_second(), r.cpu_seconds_per_gb(),
      static_cast<unsigned long long>(r.to_receiver.packets),
      static_cast<unsigned long long>(r.to_sender.packets),
      static_cast<unsigned long long>(r.to_receiver.dropped),
      static_cast<unsigned long long>(r.to_sender.dropped), r.to_receiver.largest,
      static_cast<unsigned long long>(r.retransmissions), r.recovery.empty() ? "" : " ",
      r.recovery.c_str(), r.allocations_per_packet, r.allocations_per_message);
  std::fflush(stdout);
}

const Result* find(const std::vector<Result>& results, const std::string& name) {
  for (const Result& r : results)
    if (r.name == name && r.completed) return &r;
  return nullptr;
}

void print_ratios(const std::vector<Result>& results) {
  const Result* baseline = find(results, "usrsctp-usrsctp");
  if (baseline == nullptr) return;
  std::printf(
      "\nratios against usrsctp-usrsctp in this run (goodput: higher is better; "
      "CPU per GB: lower is better)\n");
  for (const char* name : {"ours-ours", "ours-usrsctp", "usrsctp-ours"}) {
    const Result* r = find(results, name);
    if (r == nullptr) continue;
    std::printf("%-16s goodput x%.2f  cpu/GB x%.2f\n", name,
                r->megabytes_per_second() / baseline->megabytes_per_second(),
                r->cpu_seconds_per_gb() / baseline->cpu_seconds_per_gb());
  }
}

bool parse_args(int argc, char** argv, Config& config) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--ordered") {
      config.unordered = false;
    } else if (arg == "--unordered") {
      config.unordered = true;
    } else if (arg == "--bytes" || arg == "--message-size" || arg == "--loss" || arg == "--mode" ||
               arg == "--seed") {
      const char* v = value();
      if (v == nullptr) return false;
      if (arg == "--bytes") config.bytes = std::strtoull(v, nullptr, 10);
      if (arg == "--message-size") config.message_size = std::strtoull(v, nullptr, 10);
      if (arg == "--loss") config.loss = std::strtod(v, nullptr);
      if (arg == "--mode") config.mode = v;
      if (arg == "--seed") config.seed = std::strtoull(v, nullptr, 10);
    } else {
      return false;
    }
  }
  return config.bytes > 0 && config.message_size > 0 && config.loss >= 0 && config.loss < 1;
}

}  // namespace
}  // namespace sctp::bench

int main(int argc, char** argv) {
  using namespace sctp::bench;
  Config config;
  if (!parse_args(argc, argv, config)) {
    std::fprintf(stderr,
                 "usage: %s [--bytes N] [--message-size N] [--ordered|--unordered] [--loss P] "
                 "[--mode all|ours-ours|ours-usrsctp|usrsctp-ours|usrsctp-usrsctp] [--seed N]\n",
                 argv[0]);
    return 2;
  }
  std::vector<std::string> modes;
  if (config.mode == "all") {
    modes = {"ours-ours"};
#if SCTP_BENCH_HAVE_USRSCTP
    modes.insert(modes.end(), {"ours-usrsctp", "usrsctp-ours", "usrsctp-usrsctp"});
#endif
  } else {
    modes = {config.mode};
  }
  std::printf("transfer of %llu bytes in %zu-byte %s messages, loss %.3f %%, 1200-byte MTU\n",
              static_cast<unsigned long long>(config.bytes), config.message_size,
              config.unordered ? "unordered" : "ordered", config.loss * 100);
  std::vector<Result> results;
  bool all_completed = true;
  for (const std::string& mode : modes) {
    results.push_back(run_mode(mode, config));
    print_result(results.back());
    all_completed = all_completed && results.back().completed;
  }
  print_ratios(results);
  return all_completed ? 0 : 1;
}
