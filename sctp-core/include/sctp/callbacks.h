// How the socket talks to its embedder. Implemented by the GStreamer binding,
// by the standalone UDP example, and by the test harness.
//
// The socket calls these synchronously from inside its own methods. The
// embedder must not call back into the same socket from a callback; it
// queues what it needs and acts after the socket call returns (the binding
// collects packets into a GstBufferList and pushes after unlocking).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "sctp/types.h"

namespace sctp {

class SocketCallbacks {
 public:
  virtual ~SocketCallbacks() = default;

  // --- Required: I/O, time, timers, randomness.
  // A complete SCTP packet to put on the wire. The bytes are valid only
  // during the call.
  virtual void send_packet(std::span<const uint8_t> packet) = 0;
  // The embedder's monotonic clock.
  virtual TimeMs now() = 0;
  // Call Socket::handle_timeout(id) once `duration` has elapsed. Starting a
  // new timer never cancels another; stop_timer is an optimization (the socket
  // ignores expiries of timers it no longer wants).
  virtual void start_timer(TimerId id, DurationMs duration) = 0;
  virtual void stop_timer(TimerId id) = 0;
  // Uniformly random 32 bits (verification tags, initial TSNs, cookie
  // secrets, heartbeat nonces). Tests seed this for determinism.
  virtual uint32_t random_u32() = 0;

  // --- Events.
  virtual void on_message(Message message) = 0;
  virtual void on_connected() {}
  // The association ended gracefully (SHUTDOWN sequence finished).
  virtual void on_closed() {}
  // The association ended abnormally: ABORT sent or received, too many
  // retransmissions, or a protocol violation. `reason` is for humans.
  virtual void on_aborted(ErrorKind /*kind*/, std::string_view /*reason*/) {}
  // The peer restarted the association (RFC 9260 5.2.4); stream state reset.
  virtual void on_connection_restarted() {}
  // A non-fatal problem (an ERROR chunk from the peer, a discarded packet).
  virtual void on_error(ErrorKind /*kind*/, std::string_view /*message*/) {}
  // Outgoing streams whose reset the peer confirmed (RFC 6525).
  virtual void on_outgoing_streams_reset(std::span<const StreamId> /*streams*/) {}
  // Incoming streams that the peer reset (data channel closed by the peer).
  virtual void on_incoming_streams_reset(std::span<const StreamId> /*streams*/) {}
  // buffered_amount(stream) fell to or below its low threshold.
  virtual void on_buffered_amount_low(StreamId /*stream*/) {}
  // The total buffered amount fell to or below its low threshold.
  virtual void on_total_buffered_amount_low() {}
};

}  // namespace sctp
