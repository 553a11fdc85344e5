// Checks, between any two observations of one socket's Metrics, that its
// congestion window moved only as RFC 9260 section 7.2 allows:
//   - cwnd is never below 1 MTU while the association has a data path;
//   - it grows by at most 1 MTU per received SACK (or SHUTDOWN) chunk
//     (7.2.1 slow start: at most one MTU per SACK; 7.2.2 congestion
//     avoidance: one MTU per cwnd acked);
//   - after a T3-rtx expiry, cwnd = 1 MTU and ssthresh = max(cwnd/2, 4*MTU)
//     of the cwnd before the expiry (7.2.3);
//   - when fast retransmit starts Fast Recovery, ssthresh = max(cwnd/2,
//     4*MTU) and cwnd = ssthresh (7.2.4 step 2 with 7.2.3; taken literally,
//     this raises a cwnd below 4*MTU, e.g. after a T3-rtx expiry, to 4*MTU;
//     the idle-path rule may then lower cwnd before the retransmission);
//   - any other decrease is the idle-path rule (7.2.1): cwnd halved one or
//     more times, never below 4*MTU, ssthresh untouched;
//   - ssthresh changes only on a T3-rtx expiry or a fast retransmit.
// The scenario loop observes after every event, so each step is one packet
// arrival or one timer expiry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sctp/types.h"

namespace sctp::scenario {

class CwndAuditor {
 public:
  explicit CwndAuditor(size_t mtu) : mtu_(mtu) {}

  // Compares `now` with the previous observation; records any violation.
  // `ack_chunks`: SACK and SHUTDOWN chunks the socket received in this step.
  // Each may grow cwnd by up to one MTU (7.2.1 counts per SACK; a SHUTDOWN's
  // Cumulative TSN Ack acknowledges data too, 9.2), and one packet can carry
  // several, e.g. a stale SHUTDOWN, a SACK and a fresh SHUTDOWN.
  void observe(const Metrics& now, size_t ack_chunks = 1);

  [[nodiscard]] const std::vector<std::string>& violations() const { return violations_; }
  // How often each rule was seen in action (to show a run exercised it).
  [[nodiscard]] uint64_t t3_reductions() const { return t3_reductions_; }
  [[nodiscard]] uint64_t fast_recovery_reductions() const { return fast_recovery_reductions_; }
  [[nodiscard]] uint64_t idle_reductions() const { return idle_reductions_; }
  [[nodiscard]] size_t max_cwnd() const { return max_cwnd_; }

 private:
  struct Snapshot {
    size_t cwnd;
    size_t ssthresh;
    uint64_t t3_expirations;
    uint64_t fast_retransmissions;
  };
  void fail(const std::string& what, const Snapshot& before, const Snapshot& after);
  [[nodiscard]] bool is_idle_reduction(size_t before, size_t after) const;

  size_t mtu_;
  std::optional<Snapshot> previous_;
  std::vector<std::string> violations_;
  uint64_t t3_reductions_ = 0;
  uint64_t fast_recovery_reductions_ = 0;
  uint64_t idle_reductions_ = 0;
  size_t max_cwnd_ = 0;
};

}  // namespace sctp::scenario
