#include "sctp_enc.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "association.h"
#include "dtls_wait.h"
#include "stream_settings.h"
#include "top_level_state.h"

GST_DEBUG_CATEGORY_STATIC(gst_sctp_enc_debug);
#define GST_CAT_DEFAULT gst_sctp_enc_debug

using gstsctp::Association;
using gstsctp::AssociationSettings;
using gstsctp::SendResult;
using gstsctp::StreamSettings;

namespace {

constexpr guint kDefaultRemotePort = 0;
// What a port of 0 means: gst-plugins-bad never starts an association until
// both ports are set; we use the WebRTC port (RFC 8841) instead.
constexpr uint16_t kPortWhenZero = 5000;
constexpr guint kMaxStreamId = 65534;  // 65535 is not a valid stream id
constexpr guint kDefaultCloseTimeoutMs = 1000;
// How long PAUSED->READY waits for the ABORT (or last packets) to leave.
constexpr gint64 kDrainTimeoutUs = 100 * 1000;
// A bound on packets waiting for the src pad: a stuck downstream then looks
// like a lossy link to SCTP (which retransmits) instead of growing memory.
constexpr size_t kMaxQueuedPackets = 16384;

enum {
  PROP_0,
  PROP_ASSOCIATION_ID,
  PROP_REMOTE_PORT,
  PROP_USE_SOCK_STREAM,
  PROP_INITIATE,
  PROP_MTU,
  PROP_MAX_MESSAGE_SIZE,
  PROP_RECEIVE_BUFFER_SIZE,
  PROP_SEND_BUFFER_SIZE,
  PROP_ZERO_CHECKSUM,
  PROP_MESSAGE_INTERLEAVING,
  PROP_GRACEFUL_CLOSE,
  PROP_CLOSE_TIMEOUT,
  PROP_RTO_INITIAL,
  PROP_RTO_MIN,
  PROP_RTO_MAX,
  PROP_MAX_RETRANSMISSIONS,
  PROP_HEARTBEAT_INTERVAL,
  PROP_WAIT_FOR_DTLS,
  PROP_STREAM_SCHEDULER,
  PROP_STATS,
};

enum { PROP_PAD_0, PROP_PAD_PRIORITY };

// RFC 8260 section 3 schedulers the core offers, as a GEnum for gst-inspect.
GType stream_scheduler_get_type() {
  static GType type = 0;
  static const GEnumValue values[] = {
      {int(sctp::StreamSchedulerKind::kFirstComeFirstServed),
       "First come, first served (RFC 8260 3.1)", "fcfs"},
      {int(sctp::StreamSchedulerKind::kRoundRobin), "Round robin between streams (RFC 8260 3.2)",
       "round-robin"},
      {int(sctp::StreamSchedulerKind::kPriority),
       "Strict priority from each sink pad's priority property, lower first; round robin "
       "between equals (RFC 8260 3.4)",
       "priority"},
      {0, nullptr, nullptr}};
  if (g_once_init_enter(&type)) {
    g_once_init_leave(&type, g_enum_register_static("GstSctpEncStreamScheduler", values));
  }
  return type;
}

enum { SIGNAL_ASSOCIATION_ESTABLISHED, SIGNAL_BYTES_SENT, N_SIGNALS };
guint signals[N_SIGNALS];

GstStaticPadTemplate sink_template =
    GST_STATIC_PAD_TEMPLATE("sink_%u", GST_PAD_SINK, GST_PAD_REQUEST, GST_STATIC_CAPS_ANY);
GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE("src", GST_PAD_SRC, GST_PAD_ALWAYS,
                                                            GST_STATIC_CAPS("application/x-sctp"));

// Per sink pad: the stream's settings and flow state.
struct PadState {
  guint16 stream_id = 0;
  StreamSettings settings;  // GST_OBJECT_LOCK (pad)
  std::atomic<guint64> bytes_sent{0};
  std::atomic<bool> flushing{false};
  std::atomic<bool> eos{false};
};

}  // namespace

// The element's C++ side. It is the association's EncoderSide: packets the
// core produces are queued here and pushed from the src pad's task, so no
// thread that drives the core (timer thread, sctpdec's streaming thread, a
// state change) ever blocks downstream.
struct EncState final : gstsctp::EncoderSide {
  explicit EncState(GstSctpEnc* element) : self(element) {}
  GstElement* element() override { return GST_ELEMENT(self); }
  void queue_packets(GstBufferList* packets) override;
  void queue_eos() override;
  void association_established(bool established) override;
  void wait_until_sent() override;
  bool graceful_close_requested() {
    GST_OBJECT_LOCK(self);
    const bool graceful = graceful_close;
    GST_OBJECT_UNLOCK(self);
    return graceful;
  }

  GstSctpEnc* self;

  // Properties (GST_OBJECT_LOCK).
  gstsctp::AssociationBinding binding;  // sctp-association-id; the association while PAUSED/PLAYING
  guint remote_port = kDefaultRemotePort;
  bool use_sock_stream = false;
  AssociationSettings settings;
  bool graceful_close = false;
  guint close_timeout_ms = kDefaultCloseTimeoutMs;
  bool wait_for_dtls = false;

  // Output queue for the src pad task.
  std::mutex out_mutex;
  std::condition_variable out_cv;
  std::deque<GstBufferList*> out;
  size_t out_packets = 0;
  bool out_eos = false;
  bool out_flushing = true;
  bool pushing = false;  // the task holds packets it has not pushed yet
  bool need_stream_start = true;
  std::atomic<int> src_ret{GST_FLOW_FLUSHING};

