// The association state machine behind sctp::Socket (RFC 9260 sections 4,
// 5, 8 and 9): handshake as initiator and responder, INIT collision and
// restart (5.2), verification tags (8.5), out-of-the-blue packets (8.4),
// shutdown (9.2), abort, heartbeats (8.3), unknown chunks and parameters
// (3.2, 3.2.1) and the RFC 9653 zero checksum.
//
// The implementation is split by area over several files:
//   socket_impl.cpp       construction, public API, packet intake, dispatch
//   socket_handshake.cpp  INIT, INIT ACK, COOKIE ECHO, COOKIE ACK, T1 timers
//   socket_teardown.cpp   SHUTDOWN*, ABORT, ERROR, T2/T5 timers
//   socket_heartbeat.cpp  HEARTBEAT, HEARTBEAT ACK, error counting
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "packet/chunks/abort_chunk.h"
#include "packet/chunks/cookie_ack_chunk.h"
#include "packet/chunks/cookie_echo_chunk.h"
#include "packet/chunks/error_chunk.h"
#include "packet/chunks/heartbeat_ack_chunk.h"
#include "packet/chunks/heartbeat_chunk.h"
#include "packet/chunks/init_ack_chunk.h"
#include "packet/chunks/init_chunk.h"
#include "packet/chunks/reconfig_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "packet/chunks/shutdown_ack_chunk.h"
#include "packet/chunks/shutdown_chunk.h"
#include "packet/chunks/shutdown_complete_chunk.h"
#include "packet/error_cause.h"
#include "packet/packet_view.h"
#include "reconfig/stream_reset_handler.h"
#include "rx/data_tracker.h"
#include "rx/reassembly_queue.h"
#include "sctp/socket.h"
#include "socket/packet_writer.h"
#include "socket/peer_capabilities.h"
#include "socket/socket_stream_reset_context.h"
#include "socket/state_cookie.h"
#include "timer/rto_estimator.h"
#include "timer/timer_manager.h"
#include "tx/congestion_controller.h"
#include "tx/peer_receive_window.h"
#include "tx/retransmission_queue.h"
#include "tx/send_queue.h"

namespace sctp {

// RFC 9260 section 4 states.
enum class AssociationState : uint8_t {
  kClosed,
  kCookieWait,
  kCookieEchoed,
  kEstablished,
  kShutdownPending,
  kShutdownSent,
  kShutdownReceived,
  kShutdownAckSent,
};
[[nodiscard]] const char* to_string(AssociationState state);

// The Transmission Control Block (section 2.1 / 14): plain data, so that it
// could later be serialized for handover.
struct Tcb {
  VerificationTag local_tag;  // what the peer puts in packets to us
  VerificationTag peer_tag;   // what we put in packets to the peer (0: unknown yet)
  Tsn local_initial_tsn;
  Tsn peer_initial_tsn;
  uint32_t peer_a_rwnd = 0;
  uint16_t outbound_streams = 0;  // min(our OS, peer MIS)
  uint16_t inbound_streams = 0;   // min(our MIS, peer OS)
  PeerCapabilities capabilities;
};

class Socket::Impl : private TimerScheduler {
 public:
  Impl(const SocketOptions& options, SocketCallbacks& callbacks);

  void connect();
  void shutdown();
  void abort(std::string_view reason);
  void receive_packet(std::span<const uint8_t> packet);
  void handle_timeout(TimerId id);
  SendStatus send(StreamId stream, std::span<const uint8_t> payload, const SendOptions& options);
  [[nodiscard]] size_t buffered_amount(StreamId stream) const;
  [[nodiscard]] size_t total_buffered_amount() const;
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes);
  void set_stream_priority(StreamId stream, uint16_t priority);
  void set_total_buffered_amount_low_threshold(size_t bytes);
  void consume_received(size_t bytes);
  bool reset_streams(std::span<const StreamId> outgoing_streams);
  [[nodiscard]] SocketState state() const;
  [[nodiscard]] Metrics metrics() const;
  [[nodiscard]] const SocketOptions& options() const { return options_; }

  [[nodiscard]] AssociationState association_state() const { return state_; }
  [[nodiscard]] const Tcb& tcb() const { return tcb_; }

 private:
  friend class SocketStreamResetContext;

  // TimerScheduler
  void start_timer(TimerId id, DurationMs duration) override {
    callbacks_.start_timer(id, duration);
  }
  void stop_timer(TimerId id) override { callbacks_.stop_timer(id); }

