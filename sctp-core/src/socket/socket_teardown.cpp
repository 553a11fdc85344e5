// Association teardown: RFC 9260 section 9.1 (ABORT), 9.2 (SHUTDOWN,
// SHUTDOWN ACK, SHUTDOWN COMPLETE, T2-shutdown, T5-shutdown-guard), 3.3.10
// (ERROR) and 8.1 (failure after too many retransmissions).
#include <string>

#include "packet/error_causes/stale_cookie_cause.h"
#include "packet/error_causes/user_initiated_abort_cause.h"
#include "socket/socket_impl.h"

namespace sctp {

void Socket::Impl::shutdown() {
  switch (state_) {
    case AssociationState::kClosed:
      return;
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      // No SHUTDOWN before ESTABLISHED (section 9.2 starts there): shut down
      // as soon as the association is up.
      shutdown_requested_ = true;
      return;
    case AssociationState::kEstablished:
      set_state(AssociationState::kShutdownPending);
      maybe_send_shutdown_or_ack();
      writer_.flush();
      return;
    default:
      return;  // already shutting down
  }
}

void Socket::Impl::abort(std::string_view reason) {
  if (state_ == AssociationState::kClosed) return;
  const ErrorCause cause = UserInitiatedAbortCause{
      ByteSpan(reinterpret_cast<const uint8_t*>(reason.data()), reason.size())};
  abort_association(ErrorKind::kNoError, describe(cause), std::span(&cause, 1));
  writer_.flush();
}

void Socket::Impl::abort_association(ErrorKind kind, std::string_view reason,
                                     std::span<const ErrorCause> causes) {
  // Section 9.1: the ABORT carries the peer's tag. Before an INIT ACK
  // arrived (COOKIE-WAIT) we do not know it, and the peer has no state.
  if (tcb_.peer_tag.value() != 0) {
    AbortChunk abort{false, {causes.begin(), causes.end()}};
    if (!send_to_peer(abort)) send_to_peer(AbortChunk{});  // causes too large: bare ABORT
  }
  fail_association(kind, reason);
}

void Socket::Impl::fail_association(ErrorKind kind, std::string_view reason) {
  const std::string text(reason);  // `reason` may point into state we clear
  close_association();
  make_send_queue();  // what was queued for this association is dropped
  callbacks_.on_aborted(kind, text);
}

void Socket::Impl::close_association() {
  timers_.stop_all();
  stop_data_path();
  cookie_to_echo_.clear();
  init_ack_unrecognized_.clear();
  cookie_preservative_ms_.reset();
  handshake_rtt_start_.reset();
  heartbeat_outstanding_ = false;
  heartbeat_nonce_ = 0;
  association_errors_ = 0;
  shutdown_requested_ = false;
  set_state(AssociationState::kClosed);
}

void Socket::Impl::handle_abort(const RawChunk& chunk) {
  // The tag was checked (section 8.5.1 B) before dispatch.
  auto abort = AbortChunk::parse(chunk);
  std::string reason = "peer sent ABORT";
  if (abort) {
    if (!abort->causes.empty()) reason += ": " + describe(abort->causes);
  } else {
    reason += " (malformed error causes)";
  }
  fail_association(ErrorKind::kPeerReported, reason);
}

void Socket::Impl::handle_error(const RawChunk& chunk) {
  auto error = ErrorChunk::parse(chunk);
  if (!error) {
    report_parse_error(chunk, error.error());
    return;
  }
  for (const ErrorCause& cause : error->causes) {
    if (const auto* stale = std::get_if<StaleCookieCause>(&cause);
        stale != nullptr && state_ == AssociationState::kCookieEchoed) {
      handle_stale_cookie(*stale);
      return;
    }
    callbacks_.on_error(ErrorKind::kPeerReported, "peer sent ERROR: " + describe(cause));
    if (!has_tcb()) return;
  }
}

void Socket::Impl::handle_shutdown(const RawChunk& chunk) {
  auto shutdown = ShutdownChunk::parse(chunk);
  if (!shutdown) {
    report_parse_error(chunk, shutdown.error());
    return;
  }
  handle_shutdown_cumulative_ack(shutdown->cumulative_tsn_ack);
  if (!has_tcb()) return;
  switch (state_) {
    case AssociationState::kEstablished:
    case AssociationState::kShutdownPending:
    case AssociationState::kShutdownReceived:
      // Section 9.2: stop accepting new data, and answer with SHUTDOWN ACK
      // once everything outstanding is acknowledged.
      set_state(AssociationState::kShutdownReceived);
      maybe_send_shutdown_or_ack();
      return;
    case AssociationState::kShutdownSent:
      // Section 9.2: both sides shut down at once: SHUTDOWN ACK right away.
      send_shutdown_ack();
      set_state(AssociationState::kShutdownAckSent);
      t2_shutdown_->start(rto_.rto());
      return;
    case AssociationState::kShutdownAckSent:
      send_shutdown_ack();  // our SHUTDOWN ACK may have been lost
      return;
    default:
      return;  // no association to shut down yet
  }
}

void Socket::Impl::maybe_send_shutdown_or_ack() {
  if (!all_data_acknowledged()) return;
  if (state_ == AssociationState::kShutdownPending) {
    send_shutdown();
    set_state(AssociationState::kShutdownSent);
    t2_shutdown_->start(rto_.rto());
    // Section 9.2: T5 bounds the whole shutdown whatever the peer does.
    t5_shutdown_guard_->start(shutdown_guard_duration());
  } else if (state_ == AssociationState::kShutdownReceived) {
    send_shutdown_ack();
    set_state(AssociationState::kShutdownAckSent);
    t2_shutdown_->start(rto_.rto());
  }
}

void Socket::Impl::send_shutdown() {
  send_to_peer(ShutdownChunk{cumulative_tsn_ack()});
}

void Socket::Impl::send_shutdown_ack() {
  send_to_peer(ShutdownAckChunk{});
}

void Socket::Impl::on_t2_shutdown_expired() {
  // Section 9.2: retransmit, counting toward Association.Max.Retrans; the
  // timer backs off on its own (6.3.3 E2).
  if (!count_association_error("SHUTDOWN not acknowledged")) return;
  if (state_ == AssociationState::kShutdownSent) {
    send_shutdown();
  } else if (state_ == AssociationState::kShutdownAckSent) {
    send_shutdown_ack();
  } else {
    t2_shutdown_->stop();
  }
}

void Socket::Impl::on_t5_guard_expired() {
  // Section 9.2: the shutdown took too long; ABORT.
  abort_association(ErrorKind::kTooManyRetries, "T5-shutdown-guard expired", {});
}

void Socket::Impl::handle_shutdown_ack(const PacketView& packet) {
  switch (state_) {
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      // Section 8.5.1 E: as out of the blue (8.4 rule 5).
      writer_.add(packet.header().verification_tag, ShutdownCompleteChunk{true},
                  ChecksumNeed::kCrcRequired);
      return;
    case AssociationState::kShutdownSent:
    case AssociationState::kShutdownAckSent:
      // Section 9.2: SHUTDOWN COMPLETE and the association is gone.
      send_to_peer(ShutdownCompleteChunk{false});
      close_association();
      callbacks_.on_closed();
      return;
    default:
      ++metrics_.packets_discarded;
      return;
  }
}

void Socket::Impl::handle_shutdown_complete(const RawChunk& /*chunk*/) {
  // Section 8.5.1 C: the tag (or T bit) was checked before dispatch.
  if (state_ != AssociationState::kShutdownAckSent) {
    ++metrics_.packets_discarded;
    return;
  }
  close_association();
  callbacks_.on_closed();
}

}  // namespace sctp
