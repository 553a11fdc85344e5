#include "sctp_dec.h"

#include <gst/sctp/sctpreceivemeta.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "association.h"
#include "stream_settings.h"
#include "top_level_state.h"

GST_DEBUG_CATEGORY_STATIC(gst_sctp_dec_debug);
#define GST_CAT_DEFAULT gst_sctp_dec_debug

using gstsctp::Association;

namespace {

constexpr guint kDefaultAssociationId = 1;
constexpr guint kMaxAssociationId = 65535;
constexpr guint kDefaultLocalPort = 0;
constexpr uint16_t kPortWhenZero = 5000;  // see sctpenc's remote-sctp-port

enum { PROP_0, PROP_ASSOCIATION_ID, PROP_LOCAL_PORT, PROP_STATS };
enum { SIGNAL_RESET_STREAM, N_SIGNALS };
guint signals[N_SIGNALS];

GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
                                                             GST_STATIC_CAPS("application/x-sctp"));
GstStaticPadTemplate src_template =
    GST_STATIC_PAD_TEMPLATE("src_%u", GST_PAD_SRC, GST_PAD_SOMETIMES, GST_STATIC_CAPS_ANY);

// Hands a received message's bytes to a GstBuffer without copying them.
GstBuffer* message_to_buffer(sctp::Message& message) {
  // RFC 8831 section 6.6: an "empty" PPID carries one ignored byte.
  if (gstsctp::is_empty_message_ppid(message.ppid.value()) || message.payload.empty()) {
    return gst_buffer_new();
  }
  auto* bytes = new std::vector<uint8_t>(std::move(message.payload));
  return gst_buffer_new_wrapped_full(
      GST_MEMORY_FLAG_READONLY, bytes->data(), bytes->size(), 0, bytes->size(), bytes,
      [](gpointer data) { delete static_cast<std::vector<uint8_t>*>(data); });
}

}  // namespace

// The element's C++ side, the association's DecoderSide. Messages are pushed
// from the thread that fed the packet in (sctpdec's sink streaming thread),
// after the association's lock is released.
struct DecState final : gstsctp::DecoderSide {
  explicit DecState(GstSctpDec* element) : self(element) {}
  GstElement* element() override { return GST_ELEMENT(self); }
  void deliver(sctp::Message message) override;
  void incoming_streams_reset(std::span<const uint16_t> streams) override;
  void association_ended(bool graceful) override;

  GstPad* pad_for_stream(uint16_t stream);
  void remove_stream_pad(uint16_t stream, bool send_eos);
  void remove_all_pads(bool send_eos);

  GstSctpDec* self;
  // Properties (GST_OBJECT_LOCK).
  guint association_id = kDefaultAssociationId;
  guint local_port = kDefaultLocalPort;
  std::shared_ptr<Association> association;  // GST_OBJECT_LOCK

  std::mutex pads_mutex;
  std::map<uint16_t, GstPad*> pads;  // owned references
};

struct _GstSctpDec {
  GstElement parent;
  GstPad* sink_pad;
  DecState* state;
};

// GLib's type boilerplate casts C-style.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
G_DEFINE_TYPE(GstSctpDec, gst_sctp_dec, GST_TYPE_ELEMENT)
#pragma GCC diagnostic pop
GST_ELEMENT_REGISTER_DEFINE(sctpdec, "sctpdec", GST_RANK_NONE, GST_TYPE_SCTP_DEC)

static std::shared_ptr<Association> current_association(GstSctpDec* self) {
  GST_OBJECT_LOCK(self);
  std::shared_ptr<Association> association = self->state->association;
  GST_OBJECT_UNLOCK(self);
  return association;
}

// ------------------------------------------------------------------ src pads

static gboolean copy_sticky_event(GstPad* /*pad*/, GstEvent** event, gpointer user_data) {
  const GstEventType type = GST_EVENT_TYPE(*event);
  if (type != GST_EVENT_CAPS && type != GST_EVENT_STREAM_START && type != GST_EVENT_EOS) {
    gst_pad_store_sticky_event(GST_PAD(user_data), *event);
  }
  return TRUE;
}