  // --- Intake (socket_impl.cpp).
  bool accept_checksum(const PacketView& packet);
  // Section 8.5 / 8.5.1: whether the packet's tag is acceptable for a packet
  // whose chunks are `types` when a TCB exists.
  bool verification_tag_ok(const PacketView& packet);
  void handle_out_of_the_blue(const PacketView& packet);
  // Returns false when processing of the packet must stop.
  bool dispatch_chunk(const PacketView& packet, const RawChunk& chunk);
  bool handle_unrecognized_chunk(const RawChunk& chunk);
  void report_parse_error(const RawChunk& chunk, const ParseError& error);

  // --- Data path (socket_data.cpp).
  void start_data_path();
  void stop_data_path();
  bool handle_data_path_chunk(const RawChunk& chunk);
  // DATA or I-DATA (DataChunk / IDataChunk): parse, RFC 9260 6.2 "No User
  // Data" check, then accept_fragment().
  template <typename DataChunkType>
  void handle_data(const RawChunk& chunk);
  void handle_forward_tsn(const RawChunk& chunk);
  void handle_iforward_tsn(const RawChunk& chunk);
  void accept_fragment(const ReceivedFragment& fragment, bool immediate_sack);
  // After all chunks of a received packet: SACK timing and delivery.
  void finish_received_packet();
  void send_sack();
  void on_delayed_ack_expired();
  // The receive window still open (what a_rwnd announces): the reassembly
  // queue's room minus delivered bytes the application has not consumed.
  [[nodiscard]] size_t receive_window_remaining() const;

  // --- Send path (socket_send.cpp).
  void make_send_queue();
  void handle_sack(const RawChunk& chunk);
  // Cumulative ack carried by a SHUTDOWN (section 9.2), as a SACK without gaps.
  void handle_shutdown_cumulative_ack(Tsn cumulative_tsn_ack);
  void after_ack(const SackOutcome& outcome, uint32_t a_rwnd);
  // Sends retransmissions, then new data, as cwnd and rwnd allow.
  // `force_one_packet`: one packet of retransmissions regardless of cwnd
  // (fast retransmit, 7.2.4 step 3; T3 expiry, 6.3.3 E3).
  void transmit_data(bool force_one_packet = false);
  void discard_abandoned();
  void maybe_send_forward_tsn();
  void on_t3_rtx_expired();
  [[nodiscard]] size_t data_chunk_header_size() const;
  // Nothing queued or in flight: shutdown may proceed (section 9.2).
  [[nodiscard]] bool all_data_acknowledged() const;
  [[nodiscard]] Tsn cumulative_tsn_ack() const;

  // --- Stream reconfiguration, RFC 6525 (socket_reconfig.cpp).
  void start_stream_reconfiguration();
  void stop_stream_reconfiguration();
  void handle_reconfig(const RawChunk& chunk);
  // Reports incoming stream resets in delivery order: after the messages
  // that were ready when the reset was performed.
  void report_incoming_resets(size_t delivered);

  // --- Handshake (socket_handshake.cpp).
  void send_init();
  void handle_init(const PacketView& packet, const RawChunk& chunk);
  void handle_init_ack(const PacketView& packet, const RawChunk& chunk);
  void handle_cookie_echo(const PacketView& packet, const RawChunk& chunk);
  void handle_cookie_ack();
  void on_t1_init_expired();
  void on_t1_cookie_expired();
  void send_init_ack(const InitChunk& init, VerificationTag local_tag, Tsn local_initial_tsn,
                     VerificationTag local_tie_tag, VerificationTag peer_tie_tag,
                     std::span<const UnknownParameter* const> reports);
  void send_cookie_echo();
  void establish_from_cookie(const StateCookieContents& cookie, bool restart = false);
  void enter_established(bool restart);
  void handle_stale_cookie(const StaleCookieCause& cause);
  // Applies section 3.2.1 to the parameters of an INIT / INIT ACK: the
  // parameters to use (up to a "stop" one) and those to report.
  struct ParameterTriage {
    std::span<const Parameter> usable;
    std::vector<const UnknownParameter*> to_report;
  };
  static ParameterTriage triage_parameters(std::span<const Parameter> parameters);

  // --- Teardown (socket_teardown.cpp).
  void handle_abort(const RawChunk& chunk);
  void handle_error(const RawChunk& chunk);
  void handle_shutdown(const RawChunk& chunk);
  void handle_shutdown_ack(const PacketView& packet);
  void handle_shutdown_complete(const RawChunk& chunk);
  void maybe_send_shutdown_or_ack();
  void send_shutdown();
  void send_shutdown_ack();
  void on_t2_shutdown_expired();
  void on_t5_guard_expired();
  // Sends ABORT with `causes` to the peer (if it has a TCB for us) and closes.
  void abort_association(ErrorKind kind, std::string_view reason,
                         std::span<const ErrorCause> causes);
  // Tears the association down without sending anything.
  void close_association();
  void fail_association(ErrorKind kind, std::string_view reason);

