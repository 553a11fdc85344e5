#include "socket/socket_impl.h"

#include <algorithm>
#include <string>

#include "packet/crc32c.h"
#include "packet/error_causes/unrecognized_chunk_type_cause.h"

namespace sctp {
namespace {

StateCookieSigner::Secret make_secret(SocketCallbacks& callbacks) {
  // A per-socket random secret (section 5.1.3): cookies of one socket are
  // worthless to any other.
  StateCookieSigner::Secret secret{};
  for (size_t i = 0; i < secret.size(); i += 4)
    store_be32(secret.data() + i, callbacks.random_u32());
  return secret;
}

RtoEstimator::Config rto_config(const SocketOptions& o) {
  return {o.rto_initial, o.rto_min, o.rto_max};
}

bool contains_chunk(const PacketView& packet, ChunkType type) {
  for (const RawChunk& c : packet) {
    if (c.is(type)) return true;
  }
  return false;
}

}  // namespace

const char* to_string(AssociationState state) {
  switch (state) {
    case AssociationState::kClosed:
      return "CLOSED";
    case AssociationState::kCookieWait:
      return "COOKIE-WAIT";
    case AssociationState::kCookieEchoed:
      return "COOKIE-ECHOED";
    case AssociationState::kEstablished:
      return "ESTABLISHED";
    case AssociationState::kShutdownPending:
      return "SHUTDOWN-PENDING";
    case AssociationState::kShutdownSent:
      return "SHUTDOWN-SENT";
    case AssociationState::kShutdownReceived:
      return "SHUTDOWN-RECEIVED";
    case AssociationState::kShutdownAckSent:
      return "SHUTDOWN-ACK-SENT";
  }
  return "?";
}

Socket::Impl::Impl(const SocketOptions& options, SocketCallbacks& callbacks)
    : options_(options),
      callbacks_(callbacks),
      timers_(*this),
      rto_(rto_config(options)),
      cookie_signer_(make_secret(callbacks)),
      writer_(callbacks, options.mtu, options.local_port, options.remote_port, metrics_) {
  // T1-init and T1-cookie: RTO-based, doubled on each expiry and capped
  // (section 5.1.6 / 6.3.3 E2), given up after Max.Init.Retransmits.
  const TimerOptions t1{TimerBackoff::kExponential, options_.max_init_timeout,
                        options_.max_init_retransmits};
  t1_init_ = timers_.create("t1-init", t1, [this] { on_t1_init_expired(); });
  t1_cookie_ = timers_.create("t1-cookie", t1, [this] { on_t1_cookie_expired(); });
  // T2-shutdown (section 9.2): RTO-based with backoff; the retransmission
  // limit is the association's error counter, checked by the handler.
  t2_shutdown_ = timers_.create(
      "t2-shutdown", TimerOptions{TimerBackoff::kExponential, options_.rto_max, std::nullopt},
      [this] { on_t2_shutdown_expired(); });
  t5_shutdown_guard_ =
      timers_.create("t5-shutdown-guard", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0},
                     [this] { on_t5_guard_expired(); });
  // The heartbeat handlers restart these themselves with fresh durations.
  heartbeat_interval_ =
      timers_.create("heartbeat-interval", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0},
                     [this] { on_heartbeat_interval_expired(); });
  heartbeat_timeout_ =
      timers_.create("heartbeat-timeout", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0},
                     [this] { on_heartbeat_timeout(); });
  delayed_ack_ = timers_.create("delayed-ack", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0},
                                [this] { on_delayed_ack_expired(); });
  // T3-rtx (section 6.3.2): restarted by hand with the (backed-off) RTO.
  t3_rtx_ = timers_.create("t3-rtx", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0},
                           [this] { on_t3_rtx_expired(); });
  // RE-CONFIG retransmission (RFC 6525 section 5.1.1): RTO-based with
  // backoff like T3-rtx; the limit is the association's error counter.
  reconfig_timer_ = timers_.create(
      "reconfig", TimerOptions{TimerBackoff::kExponential, options_.rto_max, std::nullopt}, [this] {
        if (reconfig_) {
          reconfig_->on_retransmit_timer_expired();
        } else {
          reconfig_timer_->stop();
        }
      });
  make_send_queue();
  metrics_.rto = rto_.rto();
}