GstPad* DecState::pad_for_stream(uint16_t stream) {
  {
    std::lock_guard lock(pads_mutex);
    if (auto it = pads.find(stream); it != pads.end()) return GST_PAD(gst_object_ref(it->second));
  }
  gchar* name = g_strdup_printf("src_%u", guint(stream));
  GstPad* pad = GST_PAD(gst_object_ref_sink(gst_pad_new_from_static_template(&src_template, name)));
  g_free(name);
  gst_pad_use_fixed_caps(pad);
  gst_pad_set_active(pad, TRUE);
  gchar* stream_id = gst_pad_create_stream_id_printf(pad, GST_ELEMENT(self), "%u", guint(stream));
  gst_pad_push_event(pad, gst_event_new_stream_start(stream_id));
  g_free(stream_id);
  gst_pad_sticky_events_foreach(self->sink_pad, copy_sticky_event, pad);
  if (GstEvent* segment = gst_pad_get_sticky_event(pad, GST_EVENT_SEGMENT, 0)) {
    gst_event_unref(segment);
  } else {
    GstSegment bytes;
    gst_segment_init(&bytes, GST_FORMAT_BYTES);
    gst_pad_push_event(pad, gst_event_new_segment(&bytes));
  }
  {
    std::lock_guard lock(pads_mutex);
    pads[stream] = GST_PAD(gst_object_ref(pad));
  }
  GST_DEBUG_OBJECT(self, "new pad for stream %u", guint(stream));
  gst_element_add_pad(GST_ELEMENT(self), pad);  // emits pad-added
  return pad;
}

void DecState::remove_stream_pad(uint16_t stream, bool send_eos) {
  GstPad* pad = nullptr;
  {
    std::lock_guard lock(pads_mutex);
    auto it = pads.find(stream);
    if (it == pads.end()) return;
    pad = it->second;
    pads.erase(it);
  }
  GST_DEBUG_OBJECT(self, "removing pad for stream %u", guint(stream));
  if (send_eos) gst_pad_push_event(pad, gst_event_new_eos());
  gst_pad_set_active(pad, FALSE);
  if (gst_object_has_as_parent(GST_OBJECT(pad), GST_OBJECT(self))) {
    gst_element_remove_pad(GST_ELEMENT(self), pad);  // emits pad-removed
  }
  gst_object_unref(pad);
}

void DecState::remove_all_pads(bool send_eos) {
  std::vector<uint16_t> streams;
  {
    std::lock_guard lock(pads_mutex);
    for (const auto& [stream, pad] : pads)
      streams.push_back(stream);
  }
  for (const uint16_t stream : streams)
    remove_stream_pad(stream, send_eos);
}

void DecState::deliver(sctp::Message message) {
  const uint16_t stream = message.stream_id.value();
  const uint32_t ppid = message.ppid.value();
  GstBuffer* buffer = message_to_buffer(message);
  gst_sctp_buffer_add_receive_meta(buffer, ppid);
  GstPad* pad = pad_for_stream(stream);
  GST_LOG_OBJECT(pad, "message of %zu bytes, ppid %u", gst_buffer_get_size(buffer), ppid);
  const GstFlowReturn ret = gst_pad_push(pad, buffer);
  if (ret != GST_FLOW_OK && ret != GST_FLOW_FLUSHING) {
    // One stream's consumer failing must not stop the association (its
    // SACKs, the other streams): log, and keep going.
    GST_DEBUG_OBJECT(pad, "push returned %s", gst_flow_get_name(ret));
  }
  gst_object_unref(pad);
}

void DecState::incoming_streams_reset(std::span<const uint16_t> streams) {
  for (const uint16_t stream : streams) {
    GST_DEBUG_OBJECT(self, "peer reset stream %u", guint(stream));
    remove_stream_pad(stream, false);
  }
}

void DecState::association_ended(bool graceful) {
  GST_INFO_OBJECT(self, "association ended %s: removing stream pads",
                  graceful ? "by SHUTDOWN" : "by ABORT");
  remove_all_pads(graceful);
}

// ------------------------------------------------------------------ sink pad

static GstFlowReturn sink_chain(GstPad* /*pad*/, GstObject* parent, GstBuffer* buffer) {
  std::shared_ptr<Association> association = current_association(GST_SCTP_DEC(parent));
  if (!association) {
    gst_buffer_unref(buffer);
    return GST_FLOW_FLUSHING;
  }
  association->receive(buffer);
  gst_buffer_unref(buffer);
  return GST_FLOW_OK;
}

