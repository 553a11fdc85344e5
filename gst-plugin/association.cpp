#include "association.h"

#include <algorithm>
#include <chrono>
#include <utility>

GST_DEBUG_CATEGORY_STATIC(sctp_association_debug);
#define GST_CAT_DEFAULT sctp_association_debug

namespace gstsctp {

namespace {

void init_debug_category() {
  static std::once_flag once;
  std::call_once(once, [] {
    GST_DEBUG_CATEGORY_INIT(sctp_association_debug, "sctpassociation", 0,
                            "SCTP association binding (core socket, timers, registry)");
  });
}

// Fills a new buffer with one packet; the core's bytes are valid only during
// the send_packet call.
GstBuffer* packet_to_buffer(std::span<const uint8_t> packet) {
  GstBuffer* buffer = gst_buffer_new_allocate(nullptr, packet.size(), nullptr);
  gst_buffer_fill(buffer, 0, packet.data(), packet.size());
  return buffer;
}

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::unordered_map<uint32_t, std::weak_ptr<Association>>& registry() {
  static auto* map = new std::unordered_map<uint32_t, std::weak_ptr<Association>>();
  return *map;
}

}  // namespace

Association::Association(uint32_t id) : id_(id), timers_(TimerService::shared()) {
  init_debug_category();
  GST_DEBUG("association %u created", id_);
}

Association::~Association() {
  std::lock_guard lock(core_mutex_);
  destroy_socket_locked();
  if (events_.packets != nullptr) gst_buffer_list_unref(events_.packets);
  GST_DEBUG("association %u destroyed", id_);
}

// ---------------------------------------------------------------- lifecycle

bool Association::attach_encoder(EncoderSide* encoder, const AssociationSettings& settings) {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (encoder_ != nullptr && encoder_ != encoder) return false;
    encoder_ = encoder;
    settings_ = settings;
    maybe_start_locked();
    events = take_events_locked();
  }
  dispatch(std::move(events));
  return true;
}

bool Association::attach_decoder(DecoderSide* decoder, uint16_t local_port) {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (decoder_ != nullptr && decoder_ != decoder) return false;
    decoder_ = decoder;
    local_port_ = local_port;
    maybe_start_locked();
    events = take_events_locked();
  }
  dispatch(std::move(events));
  return true;
}

void Association::maybe_start_locked() {
  if (encoder_ == nullptr || decoder_ == nullptr) return;
  if (socket_ != nullptr && !ended_) return;
  destroy_socket_locked();

  sctp::SocketOptions options;
  options.local_port = local_port_;
  options.remote_port = settings_.remote_port;
  options.mtu = settings_.mtu;
  options.max_message_size = settings_.max_message_size;
  options.receive_window = settings_.receive_window;
  options.send_buffer_size = settings_.send_buffer_size;
  options.enable_zero_checksum = settings_.zero_checksum;
  options.enable_message_interleaving = settings_.message_interleaving;
  options.scheduler = settings_.scheduler;
  options.rto_initial = sctp::DurationMs(settings_.rto_initial_ms);
  options.rto_min = sctp::DurationMs(settings_.rto_min_ms);
  options.rto_max = sctp::DurationMs(settings_.rto_max_ms);
  options.max_association_retransmits = settings_.max_retransmissions;
  options.heartbeat_interval = sctp::DurationMs(settings_.heartbeat_interval_ms);

  ++generation_;
  ended_ = false;
  established_ = false;
  closing_by_us_ = false;
  eos_shutdown_ = false;
  abandoned_by_buf_policy_ = 0;
  GST_INFO("association %u: starting (ports %u -> %u, %s)", id_, options.local_port,
           options.remote_port, settings_.initiate ? "sending INIT" : "waiting for INIT");
  socket_ = std::make_unique<sctp::Socket>(options, static_cast<sctp::SocketCallbacks&>(*this));
  if (settings_.initiate) socket_->connect();
  // Chains waiting for the association to exist may now try.
  events_.space_freed = true;
}