// ---------------------------------------------------------------- API

void Socket::Impl::connect() {
  if (state_ != AssociationState::kClosed) return;  // already connecting or connected
  tcb_ = Tcb{};
  tcb_.local_tag = random_tag();
  tcb_.local_initial_tsn = random_tsn();
  cookie_preservative_ms_.reset();
  stale_cookie_retries_ = 0;
  shutdown_requested_ = false;
  set_state(AssociationState::kCookieWait);
  send_init();
  t1_init_->start(options_.rto_initial);
  writer_.flush();
}

void Socket::Impl::handle_timeout(TimerId id) {
  timers_.handle_timeout(id);
  writer_.flush();
}

SocketState Socket::Impl::state() const {
  switch (state_) {
    case AssociationState::kClosed:
      return SocketState::kClosed;
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      return SocketState::kConnecting;
    case AssociationState::kEstablished:
      return SocketState::kConnected;
    case AssociationState::kShutdownPending:
    case AssociationState::kShutdownSent:
    case AssociationState::kShutdownReceived:
    case AssociationState::kShutdownAckSent:
      return SocketState::kShuttingDown;
  }
  return SocketState::kClosed;
}

Metrics Socket::Impl::metrics() const {
  Metrics m = metrics_;
  m.state = state();
  m.srtt = rto_.srtt();
  m.rto = rto_.rto();
  const bool associated =
      state_ != AssociationState::kClosed && state_ != AssociationState::kCookieWait;
  m.buffered_amount = send_queue_->total_buffered_amount();
  if (retransmission_queue_) m.bytes_in_flight = retransmission_queue_->bytes_in_flight();
  if (reassembly_) m.receive_buffered_bytes = reassembly_->buffered_bytes() + unconsumed_bytes_;
  if (congestion_) {
    m.cwnd = congestion_->cwnd();
    m.ssthresh = congestion_->ssthresh();
  }
  if (associated) {
    m.peer_rwnd = peer_rwnd_ ? peer_rwnd_->rwnd() : tcb_.peer_a_rwnd;
    m.negotiated_outbound_streams = tcb_.outbound_streams;
    m.negotiated_inbound_streams = tcb_.inbound_streams;
    m.uses_partial_reliability = tcb_.capabilities.partial_reliability;
    m.uses_stream_reconfiguration = tcb_.capabilities.stream_reconfiguration;
    m.uses_message_interleaving = tcb_.capabilities.message_interleaving;
    m.uses_zero_checksum = tcb_.capabilities.zero_checksum;
  }
  return m;
}

// ---------------------------------------------------------------- intake

void Socket::Impl::receive_packet(std::span<const uint8_t> bytes) {
  ++metrics_.packets_received;
  metrics_.bytes_received += bytes.size();
  auto packet = PacketView::parse(bytes);
  if (!packet || packet->chunk_count() == 0) {
    ++metrics_.packets_discarded;
    return;
  }
  // Section 6.8 / RFC 9653 section 5.3.
  if (!accept_checksum(*packet)) {
    ++metrics_.packets_discarded;
    return;
  }
  // Section 8.4/8.5: a packet for another port is not for this association.
  if (packet->header().destination_port != options_.local_port) {
    ++metrics_.packets_discarded;
    return;
  }
  if (!has_tcb()) {
    handle_out_of_the_blue(*packet);
  } else if (verification_tag_ok(*packet)) {
    for (const RawChunk& chunk : *packet) {
      if (!dispatch_chunk(*packet, chunk)) break;
    }
    finish_received_packet();
  } else {
    ++metrics_.packets_discarded;
  }
  writer_.flush();
}

bool Socket::Impl::accept_checksum(const PacketView& packet) {
  if (verify_packet_checksum(packet.bytes())) return true;
  // RFC 9653 section 5.3: a zero checksum is acceptable only when we
  // announced Zero Checksum Acceptable, which we do in every INIT and INIT
  // ACK when enabled. A packet with an INIT cannot have seen that
  // announcement, so it always needs a real CRC32c.
  return options_.enable_zero_checksum && packet_checksum_is_zero(packet.bytes()) &&
         !contains_chunk(packet, ChunkType::kInit);
}

