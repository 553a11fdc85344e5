#include "timer/rto_estimator.h"

#include <algorithm>

namespace sctp {
namespace {

constexpr int64_t kUsPerMs = 1000;
// Clock granularity G (section 6.3.1 C3): the embedder's clock ticks in ms.
constexpr int64_t kGranularityUs = 1 * kUsPerMs;

int64_t abs64(int64_t v) {
  return v < 0 ? -v : v;
}

}  // namespace

RtoEstimator::RtoEstimator(const Config& config)
    : config_(config), rto_us_(config.initial.count() * kUsPerMs) {
  // C1: until a measurement is made, RTO = RTO.Initial (still within bounds).
  rto_us_ = std::clamp(rto_us_, config_.min.count() * kUsPerMs, config_.max.count() * kUsPerMs);
}

void RtoEstimator::observe(DurationMs rtt) {
  if (rtt.count() < 0) return;
  const int64_t r = rtt.count() * kUsPerMs;
  if (!has_measurement_) {
    // C2: SRTT <- R, RTTVAR <- R/2.
    srtt_us_ = r;
    rttvar_us_ = r / 2;
    has_measurement_ = true;
  } else {
    // C3: RTTVAR <- (1 - 1/4) RTTVAR + 1/4 |SRTT - R'|, then
    //     SRTT   <- (1 - 1/8) SRTT   + 1/8 R'.
    rttvar_us_ = (3 * rttvar_us_ + abs64(srtt_us_ - r)) / 4;
    srtt_us_ = (7 * srtt_us_ + r) / 8;
  }
  // C3: an RTTVAR of zero is adjusted to the clock granularity G.
  if (rttvar_us_ == 0) rttvar_us_ = kGranularityUs;
  update_rto();
}

void RtoEstimator::update_rto() {
  // RTO <- SRTT + 4 * RTTVAR, then rules C6 and C7. The variance term is
  // kept at least G (as RFC 6298 section 2 writes it), so that a decaying
  // sub-granularity RTTVAR cannot make the RTO equal the SRTT.
  rto_us_ = std::clamp(srtt_us_ + std::max(kGranularityUs, 4 * rttvar_us_),
                       config_.min.count() * kUsPerMs, config_.max.count() * kUsPerMs);
}

void RtoEstimator::back_off() {
  rto_us_ = std::min(rto_us_ * 2, config_.max.count() * kUsPerMs);
}

DurationMs RtoEstimator::rto() const {
  // Rounded up: a timer must never fire before the RTO.
  return DurationMs((rto_us_ + kUsPerMs - 1) / kUsPerMs);
}
DurationMs RtoEstimator::srtt() const {
  return DurationMs(srtt_us_ / kUsPerMs);
}
DurationMs RtoEstimator::rttvar() const {
  return DurationMs(rttvar_us_ / kUsPerMs);
}

}  // namespace sctp