void Association::destroy_socket_locked() {
  for (const auto& [timer, handle] : timers_by_id_)
    timers_.cancel(handle);
  timers_by_id_.clear();
  socket_.reset();
  ++generation_;
}

void Association::detach_encoder(bool graceful, int graceful_timeout_ms) {
  if (graceful) {
    bool started = false;
    CoreEvents events;
    {
      std::lock_guard lock(core_mutex_);
      if (socket_ != nullptr && !ended_ && established_) {
        closing_by_us_ = true;
        socket_->shutdown();
        started = true;
      }
      events = take_events_locked();
    }
    dispatch(std::move(events));
    if (started) {
      // The SHUTDOWN sequence completes when the peer's SHUTDOWN ACK comes
      // in through sctpdec; wait for it, bounded.
      const auto deadline =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(graceful_timeout_ms);
      for (;;) {
        const uint64_t epoch = space_epoch();
        {
          std::lock_guard lock(core_mutex_);
          if (socket_ == nullptr || ended_) break;
        }
        std::unique_lock wait(wait_mutex_);
        if (space_epoch_ == epoch &&
            space_cv_.wait_until(wait, deadline) == std::cv_status::timeout) {
          break;
        }
      }
    }
  }
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ != nullptr && !ended_) {
      closing_by_us_ = true;
      GST_INFO("association %u: aborting (encoder stopping)", id_);
      socket_->abort("GStreamer sctpenc stopped");
    }
    // The ABORT is handed to the encoder here, before it stops its src pad.
    events = take_events_locked();
    destroy_socket_locked();
    ended_ = false;
    encoder_ = nullptr;
  }
  dispatch(std::move(events));
}

void Association::detach_decoder() {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ != nullptr && !ended_) {
      closing_by_us_ = true;
      GST_INFO("association %u: aborting (decoder stopping)", id_);
      socket_->abort("GStreamer sctpdec stopped");
    }
    events = take_events_locked();
    destroy_socket_locked();
    ended_ = false;
    decoder_ = nullptr;
  }
  dispatch(std::move(events));
}

void Association::abort_and_flush(const char* reason) {
  CoreEvents events;
  EncoderSide* encoder = nullptr;
  GstElement* encoder_element = nullptr;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr || ended_) return;
    closing_by_us_ = true;
    GST_INFO("association %u: aborting (%s)", id_, reason);
    socket_->abort(reason);
    events = take_events_locked();
    if (encoder_ != nullptr) {
      encoder = encoder_;
      encoder_element = GST_ELEMENT(gst_object_ref(encoder_->element()));
    }
  }
  dispatch(std::move(events));
  if (encoder != nullptr) {
    encoder->wait_until_sent();
    gst_object_unref(encoder_element);
  }
}

// ---------------------------------------------------------------- data