  // wait-for-dtls: the task pushes nothing while this is set (out_mutex);
  // SCTP's first packet goes out when the DTLS handshake is complete.
  bool dtls_holding = false;
  void release_dtls_hold();
  gstsctp::DtlsWait dtls_wait{[this] { release_dtls_hold(); }};
};

struct _GstSctpEnc {
  GstElement parent;
  GstPad* src_pad;
  EncState* state;
};

struct _GstSctpEncPad {
  GstPad parent;
  PadState* state;
};

// GLib's type boilerplate casts C-style.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
G_DEFINE_TYPE(GstSctpEncPad, gst_sctp_enc_pad, GST_TYPE_PAD)
G_DEFINE_TYPE(GstSctpEnc, gst_sctp_enc, GST_TYPE_ELEMENT)
#pragma GCC diagnostic pop
GST_ELEMENT_REGISTER_DEFINE(sctpenc, "sctpenc", GST_RANK_NONE, GST_TYPE_SCTP_ENC)

// ------------------------------------------------------------------ the pad

static void gst_sctp_enc_pad_finalize(GObject* object) {
  delete GST_SCTP_ENC_PAD(object)->state;
  G_OBJECT_CLASS(gst_sctp_enc_pad_parent_class)->finalize(object);
}

static void gst_sctp_enc_pad_set_property(GObject* object, guint prop_id, const GValue* value,
                                          GParamSpec* pspec) {
  GstSctpEncPad* pad = GST_SCTP_ENC_PAD(object);
  if (prop_id != PROP_PAD_PRIORITY) {
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
    return;
  }
  GST_OBJECT_LOCK(pad);
  pad->state->settings.priority = guint16(g_value_get_uint(value));
  GST_OBJECT_UNLOCK(pad);
}

static void gst_sctp_enc_pad_get_property(GObject* object, guint prop_id, GValue* value,
                                          GParamSpec* pspec) {
  GstSctpEncPad* pad = GST_SCTP_ENC_PAD(object);
  if (prop_id != PROP_PAD_PRIORITY) {
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
    return;
  }
  GST_OBJECT_LOCK(pad);
  g_value_set_uint(value, pad->state->settings.priority);
  GST_OBJECT_UNLOCK(pad);
}

static void gst_sctp_enc_pad_class_init(GstSctpEncPadClass* klass) {
  GObjectClass* gobject_class = G_OBJECT_CLASS(klass);
  gobject_class->finalize = gst_sctp_enc_pad_finalize;
  gobject_class->set_property = gst_sctp_enc_pad_set_property;
  gobject_class->get_property = gst_sctp_enc_pad_get_property;
  g_object_class_install_property(
      gobject_class, PROP_PAD_PRIORITY,
      g_param_spec_uint("priority", "Priority",
                        "This stream's priority under stream-scheduler=priority: lower values "
                        "are sent first (RFC 8260 3.4); ignored by the other schedulers",
                        0, G_MAXUINT16, 256,
                        GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)));
}

static void gst_sctp_enc_pad_init(GstSctpEncPad* pad) {
  pad->state = new PadState();
}

// ------------------------------------------------------------------ helpers

static std::shared_ptr<Association> current_association(GstSctpEnc* self) {
  return self->state->binding.current(GST_ELEMENT(self));
}

static void set_sink_pads_flushing(GstSctpEnc* self, bool flushing) {
  GST_OBJECT_LOCK(self);
  for (GList* l = GST_ELEMENT(self)->sinkpads; l != nullptr; l = l->next) {
    GST_SCTP_ENC_PAD(l->data)->state->flushing = flushing;
  }
  std::shared_ptr<Association> association = self->state->binding.current_locked();
  GST_OBJECT_UNLOCK(self);
  if (flushing && association) association->wake_waiters();
}

// EOS on every sink pad (at least one) ends the association gracefully.
static void maybe_shutdown_on_eos(GstSctpEnc* self) {
  bool all_eos = true;
  int pads = 0;
  GST_OBJECT_LOCK(self);
  for (GList* l = GST_ELEMENT(self)->sinkpads; l != nullptr; l = l->next) {
    ++pads;
    all_eos = all_eos && GST_SCTP_ENC_PAD(l->data)->state->eos.load();
  }
  std::shared_ptr<Association> association = self->state->binding.current_locked();
  GST_OBJECT_UNLOCK(self);
  if (pads > 0 && all_eos && association) {
    GST_INFO_OBJECT(self, "all sink pads are EOS: shutting the association down");
    association->shutdown();
  }
}

// ------------------------------------------------------------------ EncoderSide

void EncState::queue_packets(GstBufferList* packets) {
  std::lock_guard lock(out_mutex);
  const size_t n = gst_buffer_list_length(packets);
  if (out_flushing || out_packets + n > kMaxQueuedPackets) {
    GST_LOG_OBJECT(self, "dropping %zu packets (%s)", n,
                   out_flushing ? "src pad not running" : "output queue full");
    gst_buffer_list_unref(packets);
    return;
  }
  out.push_back(packets);
  out_packets += n;
  out_cv.notify_one();
}

void EncState::queue_eos() {
  std::lock_guard lock(out_mutex);
  out_eos = true;
  out_cv.notify_one();
}

void EncState::release_dtls_hold() {
  GST_INFO_OBJECT(self, "DTLS connected downstream: output flows");
  std::lock_guard lock(out_mutex);
  dtls_holding = false;
  out_cv.notify_one();
}

void EncState::association_established(bool established) {
  GST_INFO_OBJECT(self, "association %s", established ? "established" : "ended");
  g_signal_emit(self, signals[SIGNAL_ASSOCIATION_ESTABLISHED], 0, gboolean(established));
}

// ------------------------------------------------------------------ src pad task

