// The public face of sctp-core: one SCTP association endpoint, as a state
// machine with no I/O, no threads and no clock of its own (sans-IO).
//
// Packets come in through receive_packet() and go out through
// SocketCallbacks::send_packet(); time comes from SocketCallbacks::now();
// timers are started through the callbacks and fire through handle_timeout().
// Not thread-safe: the embedder serializes calls (one lock per association).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "sctp/callbacks.h"
#include "sctp/options.h"
#include "sctp/types.h"

namespace sctp {

class Socket {
 public:
  Socket(const SocketOptions& options, SocketCallbacks& callbacks);
  ~Socket();
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // --- Association lifecycle (RFC 9260 sections 5 and 9).
  // Starts the four-way handshake as initiator (sends INIT). Both ends may
  // call this at once (INIT collision, section 5.2.1): that always works.
  // Without connect(), the socket answers an incoming INIT as responder.
  void connect();
  // Graceful shutdown (section 9.2): queued data is sent first.
  void shutdown();
  // Sends ABORT with a User-Initiated Abort cause carrying `reason`.
  void abort(std::string_view reason);

  // --- Input.
  // One received SCTP packet (common header + chunks).
  void receive_packet(std::span<const uint8_t> packet);
  // A timer started through SocketCallbacks::start_timer expired.
  void handle_timeout(TimerId id);

  // --- Data (RFC 9260 section 6). The payload is copied once.
  SendStatus send(StreamId stream, std::span<const uint8_t> payload, const SendOptions& options);
  // Bytes queued on `stream` (or in total) and not yet acknowledged.
  [[nodiscard]] size_t buffered_amount(StreamId stream) const;
  [[nodiscard]] size_t total_buffered_amount() const;
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes);
  void set_total_buffered_amount_low_threshold(size_t bytes);
  // The stream's priority for StreamSchedulerKind::kPriority (RFC 8260 3.4):
  // a lower value is sent first; streams never set have 256. The other
  // schedulers ignore it. Takes effect for the next chunk scheduled.
  void set_stream_priority(StreamId stream, uint16_t priority);
  // With SocketOptions::manual_receive_window: the application is done with
  // `bytes` more bytes of delivered message payload, which stop counting
  // against the receive window. Sends a window update SACK when the window
  // reopens enough (RFC 9260 6.2). Without the option this does nothing.
  void consume_received(size_t bytes);

  // --- Stream reconfiguration (RFC 6525): reset outgoing streams (closes
  // data channels). Returns false when the peer did not negotiate RE-CONFIG.
  bool reset_streams(std::span<const StreamId> outgoing_streams);

  // --- Introspection.
  [[nodiscard]] SocketState state() const;
  [[nodiscard]] Metrics metrics() const;
  [[nodiscard]] const SocketOptions& options() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace sctp
