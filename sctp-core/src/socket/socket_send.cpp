// The send path as seen by the association: RFC 9260 sections 6.1 (rules
// A-D: rwnd, cwnd, retransmissions first), 6.2.1 (SACK processing), 6.3
// (T3-rtx), 7.2 (congestion control), 8.1/8.3 (error counter cleared by
// acknowledgements), RFC 3758 (FORWARD TSN) and RFC 8260 (I-DATA), built on
// the tx components (SendQueue, RetransmissionQueue, CongestionController,
// PeerReceiveWindow).
#include <algorithm>
#include <type_traits>
#include <vector>

#include "packet/chunks/data_chunk.h"
#include "packet/chunks/forward_tsn_chunk.h"
#include "packet/chunks/idata_chunk.h"
#include "packet/chunks/iforward_tsn_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "socket/socket_impl.h"
#include "tx/stream_scheduler.h"

namespace sctp {

void Socket::Impl::make_send_queue() {
  send_queue_.emplace(make_stream_scheduler(options_.scheduler), options_.send_buffer_size);
  send_queue_->on_buffered_amount_low = [this](StreamId s) {
    callbacks_.on_buffered_amount_low(s);
  };
  send_queue_->on_total_buffered_amount_low = [this] { callbacks_.on_total_buffered_amount_low(); };
}

SendStatus Socket::Impl::send(StreamId stream, std::span<const uint8_t> payload,
                              const SendOptions& send_options) {
  if (payload.empty()) return SendStatus::kErrorMessageEmpty;
  if (payload.size() > options_.max_message_size) return SendStatus::kErrorMessageTooLarge;
  switch (state_) {
    case AssociationState::kClosed:
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      // Queued until the association is up.
      if (shutdown_requested_) return SendStatus::kErrorShuttingDown;
      if (stream.value() >= options_.announced_outbound_streams) {
        return SendStatus::kErrorInvalidStream;
      }
      break;
    case AssociationState::kEstablished:
      if (stream.value() >= tcb_.outbound_streams) return SendStatus::kErrorInvalidStream;
      break;
    default:
      // Section 9.2: no new data once shutdown started.
      return SendStatus::kErrorShuttingDown;
  }
  // RFC 6525 section 5.1.2: a stream being reset takes no new message until
  // the peer confirmed (a data channel id is reused only after that).
  if (reconfig_ && reconfig_->is_resetting(stream)) return SendStatus::kErrorStreamResetting;
  // The one copy of the payload on the way in (SendQueue::add).
  const auto added = send_queue_->add(callbacks_.now(), stream, payload, send_options);
  if (added == SendQueue::AddResult::kBufferFull) return SendStatus::kErrorResourceExhaustion;
  if (added == SendQueue::AddResult::kEmpty) return SendStatus::kErrorMessageEmpty;
  ++metrics_.messages_sent;
  if (state_ == AssociationState::kEstablished) {
    transmit_data();
    writer_.flush();
  }
  return SendStatus::kSuccess;
}

size_t Socket::Impl::buffered_amount(StreamId stream) const {
  return send_queue_->buffered_amount(stream);
}
size_t Socket::Impl::total_buffered_amount() const {
  return send_queue_->total_buffered_amount();
}
void Socket::Impl::set_stream_priority(StreamId stream, uint16_t priority) {
  send_queue_->set_priority(stream, priority);
}

void Socket::Impl::set_buffered_amount_low_threshold(StreamId stream, size_t bytes) {
  send_queue_->set_buffered_amount_low_threshold(stream, bytes);
}
void Socket::Impl::set_total_buffered_amount_low_threshold(size_t bytes) {
  send_queue_->set_total_buffered_amount_low_threshold(bytes);
}

bool Socket::Impl::all_data_acknowledged() const {
  return !send_queue_->has_data_to_send() &&
         (!retransmission_queue_ || retransmission_queue_->empty());
}

size_t Socket::Impl::data_chunk_header_size() const {
  return tcb_.capabilities.message_interleaving ? IDataChunk::kHeaderSize : DataChunk::kHeaderSize;
}

namespace {

// A DATA (RFC 9260 3.3.1) or I-DATA (RFC 8260 2.1) chunk carrying `f`:
// DATA numbers ordered messages with an SSN, I-DATA every message with a
// MID and its fragments with an FSN.
template <typename ChunkType>
ChunkType to_chunk(Tsn tsn, const OutgoingFragment& f) {
  ChunkType c;
  c.tsn = tsn;
  c.stream_id = f.stream_id;
  if constexpr (std::is_same_v<ChunkType, IDataChunk>) {
    c.mid = f.mid;
    c.fsn = f.fsn;
  } else {
    c.ssn = f.ssn;
  }
  c.ppid = f.ppid;
  c.unordered = f.unordered;
  c.beginning = f.beginning;
  c.ending = f.ending;
  c.payload = f.payload();
  return c;
}

}  // namespace

void Socket::Impl::transmit_data(bool force_one_packet) {
  if (!retransmission_queue_) return;
  // Section 9.2: SHUTDOWN-PENDING and SHUTDOWN-RECEIVED still send what is
  // queued; afterwards nothing new goes out.
  if (state_ != AssociationState::kEstablished && state_ != AssociationState::kShutdownPending &&
      state_ != AssociationState::kShutdownReceived) {
    return;
  }
  const TimeMs now = callbacks_.now();
  retransmission_queue_->abandon_expired(now);
  discard_abandoned();
  const bool have_work =
      retransmission_queue_->has_retransmissions() || send_queue_->has_data_to_send();
  if (!have_work) return;
  // A pending delayed SACK rides along (section 6.10 bundling).
  if (delayed_ack_->is_running()) send_sack();
  congestion_->on_before_send(now, rto_.rto());
  const VerificationTag tag = tcb_.peer_tag;
  const size_t header = data_chunk_header_size();
  const size_t full_room = writer_.max_chunk_bytes() - header;
  const bool interleaving = tcb_.capabilities.message_interleaving;
  auto add_chunk = [&](Tsn tsn, const OutgoingFragment& f) {
    if (interleaving) {
      send_to_peer(to_chunk<IDataChunk>(tsn, f));
    } else {
      send_to_peer(to_chunk<DataChunk>(tsn, f));
    }
    peer_rwnd_->on_data_sent(f.length);
  };
  // Room for a DATA chunk's payload in the packet being built; starts a new
  // packet when the current one cannot take a meaningful chunk.
  auto payload_room = [&]() -> size_t {
    size_t left = writer_.bytes_remaining(tag);
    if (left < header + 64 && left < writer_.max_chunk_bytes()) {
      writer_.flush();
      left = writer_.max_chunk_bytes();
    }
    return left > header ? left - header : 0;
  };

  bool sent = false;
  // Rule C (6.1): retransmissions before new data.
  int forced_packets = force_one_packet ? 1 : 0;
  while (retransmission_queue_->has_retransmissions()) {
    const bool cwnd_allows =
        congestion_->send_allowance(retransmission_queue_->bytes_in_flight()) > 0;
    if (!cwnd_allows && forced_packets == 0) break;
    size_t room = payload_room();
    auto r = retransmission_queue_->next_retransmission(now, room);
    if (!r) {
      if (room < full_room) {
        writer_.flush();
        if (!cwnd_allows && --forced_packets <= 0) break;
        continue;
      }
      break;
    }
    add_chunk(r->tsn, r->fragment);
    ++metrics_.data_chunks_retransmitted;
    sent = true;
  }
  discard_abandoned();
  // New data: rules A (rwnd) and B (cwnd), and no more TSNs outstanding than
  // a usrsctp receiver queues (SocketOptions::max_outstanding_chunks).
  while (send_queue_->has_data_to_send()) {
    if (retransmission_queue_->chunk_count() >= options_.max_outstanding_chunks) break;
    const size_t outstanding = retransmission_queue_->outstanding_bytes();
    if (congestion_->send_allowance(retransmission_queue_->bytes_in_flight()) == 0) break;
    size_t limit = payload_room();
    if (outstanding > 0) limit = std::min<size_t>(limit, peer_rwnd_->rwnd());
    if (limit == 0) break;
    auto fragment = send_queue_->produce(now, limit);
    if (!fragment) break;
    if (!peer_rwnd_->allows(fragment->length, outstanding)) {
      // Cannot happen given `limit`, but never send beyond the window.
      break;
    }
    const Tsn tsn = retransmission_queue_->add_sent(*fragment, now);
    add_chunk(tsn, *fragment);
    sent = true;
  }
  if (sent) {
    congestion_->on_data_sent(now);
    // Section 6.3.2 R1: T3 runs whenever data is outstanding.
    if (!t3_rtx_->is_running()) t3_rtx_->start(rto_.rto());
  }
  // RFC 6525 section 5.1.2: a reset waits until its streams' queued data
  // has TSNs; this may have been the last of it.
  if (reconfig_) reconfig_->maybe_send_request();
}

void Socket::Impl::discard_abandoned() {
  if (!retransmission_queue_) return;
  for (const AbandonedMessage& m : retransmission_queue_->newly_abandoned()) {
    send_queue_->discard(m.stream_id, m.message_id);
    ++metrics_.messages_abandoned;
  }
  retransmission_queue_->clear_newly_abandoned();
}

void Socket::Impl::maybe_send_forward_tsn() {
  if (!retransmission_queue_ || !tcb_.capabilities.partial_reliability ||
      !retransmission_queue_->should_send_forward_tsn()) {
    return;
  }
  // RFC 3758 section 3.5 C: FORWARD TSN up to the Advanced.Peer.Ack.Point.
  // RFC 8260 section 2.3.1: with I-DATA the sender MUST use I-FORWARD-TSN
  // instead, naming each stream's skipped MID in its ordered or unordered
  // space (the U bit), since unordered messages have MIDs too.
  const Tsn new_cumulative_tsn = retransmission_queue_->advanced_peer_ack_point();
  if (tcb_.capabilities.message_interleaving) {
    IForwardTsnChunk fwd;
    fwd.new_cumulative_tsn = new_cumulative_tsn;
    for (const SkippedMid& s : retransmission_queue_->skipped_mids()) {
      fwd.skipped_streams.push_back(
          IForwardTsnChunk::SkippedStream{s.stream_id, s.unordered, s.mid});
    }
    send_to_peer(fwd);
    return;
  }
  ForwardTsnChunk fwd;
  fwd.new_cumulative_tsn = new_cumulative_tsn;
  for (const SkippedSsn& s : retransmission_queue_->skipped_ssns()) {
    fwd.skipped_streams.push_back(ForwardTsnChunk::SkippedStream{s.stream_id, s.ssn});
  }
  send_to_peer(fwd);
}

void Socket::Impl::handle_sack(const RawChunk& chunk) {
  auto sack = SackChunk::parse(chunk);
  if (!sack) {
    report_parse_error(chunk, sack.error());
    return;
  }
  if (!retransmission_queue_) return;
  // The parsed blocks are a view into the packet; decoded into a list that
  // keeps its capacity, so a SACK costs no allocation.
  gap_blocks_scratch_.clear();
  for (const auto& b : sack->gap_ack_blocks)
    gap_blocks_scratch_.push_back(GapAckBlock{b.start, b.end});
  const SackOutcome outcome =
      retransmission_queue_->handle_sack(sack->cumulative_tsn_ack, gap_blocks_scratch_,
                                         congestion_->in_fast_recovery(), callbacks_.now());
  if (outcome.status == SackOutcome::Status::kAcksUnsentTsn) {
    // Section 6.2.1: a SACK acknowledging a TSN never sent is a protocol
    // violation.
    abort_association(ErrorKind::kProtocolViolation, "SACK acknowledges a TSN never sent", {});
    return;
  }
  if (outcome.status == SackOutcome::Status::kStale) return;
  after_ack(outcome, sack->a_rwnd);
}

void Socket::Impl::handle_shutdown_cumulative_ack(Tsn cumulative_tsn_ack) {
  if (!retransmission_queue_) return;
  // RFC 9260 3.3.8: no Gap Ack Blocks here, and that is no renege.
  const SackOutcome outcome =
      retransmission_queue_->handle_sack(cumulative_tsn_ack, {}, congestion_->in_fast_recovery(),
                                         callbacks_.now(), /*absent_blocks_renege=*/false);
  if (outcome.status != SackOutcome::Status::kProcessed) return;
  after_ack(outcome, peer_rwnd_->rwnd() + uint32_t(outcome.ack_sample.bytes_acked));
}

void Socket::Impl::after_ack(const SackOutcome& outcome, uint32_t a_rwnd) {
  congestion_->on_sack(outcome.ack_sample);
  peer_rwnd_->on_sack(a_rwnd, retransmission_queue_->outstanding_bytes());
  tcb_.peer_a_rwnd = a_rwnd;
  if (outcome.rtt_sample) rto_.observe(*outcome.rtt_sample);
  // Section 8.3: acknowledged data clears the error counter.
  if (outcome.ack_sample.bytes_acked > 0) reset_association_errors();
  bool fast_recovery_started = false;
  if (outcome.new_fast_retransmits) {
    fast_recovery_started =
        congestion_->on_fast_retransmit(retransmission_queue_->highest_sent_tsn());
    ++metrics_.fast_retransmissions;
  }
  switch (outcome.t3) {
    case SackOutcome::T3Action::kStop:
      t3_rtx_->stop();
      break;
    case SackOutcome::T3Action::kRestart:
      t3_rtx_->start(rto_.rto());
      break;
    case SackOutcome::T3Action::kEnsureRunning:
      if (!t3_rtx_->is_running()) t3_rtx_->start(rto_.rto());
      break;
    case SackOutcome::T3Action::kNone:
      break;
  }
  discard_abandoned();
  maybe_send_forward_tsn();
  transmit_data(fast_recovery_started);
  if (state_ == AssociationState::kShutdownPending ||
      state_ == AssociationState::kShutdownReceived) {
    maybe_send_shutdown_or_ack();
  }
}

void Socket::Impl::on_t3_rtx_expired() {
  if (!retransmission_queue_ || retransmission_queue_->empty()) return;
  // Section 6.3.3: E1 (cwnd), E2 (RTO doubled), E3 (retransmit one packet);
  // section 8.1: each expiry counts toward Association.Max.Retrans.
  ++metrics_.t3_expirations;
  if (!count_association_error("T3-rtx expired")) return;
  rto_.back_off();
  congestion_->on_retransmission_timeout();
  retransmission_queue_->handle_t3_expiry();
  discard_abandoned();
  maybe_send_forward_tsn();
  t3_rtx_->start(rto_.rto());
  transmit_data(/*force_one_packet=*/true);
}

}  // namespace sctp