static void push_stream_start(GstSctpEnc* self) {
  // Not derived from upstream: the packets carry every sink pad's stream.
  gchar* stream_id = g_strdup_printf("sctpenc-%08x", g_random_int());
  gst_pad_push_event(self->src_pad, gst_event_new_stream_start(stream_id));
  g_free(stream_id);
  GstCaps* caps = gst_caps_new_empty_simple("application/x-sctp");
  gst_pad_push_event(self->src_pad, gst_event_new_caps(caps));
  gst_caps_unref(caps);
  GstSegment segment;
  gst_segment_init(&segment, GST_FORMAT_BYTES);
  gst_pad_push_event(self->src_pad, gst_event_new_segment(&segment));
}

static void src_loop(gpointer user_data) {
  GstSctpEnc* self = GST_SCTP_ENC(user_data);
  EncState* st = self->state;
  std::deque<GstBufferList*> lists;
  bool eos = false;
  bool first = false;
  {
    std::unique_lock lock(st->out_mutex);
    st->out_cv.wait(lock, [st] {
      return st->out_flushing || (!st->dtls_holding && (st->out_eos || !st->out.empty()));
    });
    if (st->out_flushing) {
      lock.unlock();
      gst_pad_pause_task(self->src_pad);
      return;
    }
    lists.swap(st->out);
    st->out_packets = 0;
    eos = st->out_eos;
    st->out_eos = false;
    first = st->need_stream_start;
    st->need_stream_start = false;
    st->pushing = true;
  }
  if (first) push_stream_start(self);

  // One list per wake-up: everything the core produced meanwhile.
  GstFlowReturn ret = GST_FLOW_OK;
  if (!lists.empty()) {
    GstBufferList* merged = lists.front();
    lists.pop_front();
    if (!lists.empty()) {
      merged = gst_buffer_list_make_writable(merged);
      for (GstBufferList* list : lists) {
        const guint n = gst_buffer_list_length(list);
        for (guint i = 0; i < n; ++i) {
          gst_buffer_list_add(merged, gst_buffer_ref(gst_buffer_list_get(list, i)));
        }
        gst_buffer_list_unref(list);
      }
    }
    ret = gst_pad_push_list(self->src_pad, merged);
  }
  if (eos && ret == GST_FLOW_OK) gst_pad_push_event(self->src_pad, gst_event_new_eos());
  {
    std::lock_guard lock(st->out_mutex);
    st->pushing = false;
  }
  st->src_ret = ret;
  if (ret == GST_FLOW_NOT_LINKED) {
    GST_DEBUG_OBJECT(self, "src pad not linked, packets dropped");
  } else if (ret == GST_FLOW_FLUSHING) {
    gst_pad_pause_task(self->src_pad);
  } else if (ret < GST_FLOW_EOS) {
    GST_ELEMENT_FLOW_ERROR(self, ret);
    gst_pad_pause_task(self->src_pad);
  }
}

static bool start_src_task(GstSctpEnc* self) {
  {
    std::lock_guard lock(self->state->out_mutex);
    self->state->out_flushing = false;
  }
  self->state->src_ret = GST_FLOW_OK;
  return gst_pad_start_task(self->src_pad, src_loop, self, nullptr) != FALSE;
}

// Lets the task push what is queued (the ABORT) before the pad goes down;
// bounded, since downstream may not accept data any more.
void EncState::wait_until_sent() {
  const gint64 deadline = g_get_monotonic_time() + kDrainTimeoutUs;
  while (g_get_monotonic_time() < deadline) {
    {
      std::lock_guard lock(out_mutex);
      if ((out.empty() && !pushing) || out_flushing || dtls_holding) return;
    }
    GstTask* task = GST_PAD_TASK(self->src_pad);
    if (task == nullptr || gst_task_get_state(task) != GST_TASK_STARTED) return;
    g_usleep(500);
  }
}

static void stop_src_task(GstSctpEnc* self) {
  {
    std::lock_guard lock(self->state->out_mutex);
    self->state->out_flushing = true;
    for (GstBufferList* list : self->state->out)
      gst_buffer_list_unref(list);
    self->state->out.clear();
    self->state->out_packets = 0;
    self->state->out_eos = false;
    self->state->out_cv.notify_all();
  }
  // A push held downstream (a blocking probe on the src pad, as an app gating
  // DTLS uses) returns only once the pad flushes: deactivate the pad before
  // joining the task, or the join waits for ever. The parent class would
  // deactivate it only after this, in its own PAUSED->READY.
  gst_pad_set_active(self->src_pad, FALSE);
  gst_pad_stop_task(self->src_pad);
  self->state->src_ret = GST_FLOW_FLUSHING;
}

// Downstream may have stopped the task (a flush, a relink after NOT_LINKED
// errors): restart it on FLUSH_STOP and RECONFIGURE while running.
static gboolean src_event(GstPad* pad, GstObject* parent, GstEvent* event) {
  GstSctpEnc* self = GST_SCTP_ENC(parent);
  const GstEventType type = GST_EVENT_TYPE(event);
  const gboolean ret = gst_pad_event_default(pad, parent, event);
  if ((type == GST_EVENT_FLUSH_STOP || type == GST_EVENT_RECONFIGURE) &&
      GST_STATE(self) >= GST_STATE_PAUSED && GST_PAD_TASK(pad) != nullptr &&
      gst_task_get_state(GST_PAD_TASK(pad)) == GST_TASK_PAUSED) {
    GST_DEBUG_OBJECT(self, "restarting the src pad task");
    start_src_task(self);
  }
  return ret;
}

// ------------------------------------------------------------------ sink pads

