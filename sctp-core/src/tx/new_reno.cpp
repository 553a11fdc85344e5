#include "tx/new_reno.h"

#include <algorithm>

namespace sctp {

size_t NewRenoCongestionController::initial_cwnd(size_t mtu) {
  return std::min(4 * mtu, std::max<size_t>(2 * mtu, 4404));
}

NewRenoCongestionController::NewRenoCongestionController(const CongestionControlConfig& config)
    : mtu_(config.mtu),
      max_burst_(config.max_burst),
      cwnd_(initial_cwnd(config.mtu)),
      ssthresh_(config.initial_ssthresh) {}

void NewRenoCongestionController::on_sack(const AckSample& sample) {
  // RFC 9260 7.2.4: Fast Recovery ends when the exit point is acknowledged.
  if (fast_recovery_exit_ && sample.cumulative_tsn_ack >= *fast_recovery_exit_) {
    fast_recovery_exit_.reset();
  }
  const bool fully_utilized = sample.flight_size_before >= cwnd_;
  if (cwnd_ <= ssthresh_) {
    // RFC 9260 7.2.1 slow start: grow only if the SACK advances the
    // Cumulative TSN Ack Point, cwnd is fully used, and not in Fast
    // Recovery; then by at most min(bytes acked, MTU).
    if (sample.cumulative_tsn_advanced && fully_utilized && !in_fast_recovery()) {
      cwnd_ += std::min(sample.bytes_acked, mtu_);
    }
  } else {
    // RFC 9260 7.2.2 congestion avoidance.
    partial_bytes_acked_ += sample.bytes_acked;
    if (partial_bytes_acked_ >= cwnd_ && sample.flight_size_before < cwnd_) {
      // Not using the window: do not accumulate credit beyond it.
      partial_bytes_acked_ = cwnd_;
    } else if (partial_bytes_acked_ >= cwnd_ && fully_utilized) {
      partial_bytes_acked_ -= cwnd_;
      if (sample.cumulative_tsn_advanced && !in_fast_recovery()) cwnd_ += mtu_;
    }
  }
  // RFC 9260 7.2.2: once everything sent is acknowledged, pba restarts at 0.
  if (sample.flight_size_after == 0) partial_bytes_acked_ = 0;
}

void NewRenoCongestionController::reduce_ssthresh() {
  ssthresh_ = std::max(cwnd_ / 2, 4 * mtu_);
}

bool NewRenoCongestionController::on_fast_retransmit(Tsn highest_outstanding_tsn) {
  // RFC 9260 7.2.4 step 2: only if not already in Fast Recovery; one loss
  // episode reduces the window once.
  if (in_fast_recovery()) return false;
  reduce_ssthresh();  // 7.2.3
  cwnd_ = ssthresh_;
  partial_bytes_acked_ = 0;
  fast_recovery_exit_ = highest_outstanding_tsn;
  return true;
}

void NewRenoCongestionController::on_retransmission_timeout() {
  // RFC 9260 7.2.3: ssthresh = max(cwnd/2, 4*MTU), cwnd = 1*MTU. A timeout
  // also ends Fast Recovery (the T3 rules take over, 6.3.3).
  reduce_ssthresh();
  cwnd_ = mtu_;
  partial_bytes_acked_ = 0;
  fast_recovery_exit_.reset();
}

void NewRenoCongestionController::on_before_send(TimeMs now, DurationMs rto) {
  // RFC 9260 7.2.1: a path that sent no data for an RTO has its cwnd
  // adjusted to max(cwnd/2, 4*MTU) per RTO of idleness. We only ever lower
  // cwnd this way: idleness never grows a window below 4*MTU.
  if (!last_sent_at_ || rto.count() <= 0) return;
  const auto idle = now - *last_sent_at_;
  for (auto periods = idle / rto; periods > 0; --periods) {
    const size_t reduced = std::max(cwnd_ / 2, 4 * mtu_);
    if (reduced >= cwnd_) break;
    cwnd_ = reduced;
  }
}

size_t NewRenoCongestionController::send_allowance(size_t flight_size) const {
  // RFC 9260 6.1 rule B: new data may be sent while flight size < cwnd (the
  // chunk that crosses cwnd may exceed it by less than a PMTU: allow one
  // more MTU's worth).
  if (flight_size >= cwnd_) return 0;
  size_t allowance = cwnd_ - flight_size + mtu_ - 1;
  // RFC 9260 6.1 D: Max.Burst limits what goes out at once, as if
  // cwnd were min(cwnd, flight size + Max.Burst * MTU).
  const size_t burst = static_cast<size_t>(max_burst_) * mtu_;
  if (max_burst_ > 0) allowance = std::min(allowance, burst);
  return allowance;
}

std::unique_ptr<CongestionController> make_congestion_controller(
    CongestionControlKind kind, const CongestionControlConfig& config) {
  switch (kind) {
    case CongestionControlKind::kNewReno:
      return std::make_unique<NewRenoCongestionController>(config);
  }
  return std::make_unique<NewRenoCongestionController>(config);
}

}  // namespace sctp