  // --- Heartbeat and error counting (socket_heartbeat.cpp).
  void start_heartbeat_timer();
  void on_heartbeat_interval_expired();
  void on_heartbeat_timeout();
  void handle_heartbeat(const RawChunk& chunk);
  void handle_heartbeat_ack(const RawChunk& chunk);
  // Section 8.1: one more consecutive failure; false when the association
  // failed as a result.
  bool count_association_error(std::string_view what);
  void reset_association_errors() { association_errors_ = 0; }

  // --- Helpers.
  [[nodiscard]] bool has_tcb() const { return state_ != AssociationState::kClosed; }
  VerificationTag random_tag();
  Tsn random_tsn() {
    return Tsn(options_.initial_tsn_for_testing ? *options_.initial_tsn_for_testing
                                                : callbacks_.random_u32());
  }
  template <SerializableChunk Chunk>
  bool send_to_peer(const Chunk& chunk, ChecksumNeed need = ChecksumNeed::kZeroAllowed) {
    return writer_.add(tcb_.peer_tag, chunk, need);
  }
  void set_state(AssociationState state);
  [[nodiscard]] DurationMs shutdown_guard_duration() const;

  SocketOptions options_;
  SocketCallbacks& callbacks_;
  Metrics metrics_;
  TimerManager timers_;
  RtoEstimator rto_;
  StateCookieSigner cookie_signer_;
  PacketWriter writer_;

  AssociationState state_ = AssociationState::kClosed;
  Tcb tcb_;

  // Handshake state while COOKIE-WAIT / COOKIE-ECHOED.
  std::vector<uint8_t> cookie_to_echo_;
  // ERROR causes to bundle with the COOKIE ECHO (unrecognized parameters of
  // the INIT ACK, section 3.2.2); kept as the raw parameter bytes.
  std::vector<uint8_t> init_ack_unrecognized_;
  std::optional<uint32_t> cookie_preservative_ms_;
  std::optional<TimeMs> handshake_rtt_start_;  // Karn: cleared on retransmission
  int stale_cookie_retries_ = 0;

  // Shutdown.
  bool shutdown_requested_ = false;

  // Heartbeat.
  uint64_t heartbeat_nonce_ = 0;
  bool heartbeat_outstanding_ = false;  // sent, neither acked nor timed out
  bool heartbeat_acked_ = false;        // the latest HEARTBEAT was acknowledged
  int association_errors_ = 0;

  // Receive side (exists while associated).
  std::optional<DataTracker> data_tracker_;
  std::optional<ReassemblyQueue> reassembly_;
  bool packet_had_data_ = false;
  // SocketOptions::manual_receive_window: delivered bytes not yet consumed,
  // and the a_rwnd of our latest SACK (to decide on a window update).
  size_t unconsumed_bytes_ = 0;
  uint32_t last_advertised_rwnd_ = 0;
  // ERROR chunks to send after this packet's SACK (section 6.5).
  std::vector<StreamId> invalid_streams_;
  // Reused between chunks, so SACK and FORWARD-TSN handling allocate
  // nothing once these have grown (no per-packet allocation).
  std::vector<GapAckBlock> gap_blocks_scratch_;
  std::vector<SkippedSsn> skipped_ssns_scratch_;
  std::vector<SkippedMid> skipped_mids_scratch_;
  SackChunk outgoing_sack_;

  // Send side: the queue lives as long as the socket (messages may be
  // queued before the association is up); the rest per association.
  std::optional<SendQueue> send_queue_;
  std::optional<RetransmissionQueue> retransmission_queue_;
  std::unique_ptr<CongestionController> congestion_;
  std::optional<PeerReceiveWindow> peer_rwnd_;

  // Timers.
  Timer* t1_init_;
  Timer* t1_cookie_;
  Timer* t2_shutdown_;
  Timer* t5_shutdown_guard_;
  Timer* heartbeat_interval_;
  Timer* heartbeat_timeout_;
  Timer* delayed_ack_;
  Timer* t3_rtx_;
  Timer* reconfig_timer_;

  // Stream reconfiguration (exists while associated with RE-CONFIG).
  SocketStreamResetContext reconfig_context_{*this};
  std::optional<StreamResetHandler> reconfig_;
  // Outcomes of our resets, reported after the RE-CONFIG chunk is handled.
  struct OutgoingResetResult {
    std::vector<StreamId> streams;
    std::optional<ReconfigResult> refused;  // unset: performed
  };
  std::vector<OutgoingResetResult> outgoing_reset_results_;
  // Incoming resets to report once `first` messages of the packet are out.
  std::vector<std::pair<size_t, std::vector<StreamId>>> incoming_resets_to_report_;
};

}  // namespace sctp