static GstFlowReturn send_buffer(GstSctpEnc* self, GstSctpEncPad* pad, GstBuffer* buffer) {
  PadState* ps = pad->state;
  if (ps->flushing) return GST_FLOW_FLUSHING;
  const GstFlowReturn src_ret = GstFlowReturn(self->state->src_ret.load());
  if (src_ret < GST_FLOW_EOS) return src_ret;

  std::shared_ptr<Association> association = current_association(self);
  if (!association) return GST_FLOW_FLUSHING;

  StreamSettings settings;
  GST_OBJECT_LOCK(pad);
  settings = ps->settings;
  GST_OBJECT_UNLOCK(pad);
  gstsctp::apply_send_meta(buffer, settings);
  GST_OBJECT_LOCK(self);
  const bool use_sock_stream = self->state->use_sock_stream;
  GST_OBJECT_UNLOCK(self);

  GstMapInfo map;
  if (!gst_buffer_map(buffer, &map, GST_MAP_READ)) {
    GST_ELEMENT_ERROR(self, RESOURCE, READ, ("Could not map a buffer"), (nullptr));
    return GST_FLOW_ERROR;
  }
  GST_LOG_OBJECT(pad, "sending %zu bytes, ppid %u, %s, pr %s %u", map.size, settings.ppid,
                 settings.ordered ? "ordered" : "unordered",
                 gstsctp::to_string(settings.reliability), settings.reliability_parameter);
  GstFlowReturn ret = GST_FLOW_OK;
  for (;;) {
    const uint64_t epoch = association->space_epoch();
    const SendResult result = association->send(ps->stream_id, settings, use_sock_stream,
                                                std::span<const uint8_t>(map.data, map.size));
    if (result == SendResult::kSent) {
      ps->bytes_sent += map.size;
      break;
    }
    if (result == SendResult::kWouldBlock) {
      // Woken by SACKs freeing room (on_total_buffered_amount_low), the
      // association starting or ending, a flush or a state change.
      GST_LOG_OBJECT(pad, "send buffer full, waiting");
      association->wait_for_space(epoch, [ps] { return ps->flushing.load(); });
      if (ps->flushing) {
        ret = GST_FLOW_FLUSHING;
        break;
      }
      continue;
    }
    switch (result) {
      case SendResult::kAbandoned:
        GST_DEBUG_OBJECT(pad, "message abandoned by the \"buf\" policy");
        break;
      case SendResult::kEnded:
        GST_DEBUG_OBJECT(pad, "association ended");
        ret = GST_FLOW_EOS;
        break;
      case SendResult::kTooLarge:
        GST_ELEMENT_WARNING(
            self, RESOURCE, WRITE, ("Message too large, dropped"),
            ("%zu bytes on stream %u exceed max-message-size", map.size, ps->stream_id));
        break;
      case SendResult::kInvalidStream:
        GST_ELEMENT_WARNING(
            self, RESOURCE, WRITE, ("Message on an invalid stream, dropped"),
            ("stream %u is not below the negotiated number of streams", ps->stream_id));
        break;
      case SendResult::kNotSendable:
        GST_WARNING_OBJECT(pad,
                           "empty buffer with PPID %u cannot be sent (RFC 8831 6.6 defines empty "
                           "messages for the WebRTC PPIDs only), dropped",
                           settings.ppid);
        break;
      default:
        break;
    }
    break;
  }
  gst_buffer_unmap(buffer, &map);
  return ret;
}

static GstFlowReturn sink_chain(GstPad* pad, GstObject* parent, GstBuffer* buffer) {
  const GstFlowReturn ret = send_buffer(GST_SCTP_ENC(parent), GST_SCTP_ENC_PAD(pad), buffer);
  gst_buffer_unref(buffer);
  return ret;
}

static GstFlowReturn sink_chain_list(GstPad* pad, GstObject* parent, GstBufferList* list) {
  GstFlowReturn ret = GST_FLOW_OK;
  const guint n = gst_buffer_list_length(list);
  for (guint i = 0; i < n && ret == GST_FLOW_OK; ++i) {
    ret = send_buffer(GST_SCTP_ENC(parent), GST_SCTP_ENC_PAD(pad), gst_buffer_list_get(list, i));
  }
  gst_buffer_list_unref(list);
  return ret;
}

static gboolean sink_event(GstPad* pad, GstObject* parent, GstEvent* event) {
  GstSctpEnc* self = GST_SCTP_ENC(parent);
  PadState* ps = GST_SCTP_ENC_PAD(pad)->state;
  switch (GST_EVENT_TYPE(event)) {
    case GST_EVENT_CAPS: {
      GstCaps* caps = nullptr;
      gst_event_parse_caps(event, &caps);
      GST_DEBUG_OBJECT(pad, "caps %" GST_PTR_FORMAT, caps);
      GST_OBJECT_LOCK(pad);
      gstsctp::apply_caps(caps, ps->settings);
      GST_OBJECT_UNLOCK(pad);
      gst_event_unref(event);
      return TRUE;
    }
    case GST_EVENT_STREAM_START:
    case GST_EVENT_SEGMENT:
    case GST_EVENT_TAG:
      // The src pad carries packets of every stream: it has its own.
      gst_event_unref(event);
      return TRUE;
    case GST_EVENT_EOS:
      ps->eos = true;
      gst_event_unref(event);
      maybe_shutdown_on_eos(self);
      return TRUE;
    case GST_EVENT_FLUSH_START: {
      // Only this stream flushes: the association and its src pad carry on.
      ps->flushing = true;
      if (auto association = current_association(self)) association->wake_waiters();
      gst_event_unref(event);
      return TRUE;
    }
    case GST_EVENT_FLUSH_STOP:
      ps->flushing = false;
      ps->eos = false;
      gst_event_unref(event);
      return TRUE;
    default:
      return gst_pad_event_default(pad, parent, event);
  }
}

// ------------------------------------------------------------------ request pads

