// Path supervision: RFC 9260 section 8.3 (HEARTBEAT / HEARTBEAT ACK on an
// idle path, RTT measurement), 8.1 and 8.2 (error counting; one path here,
// so the path and association counters are the same).
#include <string>

#include "socket/heartbeat_info.h"
#include "socket/socket_impl.h"

namespace sctp {

void Socket::Impl::start_heartbeat_timer() {
  // Section 8.3: every HB.interval + RTO, jittered by +/- 50 % of the RTO.
  const int64_t rto = rto_.rto().count();
  const int64_t jitter =
      rto > 0 ? int64_t(callbacks_.random_u32() % uint32_t(rto + 1)) - rto / 2 : 0;
  heartbeat_interval_->start(options_.heartbeat_interval + DurationMs(rto + jitter));
}

void Socket::Impl::on_heartbeat_interval_expired() {
  if (state_ != AssociationState::kEstablished && state_ != AssociationState::kShutdownPending &&
      state_ != AssociationState::kShutdownReceived) {
    return;
  }
  heartbeat_nonce_ = (uint64_t(callbacks_.random_u32()) << 32) | callbacks_.random_u32();
  const auto info = HeartbeatInfo{heartbeat_nonce_, callbacks_.now()}.encode();
  send_to_peer(HeartbeatChunk{HeartbeatInfoParameter{info}});
  heartbeat_outstanding_ = true;
  heartbeat_acked_ = false;
  // Section 8.3: a HEARTBEAT not acknowledged within one RTO is a failure.
  heartbeat_timeout_->start(rto_.rto());
  start_heartbeat_timer();
}

void Socket::Impl::on_heartbeat_timeout() {
  if (!heartbeat_outstanding_) return;
  heartbeat_outstanding_ = false;
  // The path may just have become slower than the RTO: back off (as for
  // T3-rtx, 6.3.3 E2) so the next probe has a chance. A late ACK of this
  // HEARTBEAT still measures the RTT (handle_heartbeat_ack).
  rto_.back_off();
  count_association_error("HEARTBEAT not acknowledged");
}

void Socket::Impl::handle_heartbeat(const RawChunk& chunk) {
  auto heartbeat = HeartbeatChunk::parse(chunk);
  if (!heartbeat) {
    report_parse_error(chunk, heartbeat.error());
    return;
  }
  if (tcb_.peer_tag.value() == 0) return;  // COOKIE-WAIT: nobody to answer
  // Section 8.3: echo the Heartbeat Information unchanged.
  send_to_peer(HeartbeatAckChunk{heartbeat->info});
}

void Socket::Impl::handle_heartbeat_ack(const RawChunk& chunk) {
  auto ack = HeartbeatAckChunk::parse(chunk);
  if (!ack) {
    report_parse_error(chunk, ack.error());
    return;
  }
  const auto info = HeartbeatInfo::decode(ack->info.info);
  // Only the answer to our latest HEARTBEAT counts, once: the nonce makes a
  // forged or replayed ACK worthless. It may arrive after its timeout.
  if (!info || heartbeat_acked_ || heartbeat_nonce_ == 0 || info->nonce != heartbeat_nonce_) {
    return;
  }
  heartbeat_acked_ = true;
  heartbeat_outstanding_ = false;
  heartbeat_timeout_->stop();
  rto_.observe(callbacks_.now() - info->sent_at);
  // Section 8.3: a HEARTBEAT ACK clears the error counter.
  reset_association_errors();
}

bool Socket::Impl::count_association_error(std::string_view what) {
  // Section 8.1: more than Association.Max.Retrans consecutive failures:
  // the peer is unreachable.
  if (++association_errors_ > options_.max_association_retransmits) {
    fail_association(ErrorKind::kTooManyRetries,
                     std::string(what) + ": Association.Max.Retrans exceeded");
    return false;
  }
  return true;
}

}  // namespace sctp
