#include "cwnd_auditor.h"

#include <algorithm>

namespace sctp::scenario {

void CwndAuditor::fail(const std::string& what, const Snapshot& before, const Snapshot& after) {
  // A broken rule usually breaks at every later step too: keep the first few.
  if (violations_.size() >= 5) return;
  violations_.push_back(what + " (cwnd " + std::to_string(before.cwnd) + " -> " +
                        std::to_string(after.cwnd) + ", ssthresh " +
                        std::to_string(before.ssthresh) + " -> " + std::to_string(after.ssthresh) +
                        ", MTU " + std::to_string(mtu_) + ")");
}

bool CwndAuditor::is_idle_reduction(size_t before, size_t after) const {
  // 7.2.1: cwnd = max(cwnd/2, 4*MTU) once per RTO of idleness; a SACK in the
  // same step may have grown cwnd by up to one MTU first.
  if (after == 4 * mtu_) return true;
  for (int k = 1; k < 64; ++k) {
    if ((before >> k) <= after && after <= ((before + mtu_) >> k)) return true;
  }
  return false;
}

void CwndAuditor::observe(const Metrics& m, size_t ack_chunks) {
  const bool has_data_path =
      (m.state == SocketState::kConnected || m.state == SocketState::kShuttingDown) && m.cwnd > 0;
  if (!has_data_path) {
    previous_.reset();
    return;
  }
  const Snapshot now{m.cwnd, m.ssthresh, m.t3_expirations, m.fast_retransmissions};
  max_cwnd_ = std::max(max_cwnd_, now.cwnd);
  if (now.cwnd < mtu_) fail("cwnd below 1 MTU", previous_.value_or(now), now);
  if (!previous_) {
    previous_ = now;
    return;
  }
  const Snapshot before = *previous_;
  previous_ = now;
  const bool t3 = now.t3_expirations > before.t3_expirations;
  const bool fast_retransmit = now.fast_retransmissions > before.fast_retransmissions;
  if (t3) {
    ++t3_reductions_;
    if (now.cwnd != mtu_) fail("7.2.3: cwnd after T3-rtx expiry is not 1 MTU", before, now);
    if (now.ssthresh != std::max(before.cwnd / 2, 4 * mtu_)) {
      fail("7.2.3: ssthresh after T3-rtx expiry is not max(cwnd/2, 4*MTU)", before, now);
    }
    return;
  }
  if (fast_retransmit && (now.cwnd != before.cwnd || now.ssthresh != before.ssthresh)) {
    // Fast Recovery began. 7.2.3 applies literally, so a cwnd below 4*MTU
    // (after a T3-rtx expiry) rises to 4*MTU here. A SACK may have grown
    // cwnd by up to one MTU just before the reduction.
    ++fast_recovery_reductions_;
    const size_t low = std::max(before.cwnd / 2, 4 * mtu_);
    const size_t high =
        std::max((before.cwnd + std::max<size_t>(ack_chunks, 1) * mtu_) / 2, 4 * mtu_);
    if (now.ssthresh < low || now.ssthresh > high) {
      fail("7.2.4/7.2.3: ssthresh at fast retransmit is not max(cwnd/2, 4*MTU)", before, now);
    }
    // The idle-path rule (7.2.1) may lower cwnd further before the
    // retransmission goes out, when nothing was sent for an RTO.
    if (now.cwnd != now.ssthresh &&
        !(now.cwnd < now.ssthresh && is_idle_reduction(now.ssthresh, now.cwnd))) {
      fail("7.2.4: cwnd at fast retransmit is not ssthresh", before, now);
    }
    return;
  }
  if (now.cwnd > before.cwnd) {
    if (now.cwnd - before.cwnd > std::max<size_t>(ack_chunks, 1) * mtu_) {
      fail("7.2.1/7.2.2: cwnd grew by more than 1 MTU per SACK", before, now);
    }
    if (now.ssthresh != before.ssthresh) fail("ssthresh changed while cwnd grew", before, now);
    return;
  }
  if (now.cwnd < before.cwnd) {
    ++idle_reductions_;
    if (!is_idle_reduction(before.cwnd, now.cwnd)) {
      fail("cwnd decreased without T3-rtx, fast retransmit or idle period rule", before, now);
    }
  }
  if (now.ssthresh != before.ssthresh) {
    fail("ssthresh changed without T3-rtx expiry or fast retransmit", before, now);
  }
}

}  // namespace sctp::scenario