SendResult Association::send(uint16_t stream, const StreamSettings& settings, bool use_sock_stream,
                             std::span<const uint8_t> payload) {
  static constexpr uint8_t kEmptyPlaceholder[1] = {0};
  StreamSettings effective = settings;
  if (payload.empty()) {
    // RFC 8831 section 6.6: one zero byte with the "empty" PPID.
    const auto ppid = empty_message_ppid(settings.ppid);
    if (!ppid) return SendResult::kNotSendable;
    effective.ppid = *ppid;
    payload = std::span<const uint8_t>(kEmptyPlaceholder, 1);
  }

  SendResult result = SendResult::kSent;
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr) return SendResult::kWouldBlock;
    if (ended_) return SendResult::kEnded;
    // The pad's priority may change at any time; the core keeps it per
    // stream. Only the priority scheduler reads it, so the others skip the
    // per-message update.
    if (settings_.scheduler == sctp::StreamSchedulerKind::kPriority) {
      socket_->set_stream_priority(sctp::StreamId(stream), effective.priority);
    }
    if (effective.reliability == Reliability::kBuffer && !use_sock_stream &&
        socket_->total_buffered_amount() > effective.reliability_parameter) {
      ++abandoned_by_buf_policy_;
      return SendResult::kAbandoned;
    }
    const sctp::SendStatus status =
        socket_->send(sctp::StreamId(stream), payload, to_send_options(effective, use_sock_stream));
    switch (status) {
      case sctp::SendStatus::kSuccess:
        result = SendResult::kSent;
        break;
      case sctp::SendStatus::kErrorResourceExhaustion: {
        // Ask to be told when enough has been acknowledged for this message
        // to fit (on_total_buffered_amount_low, driven by SACKs).
        const size_t limit = settings_.send_buffer_size;
        const size_t threshold = limit > payload.size() ? limit - payload.size() : 0;
        socket_->set_total_buffered_amount_low_threshold(threshold);
        result = SendResult::kWouldBlock;
        break;
      }
      case sctp::SendStatus::kErrorStreamResetting:
        result = SendResult::kWouldBlock;
        break;
      case sctp::SendStatus::kErrorShuttingDown:
        result = SendResult::kEnded;
        break;
      case sctp::SendStatus::kErrorMessageTooLarge:
        result = SendResult::kTooLarge;
        break;
      case sctp::SendStatus::kErrorInvalidStream:
        result = SendResult::kInvalidStream;
        break;
      case sctp::SendStatus::kErrorMessageEmpty:
        result = SendResult::kNotSendable;
        break;
    }
    events = take_events_locked();
  }
  dispatch(std::move(events));
  return result;
}

uint64_t Association::space_epoch() const {
  std::lock_guard lock(wait_mutex_);
  return space_epoch_;
}

void Association::wait_for_space(uint64_t epoch, const std::function<bool()>& cancelled) {
  std::unique_lock lock(wait_mutex_);
  space_cv_.wait(lock, [&] { return space_epoch_ != epoch || cancelled(); });
}

void Association::wake_waiters() {
  std::lock_guard lock(wait_mutex_);
  space_cv_.notify_all();
}

void Association::bump_space_epoch() {
  std::lock_guard lock(wait_mutex_);
  ++space_epoch_;
  space_cv_.notify_all();
}

void Association::receive_locked(GstBuffer* packet) {
  GstMapInfo map;
  if (!gst_buffer_map(packet, &map, GST_MAP_READ)) {
    GST_WARNING("association %u: cannot map a received packet", id_);
    return;
  }
  socket_->receive_packet(std::span<const uint8_t>(map.data, map.size));
  gst_buffer_unmap(packet, &map);
}

void Association::receive(GstBuffer* packet) {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr) {
      GST_DEBUG("association %u: not started, dropping a packet", id_);
      return;
    }
    receive_locked(packet);
    events = take_events_locked();
  }
  dispatch(std::move(events));
}

void Association::receive_list(GstBufferList* packets) {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr) {
      GST_DEBUG("association %u: not started, dropping packets", id_);
      return;
    }
    const guint n = gst_buffer_list_length(packets);
    for (guint i = 0; i < n && socket_ != nullptr; ++i) {
      receive_locked(gst_buffer_list_get(packets, i));
    }
    events = take_events_locked();
  }
  dispatch(std::move(events));
}

bool Association::reset_stream(uint16_t stream) {
  bool accepted = false;
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr || ended_) return false;
    const sctp::StreamId streams[] = {sctp::StreamId(stream)};
    accepted = socket_->reset_streams(streams);
    events = take_events_locked();
  }
  dispatch(std::move(events));
  return accepted;
}

void Association::shutdown() {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (socket_ == nullptr || ended_ || eos_shutdown_) return;
    GST_INFO("association %u: every sink pad is EOS, shutting down", id_);
    eos_shutdown_ = true;
    closing_by_us_ = true;
    socket_->shutdown();
    events = take_events_locked();
  }
  dispatch(std::move(events));
}

bool Association::established() const {
  std::lock_guard lock(core_mutex_);
  return established_;
}