static bool stream_in_use(GstSctpEnc* self, guint stream) {
  for (GList* l = GST_ELEMENT(self)->sinkpads; l != nullptr; l = l->next) {
    if (GST_SCTP_ENC_PAD(l->data)->state->stream_id == stream) return true;
  }
  return false;
}

static GstPad* request_new_pad(GstElement* element, GstPadTemplate* templ, const gchar* name,
                               const GstCaps* caps) {
  GstSctpEnc* self = GST_SCTP_ENC(element);
  guint stream = 0;
  GST_OBJECT_LOCK(self);
  if (name != nullptr) {
    char tail = 0;
    if (std::sscanf(name, "sink_%u%c", &stream, &tail) != 1 || stream > kMaxStreamId) {
      GST_OBJECT_UNLOCK(self);
      GST_ERROR_OBJECT(self, "Invalid sink pad name %s (sink_0 .. sink_%u)", name, kMaxStreamId);
      return nullptr;
    }
    if (stream_in_use(self, stream)) {
      GST_OBJECT_UNLOCK(self);
      GST_ERROR_OBJECT(self, "Pad %s already exists", name);
      return nullptr;
    }
  } else {
    while (stream <= kMaxStreamId && stream_in_use(self, stream))
      ++stream;
    if (stream > kMaxStreamId) {
      GST_OBJECT_UNLOCK(self);
      GST_ERROR_OBJECT(self, "Every stream id is in use");
      return nullptr;
    }
  }
  GST_OBJECT_UNLOCK(self);

  gchar* pad_name = g_strdup_printf("sink_%u", stream);
  GstPad* pad = GST_PAD(g_object_new(GST_TYPE_SCTP_ENC_PAD, "name", pad_name, "direction",
                                     GST_PAD_SINK, "template", templ, nullptr));
  g_free(pad_name);
  PadState* ps = GST_SCTP_ENC_PAD(pad)->state;
  ps->stream_id = guint16(stream);
  if (caps != nullptr) gstsctp::apply_caps(caps, ps->settings);
  gst_pad_set_chain_function(pad, GST_DEBUG_FUNCPTR(sink_chain));
  gst_pad_set_chain_list_function(pad, GST_DEBUG_FUNCPTR(sink_chain_list));
  gst_pad_set_event_function(pad, GST_DEBUG_FUNCPTR(sink_event));

  GST_DEBUG_OBJECT(self, "new pad %s:%s for stream %u", GST_DEBUG_PAD_NAME(pad), stream);
  // Activated by gst_element_add_pad when the element is already running.
  if (!gst_element_add_pad(element, pad)) {
    gst_object_unref(pad);
    return nullptr;
  }
  return pad;
}

static void release_pad(GstElement* element, GstPad* pad) {
  GstSctpEnc* self = GST_SCTP_ENC(element);
  PadState* ps = GST_SCTP_ENC_PAD(pad)->state;
  ps->flushing = true;
  std::shared_ptr<Association> association = current_association(self);
  if (association) association->wake_waiters();
  gst_pad_set_active(pad, FALSE);  // waits for the chain function to return
  // RFC 8831 section 6.7: closing a data channel resets its outgoing stream.
  if (association && !association->reset_stream(ps->stream_id)) {
    GST_DEBUG_OBJECT(self, "stream %u not reset (no association or no RE-CONFIG)", ps->stream_id);
  }
  gst_element_remove_pad(element, pad);
  maybe_shutdown_on_eos(self);
}

// ------------------------------------------------------------------ state

static bool attach(GstSctpEnc* self) {
  GST_OBJECT_LOCK(self);
  AssociationSettings settings = self->state->settings;
  settings.remote_port =
      self->state->remote_port == 0 ? kPortWhenZero : uint16_t(self->state->remote_port);
  GST_OBJECT_UNLOCK(self);
  return self->state->binding.bind(GST_ELEMENT(self), [&](Association& association) {
    return association.attach_encoder(self->state, settings);
  });
}

static void detach(GstSctpEnc* self) {
  std::shared_ptr<Association> association = self->state->binding.unbind(GST_ELEMENT(self));
  GST_OBJECT_LOCK(self);
  const bool graceful = self->state->graceful_close;
  const int timeout = int(self->state->close_timeout_ms);
  GST_OBJECT_UNLOCK(self);
  if (!association) return;
  association->wake_waiters();
  // ABORT (or SHUTDOWN) is queued for the src pad, still active here.
  association->detach_encoder(graceful, timeout);
  self->state->wait_until_sent();
}

static GstStateChangeReturn change_state(GstElement* element, GstStateChange transition) {
  GstSctpEnc* self = GST_SCTP_ENC(element);
  switch (transition) {
    case GST_STATE_CHANGE_PLAYING_TO_PAUSED:
      // See top_level_state.h. A graceful close is left to PAUSED->READY.
      if (gstsctp::top_level_target_state(element) <= GST_STATE_READY &&
          !self->state->graceful_close_requested()) {
        if (auto association = current_association(self)) {
          association->abort_and_flush("GStreamer pipeline stopping");
        }
      }
      break;
    case GST_STATE_CHANGE_PAUSED_TO_READY:
      set_sink_pads_flushing(self, true);
      detach(self);
      stop_src_task(self);
      self->state->dtls_wait.unwatch();
      break;
    default:
      break;
  }

  const GstStateChangeReturn ret =
      GST_ELEMENT_CLASS(gst_sctp_enc_parent_class)->change_state(element, transition);
  if (ret == GST_STATE_CHANGE_FAILURE) return ret;

  switch (transition) {
    case GST_STATE_CHANGE_READY_TO_PAUSED:
      set_sink_pads_flushing(self, false);
      GST_OBJECT_LOCK(self);
      for (GList* l = element->sinkpads; l != nullptr; l = l->next) {
        GST_SCTP_ENC_PAD(l->data)->state->eos = false;
      }
      GST_OBJECT_UNLOCK(self);
      {
        GST_OBJECT_LOCK(self);
        const bool wait_for_dtls = self->state->wait_for_dtls;
        GST_OBJECT_UNLOCK(self);
        std::lock_guard lock(self->state->out_mutex);
        self->state->need_stream_start = true;
        self->state->dtls_holding = wait_for_dtls;
      }
      if (self->state->dtls_holding) {
        std::string error;
        if (!self->state->dtls_wait.watch(self->src_pad, &error)) {
          GST_ELEMENT_ERROR(self, CORE, NEGOTIATION, ("%s", error.c_str()), (nullptr));
          return GST_STATE_CHANGE_FAILURE;
        }
      }
      if (!start_src_task(self) || !attach(self)) {
        stop_src_task(self);
        return GST_STATE_CHANGE_FAILURE;
      }
      break;
    default:
      break;
  }
  return ret;
}