static GstFlowReturn sink_chain_list(GstPad* /*pad*/, GstObject* parent, GstBufferList* list) {
  std::shared_ptr<Association> association = current_association(GST_SCTP_DEC(parent));
  if (!association) {
    gst_buffer_list_unref(list);
    return GST_FLOW_FLUSHING;
  }
  association->receive_list(list);
  gst_buffer_list_unref(list);
  return GST_FLOW_OK;
}

static gboolean sink_event(GstPad* pad, GstObject* parent, GstEvent* event) {
  switch (GST_EVENT_TYPE(event)) {
    case GST_EVENT_STREAM_START:
    case GST_EVENT_CAPS:
    case GST_EVENT_EOS:
      // Each src pad has its own stream; the end of the association, not of
      // the packet input, ends them.
      gst_event_unref(event);
      return TRUE;
    default:
      return gst_pad_event_default(pad, parent, event);
  }
}

// ------------------------------------------------------------------ action signal

static void reset_stream(GstSctpDec* self, guint stream) {
  if (stream > G_MAXUINT16) return;
  std::shared_ptr<Association> association = current_association(self);
  if (!association) return;
  if (!association->reset_stream(uint16_t(stream))) {
    GST_WARNING_OBJECT(self, "stream %u could not be reset (no RE-CONFIG with this peer?)", stream);
  }
  self->state->remove_stream_pad(uint16_t(stream), false);
}

// ------------------------------------------------------------------ state

static GstStateChangeReturn change_state(GstElement* element, GstStateChange transition) {
  GstSctpDec* self = GST_SCTP_DEC(element);
  if (transition == GST_STATE_CHANGE_PLAYING_TO_PAUSED &&
      gstsctp::top_level_target_state(element) <= GST_STATE_READY) {
    // See top_level_state.h. (sctpenc's graceful-close is not known here;
    // a graceful close needs the packet sink running anyway.)
    if (auto association = current_association(self)) {
      association->abort_and_flush("GStreamer pipeline stopping");
    }
  }
  if (transition == GST_STATE_CHANGE_PAUSED_TO_READY) {
    GST_OBJECT_LOCK(self);
    std::shared_ptr<Association> association = std::move(self->state->association);
    self->state->association.reset();
    GST_OBJECT_UNLOCK(self);
    if (association) association->detach_decoder();
    self->state->remove_all_pads(false);
  }

  const GstStateChangeReturn ret =
      GST_ELEMENT_CLASS(gst_sctp_dec_parent_class)->change_state(element, transition);
  if (ret == GST_STATE_CHANGE_FAILURE) return ret;

  if (transition == GST_STATE_CHANGE_PAUSED_TO_READY) {
    // A message being delivered while we detached may have added a pad; the
    // sink pad is inactive now, so nothing adds one any more.
    self->state->remove_all_pads(false);
  }
  if (transition == GST_STATE_CHANGE_READY_TO_PAUSED) {
    GST_OBJECT_LOCK(self);
    const guint id = self->state->association_id;
    const uint16_t port =
        self->state->local_port == 0 ? kPortWhenZero : uint16_t(self->state->local_port);
    GST_OBJECT_UNLOCK(self);
    std::shared_ptr<Association> association = gstsctp::acquire_association(id);
    GST_OBJECT_LOCK(self);
    self->state->association = association;
    GST_OBJECT_UNLOCK(self);
    if (!association->attach_decoder(self->state, port)) {
      GST_ELEMENT_ERROR(self, RESOURCE, BUSY, ("SCTP association %u is already in use", id),
                        ("another sctpdec uses sctp-association-id %u", id));
      GST_OBJECT_LOCK(self);
      self->state->association.reset();
      GST_OBJECT_UNLOCK(self);
      return GST_STATE_CHANGE_FAILURE;
    }
  }
  return ret;
}

// ------------------------------------------------------------------ properties

