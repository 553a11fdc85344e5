// Stream reconfiguration (RFC 6525) as seen by the association: RE-CONFIG
// dispatch, Socket::reset_streams, and the StreamResetContext through which
// the StreamResetHandler (src/reconfig/) acts on the association.
#include <string>

#include "packet/error_causes/protocol_violation_cause.h"
#include "reconfig/reconfig_result_name.h"
#include "socket/socket_impl.h"

namespace sctp {

void Socket::Impl::start_stream_reconfiguration() {
  stop_stream_reconfiguration();
  // Only with RE-CONFIG in both sides' Supported Extensions (RFC 6525
  // section 3.1 and RFC 5061 section 4.2.7).
  if (!tcb_.capabilities.stream_reconfiguration) return;
  reconfig_.emplace(reconfig_context_, *reconfig_timer_, tcb_.local_initial_tsn,
                    tcb_.peer_initial_tsn);
}

void Socket::Impl::stop_stream_reconfiguration() {
  reconfig_timer_->stop();
  reconfig_.reset();
}

bool Socket::Impl::reset_streams(std::span<const StreamId> outgoing_streams) {
  if (!reconfig_ || state_ != AssociationState::kEstablished) return false;
  reconfig_->reset_streams(outgoing_streams);
  writer_.flush();
  return true;
}

void Socket::Impl::handle_reconfig(const RawChunk& chunk) {
  auto reconfig = ReConfigChunk::parse(chunk);
  if (!reconfig) {
    report_parse_error(chunk, reconfig.error());
    return;
  }
  if (!reconfig->is_allowed_combination()) {
    // RFC 6525 section 3.1: answered with an ERROR carrying a Protocol
    // Violation cause.
    static constexpr char kWhat[] = "RE-CONFIG parameter combination not allowed";
    ErrorChunk error;
    error.causes.emplace_back(ProtocolViolationCause{
        ByteSpan(reinterpret_cast<const uint8_t*>(kWhat), sizeof(kWhat) - 1)});
    send_to_peer(error);
    callbacks_.on_error(ErrorKind::kProtocolViolation, kWhat);
    return;
  }
  reconfig_->handle_reconfig(*reconfig);
  // Reported once the handler is done: the user may abort from a callback.
  std::vector<OutgoingResetResult> results;
  results.swap(outgoing_reset_results_);
  for (const OutgoingResetResult& r : results) {
    if (!r.refused) {
      callbacks_.on_outgoing_streams_reset(r.streams);
      continue;
    }
    const std::string message = "the peer refused to reset " + std::to_string(r.streams.size()) +
                                " stream(s): " + to_string(*r.refused);
    callbacks_.on_error(ErrorKind::kPeerReported, message);
  }
}

void Socket::Impl::report_incoming_resets(size_t delivered) {
  while (!incoming_resets_to_report_.empty() &&
         incoming_resets_to_report_.front().first <= delivered) {
    const std::vector<StreamId> streams = std::move(incoming_resets_to_report_.front().second);
    incoming_resets_to_report_.erase(incoming_resets_to_report_.begin());
    callbacks_.on_incoming_streams_reset(streams);
  }
}

// --- SocketStreamResetContext.

bool SocketStreamResetContext::is_outgoing_stream_drained(StreamId stream) const {
  // Every byte queued on the stream has been given a TSN.
  return socket_.send_queue_->buffered_amount(stream) == 0 &&
         socket_.send_queue_->is_ready_for_reset(std::span<const StreamId>(&stream, 1));
}
void SocketStreamResetContext::pause_outgoing_streams(std::span<const StreamId> streams) {
  socket_.send_queue_->pause_streams(streams);
}
void SocketStreamResetContext::commit_outgoing_reset(std::span<const StreamId> streams) {
  socket_.send_queue_->commit_reset_streams(streams);
}
void SocketStreamResetContext::resume_outgoing_streams(std::span<const StreamId> streams) {
  socket_.send_queue_->resume_streams(streams);
}
Tsn SocketStreamResetContext::last_assigned_tsn() const {
  return socket_.retransmission_queue_->next_tsn().prev();
}
Tsn SocketStreamResetContext::cumulative_tsn_ack() const {
  return socket_.cumulative_tsn_ack();
}
void SocketStreamResetContext::reset_incoming_streams(std::span<const StreamId> streams) {
  socket_.reassembly_->reset_streams(streams);
}
void SocketStreamResetContext::defer_incoming_reset(Tsn sender_last_assigned_tsn,
                                                    std::span<const StreamId> streams) {
  socket_.reassembly_->defer_reset(sender_last_assigned_tsn, streams);
}
bool SocketStreamResetContext::apply_deferred_incoming_reset() {
  const size_t ready_before = socket_.reassembly_->ready_message_count();
  if (!socket_.reassembly_->maybe_apply_deferred_reset(socket_.cumulative_tsn_ack())) return false;
  deferred_reset_position_ = ready_before;
  return true;
}
void SocketStreamResetContext::send_reconfig(const ReConfigChunk& chunk) {
  socket_.send_to_peer(chunk);
}
DurationMs SocketStreamResetContext::current_rto() const {
  return socket_.rto_.rto();
}
bool SocketStreamResetContext::count_association_error() {
  return socket_.count_association_error("RE-CONFIG retransmission timeout");
}
void SocketStreamResetContext::on_outgoing_streams_reset(std::span<const StreamId> streams) {
  socket_.outgoing_reset_results_.push_back({{streams.begin(), streams.end()}, std::nullopt});
}
void SocketStreamResetContext::on_incoming_streams_reset(std::span<const StreamId> streams) {
  // Reported with the packet's messages, after those received before it.
  const size_t position =
      deferred_reset_position_.value_or(socket_.reassembly_->ready_message_count());
  deferred_reset_position_.reset();
  socket_.incoming_resets_to_report_.emplace_back(
      position, std::vector<StreamId>(streams.begin(), streams.end()));
}
void SocketStreamResetContext::on_outgoing_reset_failed(std::span<const StreamId> streams,
                                                        ReconfigResult result) {
  socket_.outgoing_reset_results_.push_back({{streams.begin(), streams.end()}, result});
}

}  // namespace sctp
