// Association setup: RFC 9260 sections 5.1 (four-way handshake), 5.2
// (collisions, unexpected INIT, COOKIE ECHO with a TCB, restart, stale
// cookies), 3.2.1/3.2.2 (unknown parameters), 3.3.2/3.3.3 (INIT and INIT
// ACK field rules) and RFC 9653 (zero checksum announcement).
#include <algorithm>
#include <limits>

#include "packet/error_causes/cookie_received_while_shutting_down_cause.h"
#include "packet/error_causes/invalid_mandatory_parameter_cause.h"
#include "packet/error_causes/missing_mandatory_parameter_cause.h"
#include "packet/error_causes/stale_cookie_cause.h"
#include "packet/error_causes/unrecognized_parameters_cause.h"
#include "socket/socket_impl.h"

namespace sctp {
namespace {

// Section 3.3.2: an INIT must leave room for at least one full-size packet.
constexpr uint32_t kMinAdvertisedWindow = 1500;
// The largest cookie lifespan increment a peer's Cookie Preservative can
// obtain (section 5.2.6 leaves the bound to the implementation).
constexpr DurationMs kMaxCookieLifespanIncrement{60000};

uint32_t clamp_u32(size_t v) {
  return uint32_t(std::min<size_t>(v, std::numeric_limits<uint32_t>::max()));
}

}  // namespace

Socket::Impl::ParameterTriage Socket::Impl::triage_parameters(
    std::span<const Parameter> parameters) {
  // Section 3.2.1: the upper two bits of an unknown parameter's type say
  // whether to go on with the following parameters (1x) or stop (0x), and
  // whether to report it (x1).
  ParameterTriage triage{parameters, {}};
  for (size_t i = 0; i < parameters.size(); ++i) {
    const auto* unknown = std::get_if<UnknownParameter>(&parameters[i]);
    if (unknown == nullptr) continue;
    const UnrecognizedParameterAction action = unknown->action();
    if (action == UnrecognizedParameterAction::kStopDiscardReport ||
        action == UnrecognizedParameterAction::kSkipReport) {
      triage.to_report.push_back(unknown);
    }
    if (action == UnrecognizedParameterAction::kStopDiscard ||
        action == UnrecognizedParameterAction::kStopDiscardReport) {
      triage.usable = parameters.first(i);
      break;
    }
  }
  return triage;
}

void Socket::Impl::send_init() {
  InitChunk init;
  init.initiate_tag = tcb_.local_tag;
  init.a_rwnd = clamp_u32(options_.receive_window);
  init.outbound_streams = options_.announced_outbound_streams;
  init.inbound_streams = options_.announced_inbound_streams;
  init.initial_tsn = tcb_.local_initial_tsn;
  append_capability_parameters(options_, init.parameters);
  if (cookie_preservative_ms_) {
    init.parameters.emplace_back(CookiePreservativeParameter{*cookie_preservative_ms_});
  }
  // Section 8.5.1 A: an INIT goes out with Verification Tag 0; RFC 9653
  // section 5.2: always with a real CRC32c.
  writer_.add(VerificationTag(0), init, ChecksumNeed::kCrcRequired);
  handshake_rtt_start_ = callbacks_.now();
}

void Socket::Impl::handle_init(const PacketView& packet, const RawChunk& chunk) {
  // Section 8.5.1 A: tag 0; section 3.3.2: INIT is never bundled.
  if (packet.header().verification_tag.value() != 0 || packet.chunk_count() != 1) {
    ++metrics_.packets_discarded;
    return;
  }
  auto init = InitChunk::parse(chunk);
  if (!init) {
    report_parse_error(chunk, init.error());
    return;
  }
  // Section 3.3.2: an Initiate Tag of 0 means discard silently.
  if (init->initiate_tag.value() == 0) {
    ++metrics_.packets_discarded;
    return;
  }
  // Section 3.3.2: zero streams either way, or a window too small for one
  // packet: answer with ABORT (tagged with the INIT's Initiate Tag, T bit
  // clear, section 8.4 rule 3), and leave any existing association as it is.
  if (init->outbound_streams == 0 || init->inbound_streams == 0 ||
      init->a_rwnd < kMinAdvertisedWindow) {
    AbortChunk abort{false, {InvalidMandatoryParameterCause{}}};
    writer_.add(init->initiate_tag, abort, ChecksumNeed::kCrcRequired);
    return;
  }
  const ParameterTriage triage = triage_parameters(init->parameters);
  switch (state_) {
    case AssociationState::kClosed:
      // Section 5.1 B: answer without keeping any state.
      send_init_ack(*init, random_tag(), random_tsn(), VerificationTag(0), VerificationTag(0),
                    triage.to_report);
      return;
    case AssociationState::kCookieWait:
      // Section 5.2.1: INIT collision. Same tag and TSN as our own INIT; no
      // tie-tags since there is no peer tag yet.
      send_init_ack(*init, tcb_.local_tag, tcb_.local_initial_tsn, VerificationTag(0),
                    VerificationTag(0), triage.to_report);
      return;
    case AssociationState::kCookieEchoed:
      // Section 5.2.1, with the tie-tags of section 5.2.2.
      send_init_ack(*init, tcb_.local_tag, tcb_.local_initial_tsn, tcb_.local_tag, tcb_.peer_tag,
                    triage.to_report);
      return;
    case AssociationState::kShutdownAckSent:
      // Section 9.2: discard the INIT and retransmit the SHUTDOWN ACK.
      send_shutdown_ack();
      return;
    case AssociationState::kEstablished:
    case AssociationState::kShutdownPending:
    case AssociationState::kShutdownSent:
    case AssociationState::kShutdownReceived: {
      // Section 5.2.2: unexpected INIT (maybe a peer restart). A new tag,
      // the current tags as tie-tags, and the association left untouched.
      VerificationTag tag = random_tag();
      while (tag == tcb_.local_tag || tag == tcb_.peer_tag)
        tag = random_tag();
      send_init_ack(*init, tag, random_tsn(), tcb_.local_tag, tcb_.peer_tag, triage.to_report);
      return;
    }
  }
}

void Socket::Impl::send_init_ack(const InitChunk& init, VerificationTag local_tag,
                                 Tsn local_initial_tsn, VerificationTag local_tie_tag,
                                 VerificationTag peer_tie_tag,
                                 std::span<const UnknownParameter* const> reports) {
  const ParameterTriage triage = triage_parameters(init.parameters);
  StateCookieContents contents;
  contents.created = callbacks_.now();
  contents.lifespan = options_.valid_cookie_life;
  // Section 5.2.6: honour a Cookie Preservative, within a bound.
  for (const Parameter& p : triage.usable) {
    if (const auto* preservative = std::get_if<CookiePreservativeParameter>(&p)) {
      contents.lifespan +=
          std::min(DurationMs(preservative->life_span_increment_ms), kMaxCookieLifespanIncrement);
      break;
    }
  }
  contents.local_tag = local_tag;
  contents.peer_tag = init.initiate_tag;
  contents.local_initial_tsn = local_initial_tsn;
  contents.peer_initial_tsn = init.initial_tsn;
  contents.peer_a_rwnd = init.a_rwnd;
  contents.peer_outbound_streams = init.outbound_streams;
  contents.peer_inbound_streams = init.inbound_streams;
  contents.local_tie_tag = local_tie_tag;
  contents.peer_tie_tag = peer_tie_tag;
  contents.capabilities = negotiate_capabilities(options_, triage.usable);
  const StateCookieSigner::Cookie cookie = cookie_signer_.sign(contents);

  InitAckChunk ack;
  ack.initiate_tag = local_tag;
  ack.a_rwnd = clamp_u32(options_.receive_window);
  ack.outbound_streams = options_.announced_outbound_streams;
  ack.inbound_streams = options_.announced_inbound_streams;
  ack.initial_tsn = local_initial_tsn;
  ack.parameters.emplace_back(StateCookieParameter{cookie});
  append_capability_parameters(options_, ack.parameters);
  // Section 3.2.2: unrecognized INIT parameters are reported in the INIT
  // ACK, as long as the INIT ACK still fits in one packet.
  for (const UnknownParameter* unknown : reports) {
    const UnrecognizedParameterParameter report{unknown->whole};
    if (init_chunk_length(ack) + pad4(report.length()) > writer_.max_chunk_bytes()) break;
    ack.parameters.emplace_back(report);
  }
  // The INIT ACK goes to the INIT's Initiate Tag (section 5.1 B), with a
  // real CRC32c: the peer has no association yet (RFC 9653 section 5.2).
  writer_.add(init.initiate_tag, ack, ChecksumNeed::kCrcRequired);
}

void Socket::Impl::handle_init_ack(const PacketView& /*packet*/, const RawChunk& chunk) {
  // Section 5.2.3: only COOKIE-WAIT expects an INIT ACK.
  if (state_ != AssociationState::kCookieWait) {
    ++metrics_.packets_discarded;
    return;
  }
  auto ack = InitAckChunk::parse(chunk);
  if (!ack) {
    report_parse_error(chunk, ack.error());
    return;
  }
  // Section 3.3.3: a zero Initiate Tag destroys the association.
  if (ack->initiate_tag.value() == 0) {
    fail_association(ErrorKind::kProtocolViolation, "INIT ACK with Initiate Tag 0");
    return;
  }
  tcb_.peer_tag = ack->initiate_tag;
  if (ack->outbound_streams == 0 || ack->inbound_streams == 0) {
    const ErrorCause cause = InvalidMandatoryParameterCause{};
    abort_association(ErrorKind::kProtocolViolation, "INIT ACK announces zero streams",
                      std::span(&cause, 1));
    return;
  }
  const ParameterTriage triage = triage_parameters(ack->parameters);
  const StateCookieParameter* cookie = nullptr;
  for (const Parameter& p : triage.usable) {
    if (const auto* c = std::get_if<StateCookieParameter>(&p)) {
      cookie = c;
      break;
    }
  }
  if (cookie == nullptr) {
    // Section 3.3.3: the State Cookie is mandatory.
    const ErrorCause cause =
        MissingMandatoryParameterCause{{uint16_t(ParameterType::kStateCookie)}};
    abort_association(ErrorKind::kProtocolViolation, "INIT ACK without State Cookie",
                      std::span(&cause, 1));
    return;
  }
  t1_init_->stop();
  if (handshake_rtt_start_) rto_.observe(callbacks_.now() - *handshake_rtt_start_);
  tcb_.peer_initial_tsn = ack->initial_tsn;
  tcb_.peer_a_rwnd = ack->a_rwnd;
  tcb_.outbound_streams = std::min(options_.announced_outbound_streams, ack->inbound_streams);
  tcb_.inbound_streams = std::min(options_.announced_inbound_streams, ack->outbound_streams);
  tcb_.capabilities = negotiate_capabilities(options_, triage.usable);
  cookie_to_echo_.assign(cookie->cookie.begin(), cookie->cookie.end());
  // Section 3.2.2: unrecognized INIT ACK parameters go back in an ERROR
  // bundled with the COOKIE ECHO, quoted whole (padded) in one cause.
  init_ack_unrecognized_.clear();
  for (const UnknownParameter* unknown : triage.to_report) {
    init_ack_unrecognized_.insert(init_ack_unrecognized_.end(), unknown->whole.begin(),
                                  unknown->whole.end());
    init_ack_unrecognized_.resize(pad4(init_ack_unrecognized_.size()), 0);
  }
  set_state(AssociationState::kCookieEchoed);
  send_cookie_echo();
  t1_cookie_->start(rto_.rto());
}

void Socket::Impl::send_cookie_echo() {
  // Section 5.1 D: COOKIE ECHO first in its packet; RFC 9653: real CRC32c.
  send_to_peer(CookieEchoChunk{cookie_to_echo_}, ChecksumNeed::kCrcRequired);
  if (!init_ack_unrecognized_.empty()) {
    ErrorChunk error;
    error.causes.emplace_back(UnrecognizedParametersCause{init_ack_unrecognized_});
    if (error.length() <= writer_.bytes_remaining(tcb_.peer_tag)) send_to_peer(error);
  }
  handshake_rtt_start_ = callbacks_.now();
}

void Socket::Impl::on_t1_init_expired() {
  // Section 5.1 A: retransmit up to Max.Init.Retransmits times.
  if (t1_init_->expiration_count() > options_.max_init_retransmits) {
    fail_association(ErrorKind::kTooManyRetries,
                     "INIT not answered after Max.Init.Retransmits retransmissions");
    return;
  }
  send_init();
  handshake_rtt_start_.reset();  // Karn's rule (6.3.1 C5)
}

void Socket::Impl::on_t1_cookie_expired() {
  // Section 5.1 C: the COOKIE ECHO is retransmitted like the INIT.
  if (t1_cookie_->expiration_count() > options_.max_init_retransmits) {
    fail_association(ErrorKind::kTooManyRetries,
                     "COOKIE ECHO not answered after Max.Init.Retransmits retransmissions");
    return;
  }
  send_cookie_echo();
  handshake_rtt_start_.reset();
}

void Socket::Impl::handle_cookie_echo(const PacketView& packet, const RawChunk& chunk) {
  auto echo = CookieEchoChunk::parse(chunk);
  if (!echo) {
    report_parse_error(chunk, echo.error());
    return;
  }
  // Section 5.1.5 steps 1-2: a cookie that does not verify is discarded
  // silently, whatever the state.
  auto cookie = cookie_signer_.verify(echo->cookie);
  if (!cookie) {
    ++metrics_.packets_discarded;
    return;
  }
  // Step 3: the packet must carry the tag the cookie was made for.
  if (packet.header().verification_tag != cookie->local_tag) {
    ++metrics_.packets_discarded;
    return;
  }
  // Step 4: a stale cookie gets an ERROR with the staleness (3.3.10.3), sent
  // to the tag of the peer that echoed it. Except (section 5.2.4 step 3)
  // when both of its tags match the existing association: that cookie is
  // valid however old (action D), the peer only repeats its COOKIE ECHO
  // because our COOKIE ACKs were lost.
  const bool tags_match_tcb = has_tcb() && tcb_.peer_tag.value() != 0 &&
                              cookie->local_tag == tcb_.local_tag &&
                              cookie->peer_tag == tcb_.peer_tag;
  if (const auto staleness = cookie_staleness_us(*cookie, callbacks_.now());
      staleness && !tags_match_tcb) {
    ErrorChunk error;
    error.causes.emplace_back(StaleCookieCause{*staleness});
    writer_.add(cookie->peer_tag, error, ChecksumNeed::kCrcRequired);
    return;
  }
  if (!has_tcb()) {
    // Step 5: a new association.
    establish_from_cookie(*cookie);
    return;
  }
  // Section 5.2.4: a TCB exists. The table of cases A-D.
  const bool local_match = cookie->local_tag == tcb_.local_tag;
  const bool peer_match = tcb_.peer_tag.value() != 0 && cookie->peer_tag == tcb_.peer_tag;
  const bool tie_tags_match =
      cookie->local_tie_tag == tcb_.local_tag && cookie->peer_tie_tag == tcb_.peer_tag;
  const bool tie_tags_zero =
      cookie->local_tie_tag.value() == 0 && cookie->peer_tie_tag.value() == 0;
  if (!local_match && !peer_match && tie_tags_match && tcb_.peer_tag.value() != 0) {
    // (A) the peer restarted.
    if (state_ == AssociationState::kShutdownAckSent) {
      // Not a restart while we are shutting down: SHUTDOWN ACK plus an
      // ERROR "Cookie Received While Shutting Down", to the new tag.
      writer_.add(cookie->peer_tag, ShutdownAckChunk{});
      ErrorChunk error;
      error.causes.emplace_back(CookieReceivedWhileShuttingDownCause{});
      writer_.add(cookie->peer_tag, error);
      return;
    }
    close_association();
    establish_from_cookie(*cookie, /*restart=*/true);
    return;
  }
  if (local_match && !peer_match) {
    // (B) setup collision: the peer picked a new tag after answering our
    // INIT; adopt the cookie's peer values and be established.
    establish_from_cookie(*cookie);
    return;
  }
  if (!local_match && peer_match && tie_tags_zero) {
    // (C) our own cookie arrived late: discard, change nothing.
    ++metrics_.packets_discarded;
    return;
  }
  if (local_match && peer_match) {
    // (D) both tags match: enter ESTABLISHED if not yet, and (again) COOKIE
    // ACK, since ours may have been lost.
    establish_from_cookie(*cookie);
    return;
  }
  ++metrics_.packets_discarded;  // no row of the table: silently discard
}

void Socket::Impl::establish_from_cookie(const StateCookieContents& cookie, bool restart) {
  const bool was_established =
      state_ == AssociationState::kEstablished || state_ == AssociationState::kShutdownPending ||
      state_ == AssociationState::kShutdownSent || state_ == AssociationState::kShutdownReceived ||
      state_ == AssociationState::kShutdownAckSent;
  t1_init_->stop();
  t1_cookie_->stop();
  tcb_.local_tag = cookie.local_tag;
  tcb_.peer_tag = cookie.peer_tag;
  tcb_.local_initial_tsn = cookie.local_initial_tsn;
  tcb_.peer_initial_tsn = cookie.peer_initial_tsn;
  tcb_.peer_a_rwnd = cookie.peer_a_rwnd;
  tcb_.outbound_streams =
      std::min(options_.announced_outbound_streams, cookie.peer_inbound_streams);
  tcb_.inbound_streams = std::min(options_.announced_inbound_streams, cookie.peer_outbound_streams);
  tcb_.capabilities = cookie.capabilities;
  // Section 5.1 E: COOKIE ACK (real CRC32c, RFC 9653 section 5.2: the
  // peer's association only exists once it receives this), first in the
  // packet, before any DATA queued for the new association.
  send_to_peer(CookieAckChunk{}, ChecksumNeed::kCrcRequired);
  if (was_established) {
    // Case B/D while established: only the peer's tag may have changed.
    set_state(state_);
  } else {
    enter_established(restart);
  }
}

void Socket::Impl::handle_cookie_ack() {
  if (state_ != AssociationState::kCookieEchoed) return;  // duplicate or late: ignore
  t1_cookie_->stop();
  if (handshake_rtt_start_) rto_.observe(callbacks_.now() - *handshake_rtt_start_);
  enter_established(false);
}

void Socket::Impl::enter_established(bool restart) {
  cookie_to_echo_.clear();
  cookie_to_echo_.shrink_to_fit();
  init_ack_unrecognized_.clear();
  handshake_rtt_start_.reset();
  reset_association_errors();
  set_state(AssociationState::kEstablished);
  start_data_path();
  start_heartbeat_timer();
  if (restart) {
    callbacks_.on_connection_restarted();
  } else {
    callbacks_.on_connected();
  }
  transmit_data();  // messages queued while connecting
  if (shutdown_requested_) {
    set_state(AssociationState::kShutdownPending);
    maybe_send_shutdown_or_ack();
  }
}

void Socket::Impl::handle_stale_cookie(const StaleCookieCause& cause) {
  // Section 5.2.6: ask for a longer cookie life with a new INIT carrying a
  // Cookie Preservative (twice the staleness, in ms), back in COOKIE-WAIT.
  // Counts against Max.Init.Retransmits like a T1 expiry.
  if (++stale_cookie_retries_ > options_.max_init_retransmits) {
    fail_association(ErrorKind::kTooManyRetries, "State Cookie stale after every retry");
    return;
  }
  const uint64_t doubled_ms = (uint64_t(cause.staleness_us) * 2 + 999) / 1000;
  cookie_preservative_ms_ = uint32_t(std::clamp<uint64_t>(doubled_ms, 1, 0xFFFFFFFFu));
  t1_cookie_->stop();
  tcb_.peer_tag = VerificationTag(0);
  cookie_to_echo_.clear();
  set_state(AssociationState::kCookieWait);
  send_init();
  t1_init_->start(options_.rto_initial);
}

}  // namespace sctp
