// Retransmission timeout of one path (RFC 9260 section 6.3.1).
//
// Keeps SRTT and RTTVAR with RTO.Alpha = 1/8 and RTO.Beta = 1/4, in
// microseconds internally so that sub-millisecond variations of short RTTs
// are not lost to rounding of the millisecond clock. The caller applies
// Karn's rule (C5): only RTTs measured on chunks sent once, or on HEARTBEATs,
// are fed in.
#pragma once

#include <cstdint>

#include "sctp/time.h"

namespace sctp {

class RtoEstimator {
 public:
  struct Config {
    DurationMs initial{1000};  // RTO.Initial (rule C1)
    DurationMs min{1000};      // RTO.Min (rule C6)
    DurationMs max{60000};     // RTO.Max (rule C7)
  };

  explicit RtoEstimator(const Config& config);

  // A new RTT measurement R (rules C2 and C3). Negative values are ignored.
  void observe(DurationMs rtt);
  // T3-rtx (or another RTO-based timer) expired: RTO <- RTO * 2, capped at
  // RTO.Max (section 6.3.3 E2). The next measurement recomputes it.
  void back_off();

  [[nodiscard]] DurationMs rto() const;
  [[nodiscard]] DurationMs srtt() const;
  [[nodiscard]] DurationMs rttvar() const;
  [[nodiscard]] bool has_measurement() const { return has_measurement_; }

 private:
  void update_rto();

  Config config_;
  bool has_measurement_ = false;
  int64_t srtt_us_ = 0;
  int64_t rttvar_us_ = 0;
  int64_t rto_us_ = 0;
};

}  // namespace sctp
