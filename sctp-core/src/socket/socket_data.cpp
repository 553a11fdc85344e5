// The data path as seen by the association: RFC 9260 section 6 (DATA,
// SACK timing, a_rwnd), 6.5 (invalid stream), 6.2 (empty DATA), RFC 8260
// (I-DATA) and RFC 3758 (FORWARD TSN), built on the rx components
// (DataTracker, ReassemblyQueue).
#include <algorithm>
#include <limits>
#include <string>
#include <type_traits>

#include "packet/chunks/data_chunk.h"
#include "packet/chunks/forward_tsn_chunk.h"
#include "packet/chunks/idata_chunk.h"
#include "packet/chunks/iforward_tsn_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "packet/error_causes/invalid_stream_identifier_cause.h"
#include "packet/error_causes/no_user_data_cause.h"
#include "socket/socket_impl.h"

namespace sctp {

void Socket::Impl::start_data_path() {
  DataTrackerOptions tracker_options;
  tracker_options.delayed_ack_timeout = options_.delayed_ack_timeout;
  data_tracker_.emplace(tcb_.peer_initial_tsn, tracker_options);
  reassembly_.emplace(
      tcb_.capabilities.message_interleaving ? ReassemblyMode::kIData : ReassemblyMode::kData,
      tcb_.peer_initial_tsn, options_.receive_window);
  packet_had_data_ = false;
  invalid_streams_.clear();
  unconsumed_bytes_ = 0;
  last_advertised_rwnd_ =
      uint32_t(std::min<size_t>(options_.receive_window, std::numeric_limits<uint32_t>::max()));
  // Send side.
  retransmission_queue_.emplace(tcb_.local_initial_tsn);
  CongestionControlConfig cc;
  cc.mtu = options_.mtu;
  cc.initial_ssthresh = std::max<size_t>(tcb_.peer_a_rwnd, options_.mtu);
  cc.max_burst = options_.max_burst;
  congestion_ = make_congestion_controller(options_.congestion_control, cc);
  peer_rwnd_.emplace(tcb_.peer_a_rwnd);
  // Messages queued before (or across a restart) start numbering afresh.
  send_queue_->commit_reset_streams({});
  send_queue_->set_interleaving(tcb_.capabilities.message_interleaving);
  start_stream_reconfiguration();
}

void Socket::Impl::stop_data_path() {
  stop_stream_reconfiguration();
  incoming_resets_to_report_.clear();
  outgoing_reset_results_.clear();
  retransmission_queue_.reset();
  congestion_.reset();
  peer_rwnd_.reset();
  data_tracker_.reset();
  reassembly_.reset();
  packet_had_data_ = false;
  invalid_streams_.clear();
}

Tsn Socket::Impl::cumulative_tsn_ack() const {
  return data_tracker_ ? data_tracker_->cumulative_tsn_ack() : tcb_.peer_initial_tsn.prev();
}

bool Socket::Impl::handle_data_path_chunk(const RawChunk& chunk) {
  // DATA may arrive with the COOKIE ECHO (section 5.1 D) and until the peer
  // has sent its SHUTDOWN (section 9.2 lets SHUTDOWN-SENT keep receiving).
  const bool receiving = state_ == AssociationState::kEstablished ||
                         state_ == AssociationState::kShutdownPending ||
                         state_ == AssociationState::kShutdownSent;
  switch (static_cast<ChunkType>(chunk.type)) {
    case ChunkType::kData:
      if (tcb_.capabilities.message_interleaving) {
        // RFC 8260 section 2.1: DATA after I-DATA was negotiated.
        abort_association(ErrorKind::kProtocolViolation, "DATA chunk on an I-DATA association", {});
        return false;
      }
      if (receiving) handle_data<DataChunk>(chunk);
      return has_tcb();
    case ChunkType::kIData:
      if (!tcb_.capabilities.message_interleaving) return handle_unrecognized_chunk(chunk);
      if (receiving) handle_data<IDataChunk>(chunk);
      return has_tcb();
    case ChunkType::kForwardTsn:
      if (!tcb_.capabilities.partial_reliability) return handle_unrecognized_chunk(chunk);
      if (receiving) handle_forward_tsn(chunk);
      return has_tcb();
    case ChunkType::kIForwardTsn:
      // RFC 8260 section 2.3: I-FORWARD-TSN replaces FORWARD-TSN when both
      // PR-SCTP and I-DATA are in use; otherwise it is not expected.
      if (!tcb_.capabilities.partial_reliability || !tcb_.capabilities.message_interleaving) {
        return handle_unrecognized_chunk(chunk);
      }
      if (receiving) handle_iforward_tsn(chunk);
      return has_tcb();
    case ChunkType::kSack:
      handle_sack(chunk);
      return has_tcb();
    case ChunkType::kReConfig:
      // Without RE-CONFIG negotiated: an unknown chunk (RFC 6525 section 3.1).
      if (!reconfig_) return handle_unrecognized_chunk(chunk);
      handle_reconfig(chunk);
      return has_tcb();
    default:
      return handle_unrecognized_chunk(chunk);
  }
}

template <typename DataChunkType>
void Socket::Impl::handle_data(const RawChunk& chunk) {
  auto data = DataChunkType::parse(chunk);
  if (!data) {
    report_parse_error(chunk, data.error());
    return;
  }
  if (data->payload.empty()) {
    // RFC 9260 section 6.2 (and RFC 8260 section 2.1 for I-DATA): ABORT with
    // "No User Data".
    const ErrorCause cause = NoUserDataCause{data->tsn};
    abort_association(ErrorKind::kProtocolViolation,
                      std::string(chunk_type_name(chunk.type)) + " chunk without user data",
                      std::span(&cause, 1));
    return;
  }
  ReceivedFragment f;
  f.tsn = data->tsn;
  f.stream_id = data->stream_id;
  if constexpr (std::is_same_v<DataChunkType, IDataChunk>) {
    f.mid = data->mid;
    f.fsn = data->fsn;
  } else {
    f.ssn = data->ssn;
  }
  f.ppid = data->ppid;
  f.unordered = data->unordered;
  f.beginning = data->beginning;
  f.ending = data->ending;
  f.payload = data->payload;
  accept_fragment(f, data->immediate_sack);
}

void Socket::Impl::accept_fragment(const ReceivedFragment& f, bool immediate_sack) {
  packet_had_data_ = true;
  if (f.stream_id.value() >= tcb_.inbound_streams) {
    // Section 6.5: acknowledge the TSN but report the stream in an ERROR
    // after the SACK, and drop the data.
    if (data_tracker_->observe(f.tsn, immediate_sack) == DataTracker::Observation::kNew) {
      invalid_streams_.push_back(f.stream_id);
    }
    return;
  }
  // Section 6.2: no room, no acknowledgement; the peer retransmits. Ask
  // for an immediate SACK. A chunk filling the hole at the cumulative ack
  // point is still taken when it is below the largest TSN received (6.2
  // lets a full receiver accept such a chunk, as it unblocks delivery; we
  // take it without dropping the largest one). When the window is held only
  // by reassembly (no undelivered bytes the application holds), the next
  // in-sequence chunk is taken too: partial messages (several at once with
  // I-DATA) could otherwise fill the window and never complete. A window
  // the application holds (manual_receive_window) is never overrun: the
  // sender's zero window probes are dropped until it reads.
  const bool fills_next = f.tsn == data_tracker_->cumulative_tsn_ack().next();
  const bool may_overrun = fills_next && (data_tracker_->has_gaps() || unconsumed_bytes_ == 0);
  if (f.payload.size() > receive_window_remaining() && !may_overrun) {
    data_tracker_->request_immediate_sack();
    return;
  }
  if (data_tracker_->observe(f.tsn, immediate_sack) == DataTracker::Observation::kNew) {
    reassembly_->add(f);
  }
}

void Socket::Impl::handle_forward_tsn(const RawChunk& chunk) {
  auto fwd = ForwardTsnChunk::parse(chunk);
  if (!fwd) {
    report_parse_error(chunk, fwd.error());
    return;
  }
  packet_had_data_ = true;
  data_tracker_->handle_forward_tsn(fwd->new_cumulative_tsn);
  skipped_ssns_scratch_.clear();
  for (const auto& s : fwd->skipped_streams)
    skipped_ssns_scratch_.push_back(SkippedSsn{s.stream_id, s.ssn});
  reassembly_->handle_forward_tsn(fwd->new_cumulative_tsn, skipped_ssns_scratch_);
}

void Socket::Impl::handle_iforward_tsn(const RawChunk& chunk) {
  auto fwd = IForwardTsnChunk::parse(chunk);
  if (!fwd) {
    report_parse_error(chunk, fwd.error());
    return;
  }
  // RFC 8260 section 2.3.1: the receiver moves its cumulative TSN as for
  // FORWARD-TSN (RFC 3758 3.6), and for each entry skips the stream's
  // messages up to the MID in its ordered or unordered (U bit) space.
  packet_had_data_ = true;
  data_tracker_->handle_forward_tsn(fwd->new_cumulative_tsn);
  skipped_mids_scratch_.clear();
  for (const auto& s : fwd->skipped_streams)
    skipped_mids_scratch_.push_back(SkippedMid{s.stream_id, s.unordered, s.mid});
  reassembly_->handle_iforward_tsn(skipped_mids_scratch_);
}

void Socket::Impl::finish_received_packet() {
  if (!data_tracker_ || !has_tcb()) return;
  if (packet_had_data_) {
    packet_had_data_ = false;
    switch (data_tracker_->on_packet_end(callbacks_.now())) {
      case DataTracker::SackTiming::kImmediate:
        send_sack();
        break;
      case DataTracker::SackTiming::kDelayed:
        if (!delayed_ack_->is_running()) {
          if (const auto deadline = data_tracker_->delayed_sack_deadline()) {
            delayed_ack_->start(std::max(DurationMs(0), *deadline - callbacks_.now()));
          }
        }
        break;
      case DataTracker::SackTiming::kNone:
        break;
    }
    // Section 6.5: the ERROR follows the SACK.
    if (!invalid_streams_.empty()) {
      if (delayed_ack_->is_running()) send_sack();
      ErrorChunk error;
      for (StreamId s : invalid_streams_)
        error.causes.emplace_back(InvalidStreamIdentifierCause{s});
      invalid_streams_.clear();
      send_to_peer(error);
    }
    // Section 9.2: in SHUTDOWN-SENT every packet with DATA is answered with
    // a SHUTDOWN carrying the new cumulative ack, and T2 restarts.
    if (state_ == AssociationState::kShutdownSent) {
      send_shutdown();
      t2_shutdown_->start(rto_.rto());
    }
  }
  // Deliver after sending our replies: the user may act on a message only
  // after this call returns anyway.
  // RFC 6525 section 5.2.2: a deferred incoming reset happens once the
  // cumulative TSN ack reaches the peer's last TSN before it.
  if (reconfig_) reconfig_->on_cumulative_tsn_ack_advanced();
  size_t delivered = 0;
  while (reassembly_ && reassembly_->has_message()) {
    report_incoming_resets(delivered);
    std::optional<Message> message = reassembly_->pop_message();
    if (!message) break;
    ++metrics_.messages_received;
    ++delivered;
    if (options_.manual_receive_window) unconsumed_bytes_ += message->payload.size();
    callbacks_.on_message(std::move(*message));
  }
  report_incoming_resets(std::numeric_limits<size_t>::max());
}

void Socket::Impl::send_sack() {
  if (!data_tracker_) return;
  delayed_ack_->stop();
  last_advertised_rwnd_ =
      uint32_t(std::min<size_t>(receive_window_remaining(), std::numeric_limits<uint32_t>::max()));
  const SackInfo info = data_tracker_->make_sack(last_advertised_rwnd_);
  // outgoing_sack_ keeps its lists' capacity: no allocation per SACK.
  SackChunk& sack = outgoing_sack_;
  sack.cumulative_tsn_ack = info.cumulative_tsn_ack;
  sack.a_rwnd = info.a_rwnd;
  sack.gap_ack_blocks.clear();
  for (const GapAckBlock& b : info.gap_ack_blocks)
    sack.gap_ack_blocks.push_back({b.start, b.end});
  sack.duplicate_tsns.clear();
  for (Tsn t : info.duplicate_tsns)
    sack.duplicate_tsns.push_back(t);
  send_to_peer(sack);
}

size_t Socket::Impl::receive_window_remaining() const {
  const size_t room = reassembly_->remaining_capacity();
  return room > unconsumed_bytes_ ? room - unconsumed_bytes_ : 0;
}

void Socket::Impl::consume_received(size_t bytes) {
  if (!options_.manual_receive_window) return;
  unconsumed_bytes_ -= std::min(bytes, unconsumed_bytes_);
  // Once the peer sent its SHUTDOWN it sends no new DATA (9.2): a window
  // update would be useless, and could reach the peer after it closed,
  // drawing an ABORT (8.4).
  const bool peer_may_send = state_ == AssociationState::kEstablished ||
                             state_ == AssociationState::kShutdownPending ||
                             state_ == AssociationState::kShutdownSent;
  if (!reassembly_ || !peer_may_send) return;
  // RFC 9260 6.2 allows a SACK "to update the offered window as the
  // receiving application consumes new data"; without it a sender facing a
  // closed window only learns of the space by probing (6.1 rule A). Like
  // TCP's receiver-side silly window avoidance (RFC 1122 4.2.3.3), send one
  // only when the offered window had shrunk below half the buffer and can
  // now grow by at least min(buffer / 2, MTU).
  const size_t half = options_.receive_window / 2;
  if (last_advertised_rwnd_ >= half) return;
  if (receive_window_remaining() < last_advertised_rwnd_ + std::min(half, options_.mtu)) return;
  send_sack();
  writer_.flush();
}

void Socket::Impl::on_delayed_ack_expired() {
  if (data_tracker_ && data_tracker_->on_delayed_sack_timeout(callbacks_.now())) send_sack();
}

}  // namespace sctp
