// Socket options: every tunable in one plain struct with documented defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "sctp/time.h"

namespace sctp {

// Stream schedulers of RFC 8260 section 3 that the socket can use.
enum class StreamSchedulerKind : uint8_t {
  kFirstComeFirstServed,  // RFC 8260 3.1
  kRoundRobin,            // RFC 8260 3.2 (default: fair between data channels)
  kPriority,              // RFC 8260 3.4: lower Socket::set_stream_priority value first
};

enum class CongestionControlKind : uint8_t {
  kNewReno,  // RFC 9260 section 7.2
};

struct SocketOptions {
  // --- Ports (RFC 9260 section 3.1). Under DTLS they are informational; the
  // gst elements use 5000 as gst-plugins-bad and webrtcbin do.
  uint16_t local_port = 5000;
  uint16_t remote_port = 5000;

  // --- Streams. 65535 costs nothing: per-stream state is created on first use.
  // gst-plugins-bad announces 1024, which is also what data channels expect.
  uint16_t announced_outbound_streams = 1024;
  uint16_t announced_inbound_streams = 1024;

  // --- Path. 1200 bytes: what gst-plugins-bad (usrsctp with PMTUD off) and
  // browsers use under DTLS; it fits any IPv6 path with DTLS/UDP overhead.
  size_t mtu = 1200;

  // --- Timers (RFC 9260 section 16 defaults, except RTO.Initial/Min: the
  // RFC's 1 s / 1 s are tuned for the 1990s Internet; WebRTC stacks use
  // smaller values and so do we, bounded below by the delayed-SACK time).
  DurationMs rto_initial{1000};
  DurationMs rto_min{400};
  DurationMs rto_max{60000};
  // Upper bound on T1-init / T1-cookie after backoff.
  DurationMs max_init_timeout{60000};
  DurationMs valid_cookie_life{60000};   // RFC 9260 section 16: 60 s
  DurationMs heartbeat_interval{30000};  // RFC 9260 section 16: 30 s
  DurationMs delayed_ack_timeout{200};   // RFC 9260 section 6.2: at most 500 ms, 200 recommended
  // T5-shutdown-guard (RFC 9260 section 9.2): 5 * RTO.Max is suggested.
  std::optional<DurationMs> shutdown_guard_timeout;  // default: 5 * rto_max

  // --- Retransmission limits (RFC 9260 section 16).
  int max_init_retransmits = 8;
  int max_association_retransmits = 10;

  // --- Buffers. The receive window announced in INIT (a_rwnd); data beyond
  // it is dropped and counted, never buffered without limit.
  size_t receive_window = 1024 * 1024;
  // Total bytes the sender may hold queued (not yet acknowledged); send()
  // refuses beyond it, and the embedder waits for on_buffered_amount_low.
  size_t send_buffer_size = 2 * 1024 * 1024;
  // Largest message accepted by send() and by reassembly (WebRTC's 256 KiB).
  size_t max_message_size = 256 * 1024;
  // When true, payload bytes of delivered messages keep counting against the
  // advertised receive window (a_rwnd, RFC 9260 6.2) until the embedder calls
  // Socket::consume_received(): a reader that is slower than the peer's
  // sender closes the window, and the sender is flow-controlled, as with a
  // kernel socket's receive buffer. When false (default), the window reopens
  // as soon as on_message() returns.
  bool manual_receive_window = false;

  // --- Congestion control (RFC 9260 section 7.2).
  CongestionControlKind congestion_control = CongestionControlKind::kNewReno;
  int max_burst = 4;  // RFC 9260 section 16: Max.Burst
  // The most TSNs kept above the peer's Cumulative TSN Ack before new data
  // waits (RFC 9260 6.1 allows sending less than cwnd and rwnd permit).
  // usrsctp receivers (gst-plugins-bad, Firefox) silently drop DATA beyond
  // 512 chunks queued behind a gap, whatever a_rwnd says, so 512 is the
  // default; at full-size chunks it allows about 600 KB per round trip, so
  // raise it towards peers without that limit on long fat paths.
  size_t max_outstanding_chunks = 512;

  StreamSchedulerKind scheduler = StreamSchedulerKind::kRoundRobin;

  // --- Extensions offered in INIT/INIT ACK (Supported Extensions,
  // RFC 5061 4.2.7). Each is used only when both ends offer it.
  bool enable_partial_reliability = true;     // RFC 3758 (FORWARD TSN)
  bool enable_stream_reconfiguration = true;  // RFC 6525 (RE-CONFIG)
  bool enable_message_interleaving = false;   // RFC 8260 (I-DATA): off by default as in browsers
  // RFC 9653: accept a zero checksum from the peer when the lower layer
  // (DTLS) protects integrity. Only meaningful with zero_checksum_edmid set.
  bool enable_zero_checksum = false;
  uint32_t zero_checksum_edmid = 1;  // RFC 9653 section 7: 1 = SCTP over DTLS

  // --- Testing only. RFC 9260 5.1 wants the Initial TSN random (it is taken
  // from SocketCallbacks::random_u32); tests set it to exercise TSN wraparound
  // (e.g. 2^32 - 10). Never set this in production.
  std::optional<uint32_t> initial_tsn_for_testing;
};

}  // namespace sctp
