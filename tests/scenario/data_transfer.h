// One seeded data-transfer run over the simulated link (RFC 9260 sections 6
// and 7): a workload of messages of random sizes on several ordered,
// unordered and mixed streams, sent over time in one or both directions,
// then a graceful shutdown. Checks on every run:
//   - every message is delivered exactly once, on its stream, with its
//     ordering flag and its exact payload (the PPID carries its index);
//   - ordered messages of a stream arrive in the order they were sent (6.6);
//   - every reliable message arrives (6.3: loss is repaired), while
//     partially reliable ones (RFC 3758) arrive at most once;
//   - at the end nothing is in flight, queued, or held by the receiver, and
//     the association shuts down cleanly (9.2);
//   - the congestion window follows section 7.2 at every step (CwndAuditor).
// A run also records what it exercised (T3 expiries, fast retransmits,
// window-limited time...) so a test can tell that a config really
// exercised what it is named after.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sctp/options.h"
#include "simulated_link.h"

namespace sctp::scenario {

struct TransferConfig {
  std::string name;
  LinkConfig a_to_b;
  LinkConfig b_to_a;
  int messages = 100;            // per sending direction
  bool both_directions = false;  // b also sends its own workload to a
  size_t max_message_size = 64 * 1024;
  int streams = 4;  // stream s: s % 3 == 0 ordered, 1 unordered, 2 mixed
  // An extra stream carrying unordered messages that are never retransmitted
  // (RFC 3758 / 7496 max_retransmissions = 0).
  bool unreliable_stream = false;
  DurationMs send_spread{1000};  // messages are sent at random times in [0, spread]
  SocketOptions options;         // both ends
  // Initial TSN = 2^32 - offset (TSN wraparound), per end.
  std::optional<uint32_t> a_initial_tsn_below_wrap;
  std::optional<uint32_t> b_initial_tsn_below_wrap;
  // Slow reader at the receiver(s): with a rate, the application consumes
  // delivered bytes at this many bytes per second (manual_receive_window).
  uint64_t reader_bytes_per_s = 0;
  // Shut down (section 9.2) as soon as the last message was handed to
  // send(), while data is still queued and in flight, instead of after all
  // of it was delivered.
  bool shutdown_when_sent = false;
  DurationMs time_limit{600000};
};

struct TransferResult {
  std::vector<std::string> failures;  // empty: every invariant held
  uint64_t messages_delivered = 0;
  uint64_t t3_expirations = 0;
  uint64_t fast_retransmissions = 0;
  uint64_t retransmitted_chunks = 0;
  uint64_t zero_window_observations = 0;  // steps where a sender saw peer rwnd 0
  uint64_t tsn_wraps = 0;                 // directions whose TSN passed 2^32
  uint64_t link_drops = 0;
  DurationMs duration{0};  // virtual time until all data was delivered
};

TransferResult run_transfer(const TransferConfig& config, uint64_t seed);

}  // namespace sctp::scenario