// ------------------------------------------------------------------ action signal

static guint64 bytes_sent(GstSctpEnc* self, guint stream) {
  guint64 bytes = 0;
  GST_OBJECT_LOCK(self);
  for (GList* l = GST_ELEMENT(self)->sinkpads; l != nullptr; l = l->next) {
    PadState* ps = GST_SCTP_ENC_PAD(l->data)->state;
    if (ps->stream_id == stream) bytes = ps->bytes_sent;
  }
  GST_OBJECT_UNLOCK(self);
  return bytes;
}

// ------------------------------------------------------------------ properties

static bool settable_now(GstSctpEnc* self, GParamSpec* pspec) {
  // Association-level settings apply when the association starts.
  if (GST_STATE(self) > GST_STATE_READY) {
    GST_WARNING_OBJECT(self, "%s takes effect the next time the element starts",
                       g_param_spec_get_name(pspec));
  }
  return true;
}

static void set_property(GObject* object, guint prop_id, const GValue* value, GParamSpec* pspec) {
  GstSctpEnc* self = GST_SCTP_ENC(object);
  EncState* st = self->state;
  if (prop_id != PROP_USE_SOCK_STREAM) settable_now(self, pspec);
  GST_OBJECT_LOCK(self);
  switch (prop_id) {
    case PROP_ASSOCIATION_ID:
      st->binding.id = g_value_get_uint(value);
      break;
    case PROP_REMOTE_PORT:
      st->remote_port = g_value_get_uint(value);
      break;
    case PROP_USE_SOCK_STREAM:
      st->use_sock_stream = g_value_get_boolean(value);
      break;
    case PROP_INITIATE:
      st->settings.initiate = g_value_get_boolean(value);
      break;
    case PROP_MTU:
      st->settings.mtu = g_value_get_uint(value);
      break;
    case PROP_MAX_MESSAGE_SIZE:
      st->settings.max_message_size = g_value_get_uint(value);
      break;
    case PROP_RECEIVE_BUFFER_SIZE:
      st->settings.receive_window = g_value_get_uint(value);
      break;
    case PROP_SEND_BUFFER_SIZE:
      st->settings.send_buffer_size = g_value_get_uint(value);
      break;
    case PROP_ZERO_CHECKSUM:
      st->settings.zero_checksum = g_value_get_boolean(value);
      break;
    case PROP_MESSAGE_INTERLEAVING:
      st->settings.message_interleaving = g_value_get_boolean(value);
      break;
    case PROP_GRACEFUL_CLOSE:
      st->graceful_close = g_value_get_boolean(value);
      break;
    case PROP_CLOSE_TIMEOUT:
      st->close_timeout_ms = g_value_get_uint(value);
      break;
    case PROP_WAIT_FOR_DTLS:
      st->wait_for_dtls = g_value_get_boolean(value);
      break;
    case PROP_RTO_INITIAL:
      st->settings.rto_initial_ms = g_value_get_uint(value);
      break;
    case PROP_RTO_MIN:
      st->settings.rto_min_ms = g_value_get_uint(value);
      break;
    case PROP_RTO_MAX:
      st->settings.rto_max_ms = g_value_get_uint(value);
      break;
    case PROP_MAX_RETRANSMISSIONS:
      st->settings.max_retransmissions = int(g_value_get_uint(value));
      break;
    case PROP_HEARTBEAT_INTERVAL:
      st->settings.heartbeat_interval_ms = g_value_get_uint(value);
      break;
    case PROP_STREAM_SCHEDULER:
      st->settings.scheduler = sctp::StreamSchedulerKind(g_value_get_enum(value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK(self);
}

static void get_property(GObject* object, guint prop_id, GValue* value, GParamSpec* pspec) {
  GstSctpEnc* self = GST_SCTP_ENC(object);
  EncState* st = self->state;
  if (prop_id == PROP_STATS) {
    g_value_take_boxed(value, st->binding.stats(GST_ELEMENT(self)));
    return;
  }
  GST_OBJECT_LOCK(self);
  switch (prop_id) {
    case PROP_ASSOCIATION_ID:
      g_value_set_uint(value, st->binding.id);
      break;
    case PROP_REMOTE_PORT:
      g_value_set_uint(value, st->remote_port);
      break;
    case PROP_USE_SOCK_STREAM:
      g_value_set_boolean(value, st->use_sock_stream);
      break;
    case PROP_INITIATE:
      g_value_set_boolean(value, st->settings.initiate);
      break;
    case PROP_MTU:
      g_value_set_uint(value, guint(st->settings.mtu));
      break;
    case PROP_MAX_MESSAGE_SIZE:
      g_value_set_uint(value, guint(st->settings.max_message_size));
      break;
    case PROP_RECEIVE_BUFFER_SIZE:
      g_value_set_uint(value, guint(st->settings.receive_window));
      break;
    case PROP_SEND_BUFFER_SIZE:
      g_value_set_uint(value, guint(st->settings.send_buffer_size));
      break;
    case PROP_ZERO_CHECKSUM:
      g_value_set_boolean(value, st->settings.zero_checksum);
      break;
    case PROP_MESSAGE_INTERLEAVING:
      g_value_set_boolean(value, st->settings.message_interleaving);
      break;
    case PROP_GRACEFUL_CLOSE:
      g_value_set_boolean(value, st->graceful_close);
      break;
    case PROP_CLOSE_TIMEOUT:
      g_value_set_uint(value, st->close_timeout_ms);
      break;
    case PROP_WAIT_FOR_DTLS:
      g_value_set_boolean(value, st->wait_for_dtls);
      break;
    case PROP_RTO_INITIAL:
      g_value_set_uint(value, st->settings.rto_initial_ms);
      break;
    case PROP_RTO_MIN:
      g_value_set_uint(value, st->settings.rto_min_ms);
      break;
    case PROP_RTO_MAX:
      g_value_set_uint(value, st->settings.rto_max_ms);
      break;
    case PROP_MAX_RETRANSMISSIONS:
      g_value_set_uint(value, guint(st->settings.max_retransmissions));
      break;
    case PROP_HEARTBEAT_INTERVAL:
      g_value_set_uint(value, st->settings.heartbeat_interval_ms);
      break;
    case PROP_STREAM_SCHEDULER:
      g_value_set_enum(value, int(st->settings.scheduler));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK(self);
}

// ------------------------------------------------------------------ class

static void gst_sctp_enc_finalize(GObject* object) {
  GstSctpEnc* self = GST_SCTP_ENC(object);
  for (GstBufferList* list : self->state->out)
    gst_buffer_list_unref(list);
  delete self->state;
  G_OBJECT_CLASS(gst_sctp_enc_parent_class)->finalize(object);
}

static void gst_sctp_enc_init(GstSctpEnc* self) {
  self->state = new EncState(self);
  self->src_pad = gst_pad_new_from_static_template(&src_template, "src");
  gst_pad_use_fixed_caps(self->src_pad);
  gst_pad_set_event_function(self->src_pad, GST_DEBUG_FUNCPTR(src_event));
  gst_element_add_pad(GST_ELEMENT(self), self->src_pad);
}

static void gst_sctp_enc_class_init(GstSctpEncClass* klass) {
  GObjectClass* gobject_class = G_OBJECT_CLASS(klass);
  GstElementClass* element_class = GST_ELEMENT_CLASS(klass);

  GST_DEBUG_CATEGORY_INIT(gst_sctp_enc_debug, "sctpenc", 0, "SCTP encoder (sctpenc)");

  gobject_class->set_property = set_property;
  gobject_class->get_property = get_property;
  gobject_class->finalize = gst_sctp_enc_finalize;
  element_class->change_state = GST_DEBUG_FUNCPTR(change_state);
  element_class->request_new_pad = GST_DEBUG_FUNCPTR(request_new_pad);
  element_class->release_pad = GST_DEBUG_FUNCPTR(release_pad);

  constexpr auto rw = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property(gobject_class, PROP_ASSOCIATION_ID,
                                  gstsctp::AssociationBinding::id_param_spec(G_MAXUINT));
  g_object_class_install_property(
      gobject_class, PROP_REMOTE_PORT,
      g_param_spec_uint("remote-sctp-port", "Remote SCTP port",
                        "Sctp remote sctp port for the sctp association. The local port is "
                        "configured via the GstSctpDec element. 0 means 5000.",
                        0, G_MAXUSHORT, kDefaultRemotePort, rw));
  g_object_class_install_property(
      gobject_class, PROP_USE_SOCK_STREAM,
      g_param_spec_boolean("use-sock-stream", "Use sock-stream",
                           "When set to TRUE, a sequenced, reliable, connection-based connection "
                           "is used.When TRUE the partial reliability parameters of the channel "
                           "are ignored.",
                           FALSE, rw));
  g_object_class_install_property(
      gobject_class, PROP_INITIATE,
      g_param_spec_boolean("initiate-association", "Initiate association",
                           "Send INIT when the association starts. Both ends may do so at once "
                           "(RFC 9260 5.2.1); FALSE waits for the peer's INIT.",
                           TRUE, rw));
  g_object_class_install_property(
      gobject_class, PROP_MTU,
      g_param_spec_uint("mtu", "MTU",
                        "Largest SCTP packet in bytes (common header and chunks, without the "
                        "lower layers). 1200 fits any path under DTLS/UDP/IPv6.",
                        508, 65535, 1200, rw));
  g_object_class_install_property(
      gobject_class, PROP_MAX_MESSAGE_SIZE,
      g_param_spec_uint("max-message-size", "Maximum message size",
                        "Largest message in bytes that is sent or reassembled; larger buffers "
                        "are dropped with a warning",
                        1, G_MAXINT, 256 * 1024, rw));
  g_object_class_install_property(
      gobject_class, PROP_RECEIVE_BUFFER_SIZE,
      g_param_spec_uint("receive-buffer-size", "Receive buffer size",
                        "Receive window in bytes announced to the peer (a_rwnd, RFC 9260 "
                        "6.2.1); data beyond it is dropped",
                        1500, G_MAXINT, 1024 * 1024, rw));
  g_object_class_install_property(
      gobject_class, PROP_SEND_BUFFER_SIZE,
      g_param_spec_uint("send-buffer-size", "Send buffer size",
                        "Bytes that may wait unacknowledged; a sink pad blocks when it is full "
                        "until acknowledgements free room",
                        1, G_MAXINT, 2 * 1024 * 1024, rw));
  g_object_class_install_property(
      gobject_class, PROP_ZERO_CHECKSUM,
      g_param_spec_boolean("zero-checksum", "Zero checksum",
                           "Offer to omit the CRC32c checksum when the lower layer (DTLS) "
                           "protects integrity (RFC 9653)",
                           FALSE, rw));
  g_object_class_install_property(
      gobject_class, PROP_MESSAGE_INTERLEAVING,
      g_param_spec_boolean("message-interleaving", "Message interleaving",
                           "Offer I-DATA (RFC 8260) so a large message does not hold up other "
                           "streams; used when the peer offers it too",
                           FALSE, rw));
  g_object_class_install_property(
      gobject_class, PROP_GRACEFUL_CLOSE,
      g_param_spec_boolean("graceful-close", "Graceful close",
                           "On stopping, end the association with SHUTDOWN (waiting up to "
                           "close-timeout for it to complete) instead of ABORT",
                           FALSE, rw));
  g_object_class_install_property(
      gobject_class, PROP_CLOSE_TIMEOUT,
      g_param_spec_uint("close-timeout", "Close timeout",
                        "Milliseconds a graceful close may take before the association is "
                        "aborted",
                        0, 60000, kDefaultCloseTimeoutMs, rw));
  // Failure detection: how fast a silent peer is given up on (RFC 9260
  // sections 6.3.1, 8.1 and 8.3). The association fails, and sctpenc posts an
  // error, after max-retransmissions consecutive retransmission timeouts or
  // unanswered heartbeats.
  g_object_class_install_property(
      gobject_class, PROP_RTO_INITIAL,
      g_param_spec_uint("rto-initial", "RTO initial",
                        "Initial retransmission timeout in milliseconds (RTO.Initial)", 10, 600000,
                        1000, rw));
  g_object_class_install_property(
      gobject_class, PROP_RTO_MIN,
      g_param_spec_uint("rto-min", "RTO minimum",
                        "Lower bound of the retransmission timeout in milliseconds (RTO.Min)", 10,
                        600000, 400, rw));
  g_object_class_install_property(
      gobject_class, PROP_RTO_MAX,
      g_param_spec_uint("rto-max", "RTO maximum",
                        "Upper bound of the retransmission timeout in milliseconds (RTO.Max)", 10,
                        600000, 60000, rw));
  g_object_class_install_property(
      gobject_class, PROP_MAX_RETRANSMISSIONS,
      g_param_spec_uint("max-retransmissions", "Maximum retransmissions",
                        "Consecutive retransmission timeouts or unanswered heartbeats after "
                        "which the association fails (Association.Max.Retrans)",
                        1, 1000, 10, rw));
  g_object_class_install_property(
      gobject_class, PROP_HEARTBEAT_INTERVAL,
      g_param_spec_uint("heartbeat-interval", "Heartbeat interval",
                        "Milliseconds between heartbeats on an idle path (HB.interval), to "
                        "which the current RTO is added",
                        1, 3600000, 30000, rw));
  g_object_class_install_property(
      gobject_class, PROP_WAIT_FOR_DTLS,
      g_param_spec_boolean(
          "wait-for-dtls", "Wait for DTLS",
          "Hold every packet until the element linked to the src pad (dtlsenc, or dtlssrtpenc's "
          "data_sink) reports its DTLS handshake complete (its connection-state becomes "
          "\"connected\"), since dtlsenc fails on data before that. For gst-launch-1.0 "
          "pipelines; applications may instead keep sctpenc in locked state until DTLS "
          "connects, as webrtcbin does.",
          FALSE, GParamFlags(rw | GST_PARAM_MUTABLE_READY)));
  g_object_class_install_property(
      gobject_class, PROP_STREAM_SCHEDULER,
      g_param_spec_enum("stream-scheduler", "Stream scheduler",
                        "Which stream sends next when several have data (RFC 8260 section 3); "
                        "with \"priority\", each sink pad's priority property orders them",
                        stream_scheduler_get_type(), int(sctp::StreamSchedulerKind::kRoundRobin),
                        rw));
  g_object_class_install_property(
      gobject_class, PROP_STATS,
      g_param_spec_boxed("stats", "Statistics",
                         "Association statistics: state, srtt-ms, rto-ms, cwnd, peer-rwnd, "
                         "bytes and messages sent and received, retransmissions, abandoned, ...",
                         GST_TYPE_STRUCTURE,
                         GParamFlags(G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)));

  signals[SIGNAL_ASSOCIATION_ESTABLISHED] =
      g_signal_new("sctp-association-established", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                   nullptr, nullptr, nullptr, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_BYTES_SENT] = g_signal_new_class_handler(
      "bytes-sent", G_TYPE_FROM_CLASS(klass), GSignalFlags(G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION),
      G_CALLBACK(bytes_sent), nullptr, nullptr, nullptr, G_TYPE_UINT64, 1, G_TYPE_UINT);

  gst_element_class_add_static_pad_template(element_class, &src_template);
  gst_element_class_add_static_pad_template_with_gtype(element_class, &sink_template,
                                                       GST_TYPE_SCTP_ENC_PAD);
  gst_element_class_set_static_metadata(element_class, "SCTP Encoder", "Encoder/Network/SCTP",
                                        "Encodes packets with SCTP",
                                        "gst-sctp project (drop-in for gst-plugins-bad's sctpenc)");
  gst_type_mark_as_plugin_api(GST_TYPE_SCTP_ENC_PAD, GstPluginAPIFlags(0));
}