GstStructure* Association::stats() const {
  std::lock_guard lock(core_mutex_);
  sctp::Metrics m;
  if (socket_ != nullptr) m = socket_->metrics();
  const char* state = socket_ == nullptr ? "not-started" : sctp::to_string(m.state);
  return gst_structure_new(
      "application/x-sctp-stats", "association-id", G_TYPE_UINT, id_, "state", G_TYPE_STRING, state,
      "established", G_TYPE_BOOLEAN, established_, "srtt-ms", G_TYPE_UINT64,
      guint64(m.srtt.count()), "rto-ms", G_TYPE_UINT64, guint64(m.rto.count()), "cwnd",
      G_TYPE_UINT64, guint64(m.cwnd), "ssthresh", G_TYPE_UINT64, guint64(m.ssthresh), "peer-rwnd",
      G_TYPE_UINT64, guint64(m.peer_rwnd), "bytes-in-flight", G_TYPE_UINT64,
      guint64(m.bytes_in_flight), "buffered-amount", G_TYPE_UINT64, guint64(m.buffered_amount),
      "packets-sent", G_TYPE_UINT64, guint64(m.packets_sent), "packets-received", G_TYPE_UINT64,
      guint64(m.packets_received), "bytes-sent", G_TYPE_UINT64, guint64(m.bytes_sent),
      "bytes-received", G_TYPE_UINT64, guint64(m.bytes_received), "messages-sent", G_TYPE_UINT64,
      guint64(m.messages_sent), "messages-received", G_TYPE_UINT64, guint64(m.messages_received),
      "retransmissions", G_TYPE_UINT64, guint64(m.data_chunks_retransmitted),
      "fast-retransmissions", G_TYPE_UINT64, guint64(m.fast_retransmissions), "t3-expirations",
      G_TYPE_UINT64, guint64(m.t3_expirations), "abandoned", G_TYPE_UINT64,
      guint64(m.messages_abandoned + abandoned_by_buf_policy_), "packets-discarded", G_TYPE_UINT64,
      guint64(m.packets_discarded), "outbound-streams", G_TYPE_UINT,
      guint(m.negotiated_outbound_streams), "inbound-streams", G_TYPE_UINT,
      guint(m.negotiated_inbound_streams), "partial-reliability", G_TYPE_BOOLEAN,
      gboolean(m.uses_partial_reliability), "stream-reconfiguration", G_TYPE_BOOLEAN,
      gboolean(m.uses_stream_reconfiguration), "message-interleaving", G_TYPE_BOOLEAN,
      gboolean(m.uses_message_interleaving), "zero-checksum", G_TYPE_BOOLEAN,
      gboolean(m.uses_zero_checksum), nullptr);
}

// ---------------------------------------------------------------- events

Association::CoreEvents Association::take_events_locked() {
  CoreEvents events = std::move(events_);
  events_ = CoreEvents{};
  if (events.packets != nullptr) {
    if (encoder_ != nullptr) {
      encoder_->queue_packets(events.packets);
    } else {
      GST_DEBUG("association %u: no encoder, dropping %u packets", id_,
                gst_buffer_list_length(events.packets));
      gst_buffer_list_unref(events.packets);
    }
    events.packets = nullptr;
  }
  if (events.eos_complete && encoder_ != nullptr) encoder_->queue_eos();
  events.closing_by_us = closing_by_us_;
  if (encoder_ != nullptr) {
    events.encoder = encoder_;
    events.encoder_element = GST_ELEMENT(gst_object_ref(encoder_->element()));
  }
  if (decoder_ != nullptr) {
    events.decoder = decoder_;
    events.decoder_element = GST_ELEMENT(gst_object_ref(decoder_->element()));
  }
  return events;
}

