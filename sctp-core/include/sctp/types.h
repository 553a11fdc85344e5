// Values exchanged through the socket's public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sctp/strong_types.h"
#include "sctp/time.h"

namespace sctp {

// Identifies one timer instance started through SocketCallbacks::start_timer.
// The socket never reuses an id, so a stale expiry is recognized and ignored.
struct TimerId {
  uint64_t value = 0;
  constexpr auto operator<=>(const TimerId&) const = default;
};

enum class SocketState : uint8_t {
  kClosed,        // no association (RFC 9260 section 4: CLOSED)
  kConnecting,    // COOKIE-WAIT or COOKIE-ECHOED
  kConnected,     // ESTABLISHED
  kShuttingDown,  // SHUTDOWN-PENDING/-SENT/-RECEIVED/-ACK-SENT
};
[[nodiscard]] const char* to_string(SocketState state);

// Why an association failed or an operation did not happen.
enum class ErrorKind : uint8_t {
  kNoError,
  kTooManyRetries,        // Max.Init.Retransmits or Association.Max.Retrans reached
  kNotConnected,          // operation needs an established association
  kParseFailed,           // a received packet or chunk did not parse
  kWrongSequence,         // a chunk arrived in a state where it is not allowed
  kPeerReported,          // the peer sent ABORT or an ERROR chunk
  kProtocolViolation,     // the peer broke a MUST of the RFC
  kResourceExhaustion,    // a bounded buffer is full
  kUnsupportedOperation,  // the peer did not negotiate the needed extension
};
[[nodiscard]] const char* to_string(ErrorKind kind);

// Result of Socket::send.
enum class SendStatus : uint8_t {
  kSuccess,
  kErrorMessageEmpty,        // SCTP cannot carry 0 bytes (RFC 9260 3.3.1); see RFC 8831 6.6
  kErrorMessageTooLarge,     // larger than SocketOptions::max_message_size
  kErrorResourceExhaustion,  // send buffer full: wait for on_buffered_amount_low
  kErrorShuttingDown,        // shutdown() was called or the association is closing
  kErrorInvalidStream,       // stream id not below the negotiated outbound streams
  kErrorStreamResetting,     // the stream is being reset (RFC 6525)
};
[[nodiscard]] const char* to_string(SendStatus status);

// Partial-reliability and ordering options of one message (RFC 3758, RFC 7496).
struct SendOptions {
  bool unordered = false;
  Ppid ppid{0};
  // RFC 7496 TTL policy: abandon the message once this long has passed since
  // send() without it being fully acknowledged.
  std::optional<DurationMs> lifetime;
  // RFC 7496 RTX policy: abandon after this many retransmissions (0 = send once).
  std::optional<uint16_t> max_retransmissions;
};

// A complete received message.
struct Message {
  StreamId stream_id;
  Ppid ppid;
  bool unordered = false;
  std::vector<uint8_t> payload;
};

// Counters and estimates, for statistics and tests.
struct Metrics {
  SocketState state = SocketState::kClosed;
  uint64_t packets_sent = 0;
  uint64_t packets_received = 0;
  uint64_t bytes_sent = 0;      // SCTP packet bytes
  uint64_t bytes_received = 0;  // SCTP packet bytes
  uint64_t messages_sent = 0;
  uint64_t messages_received = 0;
  uint64_t data_chunks_retransmitted = 0;
  uint64_t t3_expirations = 0;
  uint64_t fast_retransmissions = 0;
  uint64_t messages_abandoned = 0;
  uint64_t packets_discarded = 0;  // bad checksum, bad tag, unparseable, OOTB
  DurationMs srtt{0};
  DurationMs rto{0};
  size_t cwnd = 0;
  size_t ssthresh = 0;
  uint32_t peer_rwnd = 0;
  size_t bytes_in_flight = 0;
  size_t buffered_amount = 0;
  // Received payload bytes that hold receive window: fragments awaiting
  // reassembly plus, with SocketOptions::manual_receive_window, delivered
  // bytes not yet passed to Socket::consume_received().
  size_t receive_buffered_bytes = 0;
  uint16_t negotiated_outbound_streams = 0;
  uint16_t negotiated_inbound_streams = 0;
  // What the peer offered and both ends use (RFC 5061 4.2.7 Supported Extensions).
  bool uses_partial_reliability = false;
  bool uses_stream_reconfiguration = false;
  bool uses_message_interleaving = false;
  bool uses_zero_checksum = false;  // we may send zero checksums to the peer
};

}  // namespace sctp
