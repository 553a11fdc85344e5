// NewReno-style congestion control exactly as RFC 9260 section 7.2 writes it:
// slow start (7.2.1), congestion avoidance with partial_bytes_acked (7.2.2),
// reaction to T3-rtx expiry and fast retransmit (7.2.3), Fast Recovery
// (7.2.4), the idle-path reduction (7.2.1) and Max.Burst (6.1 D).
#pragma once

#include <optional>

#include "tx/congestion_controller.h"

namespace sctp {

class NewRenoCongestionController final : public CongestionController {
 public:
  explicit NewRenoCongestionController(const CongestionControlConfig& config);

  // RFC 9260 7.2.1: initial cwnd = min(4*MTU, max(2*MTU, 4404)).
  [[nodiscard]] static size_t initial_cwnd(size_t mtu);

  [[nodiscard]] size_t cwnd() const override { return cwnd_; }
  [[nodiscard]] size_t ssthresh() const override { return ssthresh_; }
  [[nodiscard]] size_t partial_bytes_acked() const override { return partial_bytes_acked_; }
  [[nodiscard]] bool in_fast_recovery() const override { return fast_recovery_exit_.has_value(); }

  void on_sack(const AckSample& sample) override;
  bool on_fast_retransmit(Tsn highest_outstanding_tsn) override;
  void on_retransmission_timeout() override;
  void on_before_send(TimeMs now, DurationMs rto) override;
  void on_data_sent(TimeMs now) override { last_sent_at_ = now; }
  [[nodiscard]] size_t send_allowance(size_t flight_size) const override;
  void set_mtu(size_t mtu) override { mtu_ = mtu; }

 private:
  // RFC 9260 7.2.3: ssthresh = max(cwnd/2, 4*MTU).
  void reduce_ssthresh();

  size_t mtu_;
  int max_burst_;
  size_t cwnd_;
  size_t ssthresh_;
  size_t partial_bytes_acked_ = 0;
  // Set while in Fast Recovery: the highest TSN outstanding when it began.
  std::optional<Tsn> fast_recovery_exit_;
  std::optional<TimeMs> last_sent_at_;
};

}  // namespace sctp