void Association::dispatch(CoreEvents events) {
  EncoderSide* const encoder = events.encoder;
  DecoderSide* const decoder = events.decoder;
  GstElement* const encoder_element = events.encoder_element;
  GstElement* const decoder_element = events.decoder_element;
  const bool closing_by_us = events.closing_by_us;

  const bool ended = events.closed || events.aborted;
  if (events.space_freed || events.connected || ended) bump_space_epoch();

  if (events.connected && encoder != nullptr) encoder->association_established(true);
  if (decoder != nullptr) {
    for (auto& message : events.messages)
      decoder->deliver(std::move(message));
    if (!events.incoming_reset.empty()) decoder->incoming_streams_reset(events.incoming_reset);
  }
  if (ended) {
    if (encoder != nullptr) encoder->association_established(false);
    if (decoder != nullptr) decoder->association_ended(events.closed);
    GstElement* report = encoder_element != nullptr ? encoder_element : decoder_element;
    if (events.aborted && !closing_by_us && report != nullptr) {
      if (events.abort_kind == sctp::ErrorKind::kPeerReported) {
        // The peer chose to end it (a browser's pc.close() does this): not a
        // failure of ours, but worth a bus message.
        GST_ELEMENT_WARNING(report, RESOURCE, CLOSE, ("The SCTP peer aborted the association"),
                            ("association %u: %s", id_, events.abort_reason.c_str()));
      } else {
        GST_ELEMENT_ERROR(report, RESOURCE, FAILED, ("The SCTP association failed"),
                          ("association %u: %s: %s", id_, sctp::to_string(events.abort_kind),
                           events.abort_reason.c_str()));
      }
    }
  }
  if (encoder_element != nullptr) gst_object_unref(encoder_element);
  if (decoder_element != nullptr) gst_object_unref(decoder_element);
}

void Association::on_timer(uint64_t generation, sctp::TimerId id) {
  CoreEvents events;
  {
    std::lock_guard lock(core_mutex_);
    if (generation != generation_ || socket_ == nullptr) return;
    timers_by_id_.erase(id.value);
    socket_->handle_timeout(id);
    events = take_events_locked();
  }
  dispatch(std::move(events));
}

// ---------------------------------------------------------------- core callbacks

void Association::send_packet(std::span<const uint8_t> packet) {
  if (events_.packets == nullptr) events_.packets = gst_buffer_list_new();
  gst_buffer_list_add(events_.packets, packet_to_buffer(packet));
}

sctp::TimeMs Association::now() {
  return sctp::TimeMs{g_get_monotonic_time() / 1000};
}

void Association::start_timer(sctp::TimerId id, sctp::DurationMs duration) {
  std::weak_ptr<Association> weak = weak_from_this();
  const uint64_t generation = generation_;
  const TimerService::Handle handle =
      timers_.schedule(std::max(duration, sctp::DurationMs(0)), [weak, generation, id] {
        if (auto self = weak.lock()) self->on_timer(generation, id);
      });
  timers_by_id_[id.value] = handle;
}

void Association::stop_timer(sctp::TimerId id) {
  const auto it = timers_by_id_.find(id.value);
  if (it == timers_by_id_.end()) return;
  timers_.cancel(it->second);
  timers_by_id_.erase(it);
}

uint32_t Association::random_u32() {
  return g_random_int();
}

void Association::on_message(sctp::Message message) {
  events_.messages.push_back(std::move(message));
}

void Association::on_connected() {
  GST_INFO("association %u: established", id_);
  established_ = true;
  events_.connected = true;
}

void Association::on_closed() {
  GST_INFO("association %u: closed (SHUTDOWN complete)", id_);
  established_ = false;
  ended_ = true;
  events_.closed = true;
  if (eos_shutdown_) events_.eos_complete = true;
}

void Association::on_aborted(sctp::ErrorKind kind, std::string_view reason) {
  GST_INFO("association %u: aborted: %s: %.*s", id_, sctp::to_string(kind), int(reason.size()),
           reason.data());
  established_ = false;
  ended_ = true;
  events_.aborted = true;
  events_.abort_kind = kind;
  events_.abort_reason = std::string(reason);
}

