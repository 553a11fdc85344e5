// The association binding: one sctp::Socket per association id, shared by
// the sctpenc and the sctpdec that name that id, the one place with a lock
// around the core.
//
// Every core call runs under `core_mutex_`; whatever the core produces during
// the call (packets, messages, events) is collected into a CoreEvents and
// acted upon only after the lock is released, so nothing is ever pushed
// downstream, and no signal emitted, while the core is locked.
#pragma once

#include <gst/gst.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "sctp/callbacks.h"
#include "sctp/options.h"
#include "sctp/socket.h"
#include "stream_settings.h"
#include "timer_service.h"

namespace gstsctp {

// What the association asks of the element that owns its output (sctpenc).
class EncoderSide {
 public:
  virtual ~EncoderSide() = default;
  virtual GstElement* element() = 0;
  // Queues packets for the src pad (takes ownership). Called with the core
  // lock held so that packets leave in the order the core produced them; it
  // must only append to a queue, never push or block.
  virtual void queue_packets(GstBufferList* packets) = 0;
  // Our graceful shutdown (EOS on every sink pad) completed: send EOS on.
  virtual void queue_eos() = 0;
  virtual void association_established(bool established) = 0;
  // Waits (bounded) until the queued packets have been pushed downstream.
  virtual void wait_until_sent() = 0;
};

// What the association asks of sctpdec.
class DecoderSide {
 public:
  virtual ~DecoderSide() = default;
  virtual GstElement* element() = 0;
  virtual void deliver(sctp::Message message) = 0;
  virtual void incoming_streams_reset(std::span<const uint16_t> streams) = 0;
  // The association ended; `graceful` after a SHUTDOWN sequence.
  virtual void association_ended(bool graceful) = 0;
};

// Association-level settings, from sctpenc's properties.
struct AssociationSettings {
  uint16_t remote_port = 5000;
  bool initiate = true;
  size_t mtu = 1200;
  size_t max_message_size = 256 * 1024;
  size_t receive_window = 1024 * 1024;
  size_t send_buffer_size = 2 * 1024 * 1024;
  bool zero_checksum = false;
  bool message_interleaving = false;
  sctp::StreamSchedulerKind scheduler = sctp::StreamSchedulerKind::kRoundRobin;
  // Failure detection (RFC 9260 section 16 parameters; the core's defaults).
  uint32_t rto_initial_ms = 1000;
  uint32_t rto_min_ms = 400;
  uint32_t rto_max_ms = 60000;
  int max_retransmissions = 10;  // Association.Max.Retrans
  uint32_t heartbeat_interval_ms = 30000;
};

enum class SendResult : uint8_t {
  kSent,
  kAbandoned,      // the "buf" policy dropped it: the send buffer is over its limit
  kWouldBlock,     // no room (or no association yet): wait_for_space, then retry
  kEnded,          // the association is closed or closing
  kTooLarge,       // larger than the maximum message size
  kInvalidStream,  // not below the negotiated number of streams
  kNotSendable,    // empty with a PPID that has no RFC 8831 "empty" counterpart
};

class Association : public std::enable_shared_from_this<Association>,
                    private sctp::SocketCallbacks {
 public:
  explicit Association(uint32_t id);
  ~Association() override;
  Association(const Association&) = delete;
  Association& operator=(const Association&) = delete;

  [[nodiscard]] uint32_t id() const { return id_; }

  // --- Elements join in READY->PAUSED and leave in PAUSED->READY. The
  // association starts when both have joined. Returns false if the side is
  // already taken by another element.
  bool attach_encoder(EncoderSide* encoder, const AssociationSettings& settings);
  bool attach_decoder(DecoderSide* decoder, uint16_t local_port);
  // Ends the association (ABORT, or a SHUTDOWN given `graceful_timeout_ms`
  // to complete), queueing what goes on the wire before the side leaves.
  void detach_encoder(bool graceful, int graceful_timeout_ms);
  void detach_decoder();
  // ABORTs now, while the elements stay attached, and waits (bounded) for
  // the encoder to push the ABORT. For a pipeline going down: its sinks stop
  // first, so the ABORT must leave before they do.
  void abort_and_flush(const char* reason);

  // --- Data. `payload` is copied by the core.
  SendResult send(uint16_t stream, const StreamSettings& settings, bool use_sock_stream,
                  std::span<const uint8_t> payload);
  // Incremented whenever room may have appeared in the send buffer (SACKs,
  // the socket being created, the association ending).
  [[nodiscard]] uint64_t space_epoch() const;
  // Blocks until space_epoch() differs from `epoch` or `cancelled()` holds;
  // cancellers call wake_waiters() after setting their condition.
  void wait_for_space(uint64_t epoch, const std::function<bool()>& cancelled);
  void wake_waiters();

  // One packet (or a list of packets) from sctpdec's sink pad.
  void receive(GstBuffer* packet);
  void receive_list(GstBufferList* packets);

  // Resets our outgoing stream (RFC 6525): the peer sees its incoming stream
  // reset. False when there is no association or the peer lacks RE-CONFIG.
  bool reset_stream(uint16_t stream);
  // Every sink pad reached EOS: SHUTDOWN once queued data is delivered.
  void shutdown();

  [[nodiscard]] bool established() const;
  // A "application/x-sctp-stats" structure; the caller owns it.
  GstStructure* stats() const;

 private:
  struct CoreEvents {
    GstBufferList* packets = nullptr;
    std::vector<sctp::Message> messages;
    bool connected = false;
    bool closed = false;
    bool aborted = false;
    sctp::ErrorKind abort_kind = sctp::ErrorKind::kNoError;
    std::string abort_reason;
    bool space_freed = false;
    bool eos_complete = false;
    std::vector<uint16_t> incoming_reset;
    // Who to tell, captured with the events (and referenced), so an element
    // that detaches in the same call still hears how its association ended.
    EncoderSide* encoder = nullptr;
    DecoderSide* decoder = nullptr;
    GstElement* encoder_element = nullptr;
    GstElement* decoder_element = nullptr;
    bool closing_by_us = false;
  };

  // sctp::SocketCallbacks (called by the core under core_mutex_).
  void send_packet(std::span<const uint8_t> packet) override;
  sctp::TimeMs now() override;
  void start_timer(sctp::TimerId id, sctp::DurationMs duration) override;
  void stop_timer(sctp::TimerId id) override;
  uint32_t random_u32() override;
  void on_message(sctp::Message message) override;
  void on_connected() override;
  void on_closed() override;
  void on_aborted(sctp::ErrorKind kind, std::string_view reason) override;
  void on_connection_restarted() override;
  void on_error(sctp::ErrorKind kind, std::string_view message) override;
  void on_outgoing_streams_reset(std::span<const sctp::StreamId> streams) override;
  void on_incoming_streams_reset(std::span<const sctp::StreamId> streams) override;
  void on_buffered_amount_low(sctp::StreamId stream) override;
  void on_total_buffered_amount_low() override;

  // Both called with core_mutex_ held.
  void maybe_start_locked();
  void destroy_socket_locked();
  // Hands the packets of a core call to the encoder (under core_mutex_, so
  // packet order is kept) and returns the rest for dispatch().
  CoreEvents take_events_locked();
  void dispatch(CoreEvents events);
  void on_timer(uint64_t generation, sctp::TimerId id);
  void bump_space_epoch();
  void receive_locked(GstBuffer* packet);

  const uint32_t id_;
  TimerService& timers_;

  mutable std::mutex core_mutex_;
  std::unique_ptr<sctp::Socket> socket_;
  uint64_t generation_ = 0;  // which socket a timer belongs to
  std::unordered_map<uint64_t, TimerService::Handle> timers_by_id_;
  CoreEvents events_;
  EncoderSide* encoder_ = nullptr;
  DecoderSide* decoder_ = nullptr;
  AssociationSettings settings_;
  uint16_t local_port_ = 5000;
  bool established_ = false;
  bool ended_ = false;          // this socket's association is over
  bool closing_by_us_ = false;  // we sent ABORT/SHUTDOWN: no error to report
  bool eos_shutdown_ = false;   // SHUTDOWN because every sink pad got EOS
  uint64_t abandoned_by_buf_policy_ = 0;

  mutable std::mutex wait_mutex_;
  std::condition_variable space_cv_;
  uint64_t space_epoch_ = 0;
};

// The process-wide registry: one Association per id, alive while an element
// holds it.
std::shared_ptr<Association> acquire_association(uint32_t id);

// What sctpenc and sctpdec share about their association: the
// `sctp-association-id` property and the Association the element holds from
// READY->PAUSED to PAUSED->READY. Both are guarded by the element's object
// lock; the methods take it themselves unless named `_locked`.
class AssociationBinding {
 public:
  static constexpr guint kDefaultId = 1;
  // The property as gst-plugins-bad declares it (ids up to `max_id`).
  static GParamSpec* id_param_spec(guint max_id);

  guint id = kDefaultId;  // GST_OBJECT_LOCK

  std::shared_ptr<Association> current(GstElement* element) const;
  const std::shared_ptr<Association>& current_locked() const { return association_; }
  // Takes the association for `id` from the registry and joins it with
  // `attach` (the element's attach_encoder/attach_decoder). If another
  // element of the same kind holds it, posts RESOURCE/BUSY on `element`,
  // lets go and returns false.
  bool bind(GstElement* element, const std::function<bool(Association&)>& attach);
  // Lets go of the association; returns it (nullptr if none) for the detach.
  std::shared_ptr<Association> unbind(GstElement* element);
  // The `stats` property: the association's, or a "not-started" structure.
  GstStructure* stats(GstElement* element) const;

 private:
  std::shared_ptr<Association> association_;  // GST_OBJECT_LOCK
};
// For tests: how many associations are alive.
size_t live_association_count();

}  // namespace gstsctp