bool Socket::Impl::verification_tag_ok(const PacketView& packet) {
  const VerificationTag tag = packet.header().verification_tag;
  const RawChunk first = *packet.begin();
  switch (static_cast<ChunkType>(first.type)) {
    case ChunkType::kInit:
      // 8.5.1 A: checked in handle_init (tag 0, INIT alone).
      return true;
    case ChunkType::kCookieEcho:
      // 8.5.1 D / 5.1.5 step 3: checked against the cookie's tag.
      return true;
    case ChunkType::kAbort:
    case ChunkType::kShutdownComplete: {
      // 8.5.1 B and C: our tag, or the peer's tag with the T bit set.
      const bool reflected = (first.flags & AbortChunk::kFlagTagReflected) != 0;
      if (!reflected) return tag == tcb_.local_tag;
      return tcb_.peer_tag.value() != 0 && tag == tcb_.peer_tag;
    }
    case ChunkType::kShutdownAck:
      // 8.5.1 E: in COOKIE-WAIT / COOKIE-ECHOED it is handled as OOTB by
      // handle_shutdown_ack, whatever its tag.
      if (state_ == AssociationState::kCookieWait || state_ == AssociationState::kCookieEchoed) {
        return true;
      }
      return tag == tcb_.local_tag;
    default:
      // 8.5: every other packet carries our tag.
      return tag == tcb_.local_tag;
  }
}

void Socket::Impl::handle_out_of_the_blue(const PacketView& packet) {
  // Section 8.4, rules in order.
  const VerificationTag tag = packet.header().verification_tag;
  const RawChunk first = *packet.begin();
  // Rule 2: an OOTB ABORT is silently discarded.
  if (contains_chunk(packet, ChunkType::kAbort)) {
    ++metrics_.packets_discarded;
    return;
  }
  // Rule 3: INIT is processed as in 5.1 (stateless answer).
  if (first.is(ChunkType::kInit)) {
    handle_init(packet, first);
    return;
  }
  // Rule 4: COOKIE ECHO as the first chunk is processed as in 5.1; chunks
  // bundled after it belong to the new association.
  if (first.is(ChunkType::kCookieEcho)) {
    handle_cookie_echo(packet, first);
    if (!has_tcb() || tag != tcb_.local_tag) return;
    bool skip_first = true;
    for (const RawChunk& chunk : packet) {
      if (skip_first) {
        skip_first = false;
        continue;
      }
      if (!dispatch_chunk(packet, chunk)) break;
    }
    finish_received_packet();
    return;
  }
  // Rule 5: SHUTDOWN ACK gets a SHUTDOWN COMPLETE with the T bit and the
  // received tag reflected.
  if (contains_chunk(packet, ChunkType::kShutdownAck)) {
    writer_.add(tag, ShutdownCompleteChunk{true}, ChecksumNeed::kCrcRequired);
    return;
  }
  // Rules 6 and 7: SHUTDOWN COMPLETE, COOKIE ACK and ERROR (Stale Cookie
  // among them) are silently discarded. Sending an ABORT in reply to an
  // ERROR could loop between two endpoints without a TCB.
  if (contains_chunk(packet, ChunkType::kShutdownComplete) ||
      contains_chunk(packet, ChunkType::kCookieAck) || contains_chunk(packet, ChunkType::kError)) {
    ++metrics_.packets_discarded;
    return;
  }
  // Rule 8: ABORT with the T bit, reflecting the received tag.
  ++metrics_.packets_discarded;
  writer_.add(tag, AbortChunk{true, {}}, ChecksumNeed::kCrcRequired);
}