static void set_property(GObject* object, guint prop_id, const GValue* value, GParamSpec* pspec) {
  GstSctpDec* self = GST_SCTP_DEC(object);
  GST_OBJECT_LOCK(self);
  switch (prop_id) {
    case PROP_ASSOCIATION_ID:
      self->state->association_id = g_value_get_uint(value);
      break;
    case PROP_LOCAL_PORT:
      self->state->local_port = g_value_get_uint(value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK(self);
}

static void get_property(GObject* object, guint prop_id, GValue* value, GParamSpec* pspec) {
  GstSctpDec* self = GST_SCTP_DEC(object);
  switch (prop_id) {
    case PROP_ASSOCIATION_ID:
      GST_OBJECT_LOCK(self);
      g_value_set_uint(value, self->state->association_id);
      GST_OBJECT_UNLOCK(self);
      break;
    case PROP_LOCAL_PORT:
      GST_OBJECT_LOCK(self);
      g_value_set_uint(value, self->state->local_port);
      GST_OBJECT_UNLOCK(self);
      break;
    case PROP_STATS: {
      std::shared_ptr<Association> association = current_association(self);
      if (association) {
        g_value_take_boxed(value, association->stats());
      } else {
        GST_OBJECT_LOCK(self);
        const guint id = self->state->association_id;
        GST_OBJECT_UNLOCK(self);
        g_value_take_boxed(
            value, gst_structure_new("application/x-sctp-stats", "association-id", G_TYPE_UINT, id,
                                     "state", G_TYPE_STRING, "not-started", "established",
                                     G_TYPE_BOOLEAN, FALSE, nullptr));
      }
      break;
    }
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
      break;
  }
}

// ------------------------------------------------------------------ class

static void gst_sctp_dec_finalize(GObject* object) {
  GstSctpDec* self = GST_SCTP_DEC(object);
  for (const auto& [stream, pad] : self->state->pads)
    gst_object_unref(pad);
  delete self->state;
  G_OBJECT_CLASS(gst_sctp_dec_parent_class)->finalize(object);
}

static void gst_sctp_dec_init(GstSctpDec* self) {
  self->state = new DecState(self);
  self->sink_pad = gst_pad_new_from_static_template(&sink_template, "sink");
  gst_pad_set_chain_function(self->sink_pad, GST_DEBUG_FUNCPTR(sink_chain));
  gst_pad_set_chain_list_function(self->sink_pad, GST_DEBUG_FUNCPTR(sink_chain_list));
  gst_pad_set_event_function(self->sink_pad, GST_DEBUG_FUNCPTR(sink_event));
  gst_element_add_pad(GST_ELEMENT(self), self->sink_pad);
}

static void gst_sctp_dec_class_init(GstSctpDecClass* klass) {
  GObjectClass* gobject_class = G_OBJECT_CLASS(klass);
  GstElementClass* element_class = GST_ELEMENT_CLASS(klass);

  GST_DEBUG_CATEGORY_INIT(gst_sctp_dec_debug, "sctpdec", 0, "SCTP decoder (sctpdec)");

  gobject_class->set_property = set_property;
  gobject_class->get_property = get_property;
  gobject_class->finalize = gst_sctp_dec_finalize;
  element_class->change_state = GST_DEBUG_FUNCPTR(change_state);

  constexpr auto rw = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property(
      gobject_class, PROP_ASSOCIATION_ID,
      g_param_spec_uint("sctp-association-id", "SCTP Association ID",
                        "Every encoder/decoder pair should have the same, unique, "
                        "sctp-association-id. This value must be set before any pads are "
                        "requested.",
                        0, kMaxAssociationId, kDefaultAssociationId, rw));
  g_object_class_install_property(
      gobject_class, PROP_LOCAL_PORT,
      g_param_spec_uint("local-sctp-port", "Local SCTP port",
                        "Local sctp port for the sctp association. The remote port is configured "
                        "via the GstSctpEnc element. 0 means 5000.",
                        0, G_MAXUSHORT, kDefaultLocalPort, rw));
  g_object_class_install_property(
      gobject_class, PROP_STATS,
      g_param_spec_boxed(
          "stats", "Statistics", "Association statistics (the same structure as sctpenc's)",
          GST_TYPE_STRUCTURE, GParamFlags(G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)));

  signals[SIGNAL_RESET_STREAM] = g_signal_new_class_handler(
      "reset-stream", G_TYPE_FROM_CLASS(klass), GSignalFlags(G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION),
      G_CALLBACK(reset_stream), nullptr, nullptr, nullptr, G_TYPE_NONE, 1, G_TYPE_UINT);

  gst_element_class_add_static_pad_template(element_class, &src_template);
  gst_element_class_add_static_pad_template(element_class, &sink_template);
  gst_element_class_set_static_metadata(element_class, "SCTP Decoder", "Decoder/Network/SCTP",
                                        "Decodes packets with SCTP",
                                        "gst-sctp project (drop-in for gst-plugins-bad's sctpdec)");
}