void Association::on_connection_restarted() {
  GST_INFO("association %u: the peer restarted the association", id_);
}

void Association::on_error(sctp::ErrorKind kind, std::string_view message) {
  GST_DEBUG("association %u: %s: %.*s", id_, sctp::to_string(kind), int(message.size()),
            message.data());
}

void Association::on_outgoing_streams_reset(std::span<const sctp::StreamId> streams) {
  GST_DEBUG("association %u: %zu outgoing streams reset", id_, streams.size());
  // Sends refused with kErrorStreamResetting may go now.
  events_.space_freed = true;
}

void Association::on_incoming_streams_reset(std::span<const sctp::StreamId> streams) {
  for (const sctp::StreamId stream : streams)
    events_.incoming_reset.push_back(stream.value());
}

void Association::on_buffered_amount_low(sctp::StreamId /*stream*/) {
  events_.space_freed = true;
}

void Association::on_total_buffered_amount_low() {
  events_.space_freed = true;
}

// ---------------------------------------------------------------- registry

std::shared_ptr<Association> acquire_association(uint32_t id) {
  std::lock_guard lock(registry_mutex());
  auto& map = registry();
  std::erase_if(map, [](const auto& entry) { return entry.second.expired(); });
  if (auto it = map.find(id); it != map.end()) {
    if (auto existing = it->second.lock()) return existing;
  }
  auto created = std::make_shared<Association>(id);
  map[id] = created;
  return created;
}

size_t live_association_count() {
  std::lock_guard lock(registry_mutex());
  return size_t(std::count_if(registry().begin(), registry().end(),
                              [](const auto& entry) { return !entry.second.expired(); }));
}

// ------------------------------------------------------------------ binding

GParamSpec* AssociationBinding::id_param_spec(guint max_id) {
  return g_param_spec_uint("sctp-association-id", "SCTP Association ID",
                           "Every encoder/decoder pair should have the same, unique, "
                           "sctp-association-id. This value must be set before any pads are "
                           "requested.",
                           0, max_id, kDefaultId,
                           GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

std::shared_ptr<Association> AssociationBinding::current(GstElement* element) const {
  GST_OBJECT_LOCK(element);
  std::shared_ptr<Association> association = association_;
  GST_OBJECT_UNLOCK(element);
  return association;
}

bool AssociationBinding::bind(GstElement* element,
                              const std::function<bool(Association&)>& attach) {
  GST_OBJECT_LOCK(element);
  const guint bound_id = id;
  GST_OBJECT_UNLOCK(element);
  std::shared_ptr<Association> association = acquire_association(bound_id);
  GST_OBJECT_LOCK(element);
  association_ = association;
  GST_OBJECT_UNLOCK(element);
  if (attach(*association)) return true;
  const gchar* kind = GST_ELEMENT_NAME(element);
  if (GstElementFactory* factory = gst_element_get_factory(element))
    kind = GST_OBJECT_NAME(factory);
  GST_ELEMENT_ERROR(element, RESOURCE, BUSY, ("SCTP association %u is already in use", bound_id),
                    ("another %s uses sctp-association-id %u", kind, bound_id));
  unbind(element);
  return false;
}

std::shared_ptr<Association> AssociationBinding::unbind(GstElement* element) {
  GST_OBJECT_LOCK(element);
  std::shared_ptr<Association> association = std::move(association_);
  association_.reset();
  GST_OBJECT_UNLOCK(element);
  return association;
}

GstStructure* AssociationBinding::stats(GstElement* element) const {
  if (std::shared_ptr<Association> association = current(element)) return association->stats();
  GST_OBJECT_LOCK(element);
  const guint unbound_id = id;
  GST_OBJECT_UNLOCK(element);
  return gst_structure_new("application/x-sctp-stats", "association-id", G_TYPE_UINT, unbound_id,
                           "state", G_TYPE_STRING, "not-started", "established", G_TYPE_BOOLEAN,
                           FALSE, nullptr);
}

}  // namespace gstsctp