bool Socket::Impl::dispatch_chunk(const PacketView& packet, const RawChunk& chunk) {
  switch (static_cast<ChunkType>(chunk.type)) {
    case ChunkType::kInit:
      handle_init(packet, chunk);
      return false;  // INIT is alone in its packet (section 3.3.2)
    case ChunkType::kInitAck:
      handle_init_ack(packet, chunk);
      return has_tcb();
    case ChunkType::kCookieEcho:
      // 5.1: COOKIE ECHO is only valid as the first chunk of a packet.
      if (chunk.whole.data() != packet.begin().operator*().whole.data()) return true;
      handle_cookie_echo(packet, chunk);
      // Chunks after it are only for an association with this tag.
      return has_tcb() && packet.header().verification_tag == tcb_.local_tag;
    case ChunkType::kCookieAck:
      handle_cookie_ack();
      return true;
    case ChunkType::kHeartbeat:
      handle_heartbeat(chunk);
      return true;
    case ChunkType::kHeartbeatAck:
      handle_heartbeat_ack(chunk);
      return has_tcb();
    case ChunkType::kAbort:
      handle_abort(chunk);
      return false;
    case ChunkType::kShutdown:
      handle_shutdown(chunk);
      return has_tcb();
    case ChunkType::kShutdownAck:
      handle_shutdown_ack(packet);
      return has_tcb();
    case ChunkType::kShutdownComplete:
      handle_shutdown_complete(chunk);
      return has_tcb();
    case ChunkType::kError:
      handle_error(chunk);
      return has_tcb();
    case ChunkType::kPad:
      // RFC 4820: padding only, nothing to do.
      return true;
    case ChunkType::kData:
    case ChunkType::kSack:
    case ChunkType::kForwardTsn:
    case ChunkType::kIData:
    case ChunkType::kIForwardTsn:
    case ChunkType::kReConfig:
      return handle_data_path_chunk(chunk);
    default:
      // AUTH, ASCONF, ASCONF-ACK, ECNE, CWR (never negotiated by us) and
      // types we do not know: section 3.2, by the upper two bits.
      return handle_unrecognized_chunk(chunk);
  }
}

bool Socket::Impl::handle_unrecognized_chunk(const RawChunk& chunk) {
  const UnrecognizedChunkAction action = unrecognized_chunk_action(chunk.type);
  const bool report = action == UnrecognizedChunkAction::kStopDiscardReport ||
                      action == UnrecognizedChunkAction::kSkipReport;
  if (report && tcb_.peer_tag.value() != 0) {
    // Quote the chunk, truncated if needed to fit one packet (the cause
    // allows truncation; see unrecognized_chunk_type_cause.h).
    const size_t room = writer_.max_chunk_bytes() - 2 * kTlvHeaderSize;
    ErrorChunk error;
    error.causes.emplace_back(
        UnrecognizedChunkTypeCause{chunk.whole.first(std::min(room, chunk.whole.size()))});
    send_to_peer(error);
  }
  const bool skip =
      action == UnrecognizedChunkAction::kSkip || action == UnrecognizedChunkAction::kSkipReport;
  if (!skip) ++metrics_.packets_discarded;
  return skip;
}

void Socket::Impl::report_parse_error(const RawChunk& chunk, const ParseError& error) {
  ++metrics_.packets_discarded;
  callbacks_.on_error(ErrorKind::kParseFailed, std::string("malformed ") +
                                                   chunk_type_name(chunk.type) +
                                                   " chunk discarded: " + to_string(error));
}

// ---------------------------------------------------------------- helpers

VerificationTag Socket::Impl::random_tag() {
  // Section 5.3.1: a Verification Tag is random and never 0.
  uint32_t v = 0;
  while (v == 0)
    v = callbacks_.random_u32();
  return VerificationTag(v);
}

void Socket::Impl::set_state(AssociationState state) {
  state_ = state;
  // RFC 9653 section 5.2: zero checksums only to a peer that accepts them,
  // and only once the association is established (never during the
  // handshake, never to a tag we merely reflect).
  const bool associated =
      state_ != AssociationState::kClosed && state_ != AssociationState::kCookieWait &&
      state_ != AssociationState::kCookieEchoed && tcb_.capabilities.zero_checksum;
  writer_.set_zero_checksum_tag(associated ? std::optional(tcb_.peer_tag) : std::nullopt);
}

DurationMs Socket::Impl::shutdown_guard_duration() const {
  return options_.shutdown_guard_timeout.value_or(options_.rto_max * 5);
}

}  // namespace sctp
