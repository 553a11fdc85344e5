// Congestion control of one path (RFC 9260 section 7.2) behind a small
// interface, so NewReno can later be joined by CUBIC or RACK-style variants.
//
// Usage by the socket / retransmission queue:
//   before sending new data:  on_before_send(now, rto), then
//                             send_allowance(flight_size) bytes may go out
//   after sending data:       on_data_sent(now)
//   per received SACK:        on_sack(sample) (after the retransmission
//                             queue processed it), and on_fast_retransmit()
//                             when it reports chunks with 3 miss indications
//   on T3-rtx expiry:         on_retransmission_timeout()
#pragma once

#include <cstddef>
#include <memory>

#include "sctp/options.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"

namespace sctp {

// What one SACK did, as the congestion controller needs it.
struct AckSample {
  // Bytes of DATA newly acknowledged by the cumulative ack and gap blocks
  // (RFC 9260 7.2.1: "the total size of the previously outstanding DATA
  // chunk(s) acknowledged").
  size_t bytes_acked = 0;
  // The SACK moved the Cumulative TSN Ack Point forward.
  bool cumulative_tsn_advanced = false;
  Tsn cumulative_tsn_ack;
  // Bytes in flight before the SACK (to tell whether cwnd was in full use).
  size_t flight_size_before = 0;
  // Bytes in flight after the SACK; 0 means everything sent was acked.
  size_t flight_size_after = 0;
};

class CongestionController {
 public:
  virtual ~CongestionController() = default;

  [[nodiscard]] virtual size_t cwnd() const = 0;
  [[nodiscard]] virtual size_t ssthresh() const = 0;
  [[nodiscard]] virtual size_t partial_bytes_acked() const = 0;
  [[nodiscard]] virtual bool in_fast_recovery() const = 0;

  virtual void on_sack(const AckSample& sample) = 0;
  // Chunks reached their third miss indication (RFC 9260 7.2.4). Returns
  // true if this started Fast Recovery (cwnd/ssthresh were reduced); false
  // if already in Fast Recovery (no further reduction).
  virtual bool on_fast_retransmit(Tsn highest_outstanding_tsn) = 0;
  virtual void on_retransmission_timeout() = 0;
  // Data is about to be sent; applies the idle-path rule (RFC 9260 7.2.1).
  virtual void on_before_send(TimeMs now, DurationMs rto) = 0;
  virtual void on_data_sent(TimeMs now) = 0;

  // How many more bytes of new DATA may be sent with `flight_size` bytes
  // outstanding: RFC 9260 6.1 rule B (new data may go while the flight size
  // is below cwnd; the last chunk may overshoot it by less than one MTU) and
  // the Max.Burst limit (6.1 D), without changing cwnd permanently.
  [[nodiscard]] virtual size_t send_allowance(size_t flight_size) const = 0;

  virtual void set_mtu(size_t mtu) = 0;
};

struct CongestionControlConfig {
  size_t mtu = 1200;
  // Initial ssthresh: "MAY be arbitrarily high" (RFC 9260 7.2.1); the peer's
  // advertised receiver window is the usual choice.
  size_t initial_ssthresh = 1024 * 1024;
  int max_burst = 4;  // RFC 9260 section 16: Max.Burst
};

[[nodiscard]] std::unique_ptr<CongestionController> make_congestion_controller(
    CongestionControlKind kind, const CongestionControlConfig& config);

}  // namespace sctp
