#include "sctp_dec.h"

#include <gst/sctp/sctpreceivemeta.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "association.h"
#include "stream_settings.h"
#include "top_level_state.h"

GST_DEBUG_CATEGORY_STATIC(gst_sctp_dec_debug);
#define GST_CAT_DEFAULT gst_sctp_dec_debug

using gstsctp::Association;

namespace {

constexpr guint kMaxAssociationId = 65535;
constexpr guint kDefaultLocalPort = 0;
constexpr uint16_t kPortWhenZero = 5000;  // see sctpenc's remote-sctp-port
// Each src pad's queue. Beyond it the streaming thread that delivers waits,
// which stops reading packets: back-pressure the SCTP peer sees as a closed
// receive window / lost packets (RFC 9260 6.2), never unbounded memory.
constexpr size_t kQueueMaxBytes = 4 * 1024 * 1024;
constexpr size_t kQueueMaxItems = 4096;

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

// One src_N pad, its bounded queue and the pad task that empties it. Messages
// are queued by the thread that dispatches the association's events (the
// sink pad's streaming thread, the timer thread) and pushed downstream by the
// pad's own task, so a downstream branch that blocks (an async sink waiting
// for the whole pipeline to preroll) never stalls the other streams, nor the
// association (as gst-plugins-bad's per-pad GstDataQueue and task do).
struct StreamPad {
  GstPad* pad = nullptr;          // owned reference
  GstElement* element = nullptr;  // the sctpdec; it stops every task before it goes
  uint16_t stream = 0;
  std::mutex mutex;
  // Signalled whenever items, bytes, busy or flushing change: the task waits
  // for work, the producer for room, a pad removal for the queue to drain.
  std::condition_variable changed;
  // GstBuffers and serialized GstEvents, owned; a nullptr is the end of the
  // pad: once the task reaches it, the pad is removed (on another thread).
  std::deque<GstMiniObject*> items;
  size_t bytes = 0;
  bool ending = false;    // the end is queued: nothing more goes in
  bool busy = false;      // the task is pushing an item it took
  bool flushing = false;  // FLUSH_START, state change or removal: drop, unblock

  ~StreamPad() {
    clear_locked();
    if (pad != nullptr) gst_object_unref(pad);
  }
  [[nodiscard]] bool full() const {
    // A single message larger than the limit still goes when the queue is empty.
    return !items.empty() && (bytes >= kQueueMaxBytes || items.size() >= kQueueMaxItems);
  }
  void clear_locked() {
    for (GstMiniObject* item : items) {
      if (item != nullptr) gst_mini_object_unref(item);
    }
    items.clear();
    bytes = 0;
  }
};

// The element's C++ side, the association's DecoderSide. Messages are queued
// on their stream's pad from the thread that fed the packet in, after the
// association's lock is released; each pad's task pushes them.
struct DecState final : gstsctp::DecoderSide {
  explicit DecState(GstSctpDec* element) : self(element) {}
  GstElement* element() override { return GST_ELEMENT(self); }
  void deliver(sctp::Message message) override;
  void incoming_streams_reset(std::span<const uint16_t> streams) override;
  void association_ended(bool graceful) override;

  std::shared_ptr<StreamPad> pad_for_stream(uint16_t stream);
  // Queues the end of the pad (after EOS if `eos`) behind its data and
  // returns at once: the task pushes what is queued, then the pad is removed
  // from another thread, so no dispatching thread (sink streaming thread,
  // timer thread, a state change) waits for downstream.
  void end_stream_pad(uint16_t stream, bool eos);
  void end_all_pads(bool eos);
  // Drops what is queued, stops the task and removes the pad, now.
  void remove_stream_pad_now(uint16_t stream);
  void remove_all_pads_now();
  // Stops and removes `entry` if it is still stream's pad.
  void finish_removal(uint16_t stream, const std::shared_ptr<StreamPad>& entry);
  // FLUSH_START (or a stop): every queue dropped, every waiter woken, the
  // tasks paused; new messages dropped until set_flushing(false).
  void set_flushing(bool flushing);
  // Queues a serialized event after the data already queued on every pad.
  void queue_event_on_all_pads(GstEvent* event);
  std::vector<std::shared_ptr<StreamPad>> all_pads();

  GstSctpDec* self;
  // Properties (GST_OBJECT_LOCK).
  gstsctp::AssociationBinding binding;  // sctp-association-id; the association while PAUSED/PLAYING
  guint local_port = kDefaultLocalPort;

  std::mutex pads_mutex;
  std::map<uint16_t, std::shared_ptr<StreamPad>> pads;
  bool flushing = true;  // pads_mutex; false between READY->PAUSED and PAUSED->READY
  // Streams whose pad was taken out of `pads` but is not removed from the
  // element yet (pads_mutex): a new pad for such a stream waits (the old one
  // still holds the name), and a stop waits for all of them, so no
  // pad-removed is emitted after PAUSED->READY returns.
  std::multiset<uint16_t> removing;
  // Removals scheduled on the thread pool and not yet run: their pending call
  // holds a reference to the element, so a stop waits for them too.
  int removals_scheduled = 0;
  std::condition_variable removals_done;
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
  return self->state->binding.current(GST_ELEMENT(self));
}

// ------------------------------------------------------------------ src pads

static gboolean copy_sticky_event(GstPad* /*pad*/, GstEvent** event, gpointer user_data) {
  const GstEventType type = GST_EVENT_TYPE(*event);
  if (type != GST_EVENT_CAPS && type != GST_EVENT_STREAM_START && type != GST_EVENT_EOS) {
    gst_pad_store_sticky_event(GST_PAD(user_data), *event);
  }
  return TRUE;
}

// Removes an ended pad from the element's shared thread pool: the pad's own
// task cannot stop itself, and the dispatching threads must not wait for it.
static void schedule_removal(const std::shared_ptr<StreamPad>& entry) {
  struct PendingRemoval {
    std::shared_ptr<StreamPad> entry;
  };
  DecState* dec = GST_SCTP_DEC(entry->element)->state;
  {
    std::lock_guard lock(dec->pads_mutex);
    ++dec->removals_scheduled;
  }
  gst_element_call_async(
      entry->element,
      [](GstElement* element, gpointer data) {
        const std::shared_ptr<StreamPad>& ended = static_cast<PendingRemoval*>(data)->entry;
        DecState* state = GST_SCTP_DEC(element)->state;
        state->finish_removal(ended->stream, ended);
        std::lock_guard lock(state->pads_mutex);
        --state->removals_scheduled;
        state->removals_done.notify_all();
      },
      new PendingRemoval{entry}, [](gpointer data) { delete static_cast<PendingRemoval*>(data); });
}

// The pad task: pushes one queued item per call. Waits (on the pad's own
// condition) for an item or for flushing; whoever sets flushing pauses or
// stops the task right after, so returning on flushing ends the loop.
static void src_pad_task(gpointer user_data) {
  const std::shared_ptr<StreamPad>& entry_ptr =
      *static_cast<std::shared_ptr<StreamPad>*>(user_data);
  StreamPad& entry = *entry_ptr;
  GstMiniObject* item = nullptr;
  {
    std::unique_lock lock(entry.mutex);
    entry.changed.wait(lock, [&] { return entry.flushing || !entry.items.empty(); });
    if (entry.flushing) return;
    item = entry.items.front();
    entry.items.pop_front();
    if (item == nullptr) {
      // The end of the pad: removed from another thread, which stops this
      // task (a task cannot join itself). Nothing follows the marker.
      schedule_removal(entry_ptr);
      return;
    }
    if (GST_IS_BUFFER(item)) entry.bytes -= gst_buffer_get_size(GST_BUFFER_CAST(item));
    entry.busy = true;
    entry.changed.notify_all();  // room for the producer
  }
  if (GST_IS_BUFFER(item)) {
    GST_LOG_OBJECT(entry.pad, "pushing message of %zu bytes",
                   gst_buffer_get_size(GST_BUFFER_CAST(item)));
    const GstFlowReturn ret = gst_pad_push(entry.pad, GST_BUFFER_CAST(item));
    if (ret != GST_FLOW_OK && ret != GST_FLOW_FLUSHING) {
      // One stream's consumer failing must not stop the association (its
      // SACKs, the other streams): log, and keep going.
      GST_DEBUG_OBJECT(entry.pad, "push returned %s", gst_flow_get_name(ret));
    }
  } else {
    gst_pad_push_event(entry.pad, GST_EVENT_CAST(item));
  }
  std::lock_guard lock(entry.mutex);
  entry.busy = false;
  entry.changed.notify_all();  // a removal may be waiting for the queue to drain
}

static void start_src_pad_task(const std::shared_ptr<StreamPad>& entry) {
  GST_OBJECT_LOCK(entry->pad);
  const bool exists = GST_PAD_TASK(entry->pad) != nullptr;
  GST_OBJECT_UNLOCK(entry->pad);
  if (exists) {
    // Resuming after a flush: the existing task keeps its own user data.
    gst_pad_start_task(entry->pad, src_pad_task, nullptr, nullptr);
    return;
  }
  gst_pad_start_task(entry->pad, src_pad_task, new std::shared_ptr<StreamPad>(entry),
                     [](gpointer data) { delete static_cast<std::shared_ptr<StreamPad>*>(data); });
}

// Sets the queue flushing (dropping what it holds, waking every waiter) and
// stops or pauses the task; the task's downstream push, if blocked, must be
// unblocked by the caller's flush or state change first.
static void halt_src_pad_task(StreamPad& entry, bool stop) {
  {
    std::lock_guard lock(entry.mutex);
    entry.flushing = true;
    entry.clear_locked();
    entry.changed.notify_all();
  }
  if (stop) {
    gst_pad_stop_task(entry.pad);
  } else {
    gst_pad_pause_task(entry.pad);
  }
}

std::shared_ptr<StreamPad> DecState::pad_for_stream(uint16_t stream) {
  {
    std::lock_guard lock(pads_mutex);
    if (flushing) return nullptr;
    if (auto it = pads.find(stream); it != pads.end()) {
      std::lock_guard entry_lock(it->second->mutex);
      if (!it->second->ending) return it->second;
    }
  }
  // The stream was reset (or the association ended) and is used again while
  // its old pad drains: the old pad must go first (same name). Waits for its
  // task to push what it holds; a flush or stop ends the wait.
  std::shared_ptr<StreamPad> old;
  {
    std::lock_guard lock(pads_mutex);
    if (auto it = pads.find(stream); it != pads.end()) old = it->second;
  }
  if (old) {
    {
      std::unique_lock lock(old->mutex);
      old->changed.wait(lock, [&] { return old->flushing || (old->items.empty() && !old->busy); });
    }
    finish_removal(stream, old);
  }
  {
    // Another thread may be removing the stream's old pad (a reset-stream,
    // the pool finishing an ended pad): it still holds the name until then.
    std::unique_lock lock(pads_mutex);
    removals_done.wait(lock, [&] { return flushing || removing.count(stream) == 0; });
    if (flushing) return nullptr;
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
  auto entry = std::make_shared<StreamPad>();
  entry->pad = pad;
  entry->element = GST_ELEMENT(self);
  entry->stream = stream;
  {
    std::lock_guard lock(pads_mutex);
    if (flushing) return nullptr;  // stopping meanwhile: the pad is dropped with `entry`
    pads[stream] = entry;
  }
  start_src_pad_task(entry);
  GST_DEBUG_OBJECT(self, "new pad for stream %u", guint(stream));
  gst_element_add_pad(GST_ELEMENT(self), pad);  // emits pad-added
  return entry;
}

void DecState::end_stream_pad(uint16_t stream, bool eos) {
  std::shared_ptr<StreamPad> entry;
  {
    std::lock_guard lock(pads_mutex);
    auto it = pads.find(stream);
    if (it == pads.end()) return;
    entry = it->second;
  }
  std::lock_guard lock(entry->mutex);
  if (entry->ending) return;
  entry->ending = true;
  // While flushing (FLUSH_START) the end is queued when the flush stops; a
  // pad being removed is flushing too, for good.
  if (entry->flushing) return;
  if (eos) entry->items.push_back(GST_MINI_OBJECT_CAST(gst_event_new_eos()));
  entry->items.push_back(nullptr);
  entry->changed.notify_all();
}

void DecState::end_all_pads(bool eos) {
  std::vector<uint16_t> streams;
  {
    std::lock_guard lock(pads_mutex);
    for (const auto& [stream, entry] : pads)
      streams.push_back(stream);
  }
  for (const uint16_t stream : streams)
    end_stream_pad(stream, eos);
}

void DecState::finish_removal(uint16_t stream, const std::shared_ptr<StreamPad>& entry) {
  {
    std::lock_guard lock(pads_mutex);
    auto it = pads.find(stream);
    if (it == pads.end() || it->second != entry) return;  // removed by another thread
    pads.erase(it);
    removing.insert(stream);
  }
  GST_DEBUG_OBJECT(self, "removing pad for stream %u", guint(stream));
  halt_src_pad_task(*entry, true);
  gst_pad_set_active(entry->pad, FALSE);
  if (gst_object_has_as_parent(GST_OBJECT(entry->pad), GST_OBJECT(self))) {
    gst_element_remove_pad(GST_ELEMENT(self), entry->pad);  // emits pad-removed
  }
  std::lock_guard lock(pads_mutex);
  removing.erase(removing.find(stream));
  removals_done.notify_all();
}

void DecState::remove_stream_pad_now(uint16_t stream) {
  std::shared_ptr<StreamPad> entry;
  {
    std::lock_guard lock(pads_mutex);
    auto it = pads.find(stream);
    if (it == pads.end()) return;
    entry = it->second;
  }
  finish_removal(stream, entry);
}

void DecState::remove_all_pads_now() {
  std::vector<uint16_t> streams;
  {
    std::lock_guard lock(pads_mutex);
    for (const auto& [stream, entry] : pads)
      streams.push_back(stream);
  }
  for (const uint16_t stream : streams)
    remove_stream_pad_now(stream);
  // An ended pad's removal (on the thread pool) that already took it out of
  // `pads` may still be running.
  std::unique_lock lock(pads_mutex);
  removals_done.wait(lock, [&] { return removing.empty() && removals_scheduled == 0; });
}

std::vector<std::shared_ptr<StreamPad>> DecState::all_pads() {
  std::vector<std::shared_ptr<StreamPad>> entries;
  std::lock_guard lock(pads_mutex);
  for (const auto& [stream, entry] : pads)
    entries.push_back(entry);
  return entries;
}

void DecState::set_flushing(bool flush) {
  {
    std::lock_guard lock(pads_mutex);
    flushing = flush;
  }
  removals_done.notify_all();  // a new pad waiting for an old one's removal gives up
  for (const auto& entry : all_pads()) {
    if (flush) {
      halt_src_pad_task(*entry, false);
    } else {
      {
        std::lock_guard lock(entry->mutex);
        entry->flushing = false;
        // A pad that was ending still goes (its queued EOS was flushed).
        if (entry->ending) entry->items.push_back(nullptr);
      }
      start_src_pad_task(entry);
    }
  }
}

void DecState::queue_event_on_all_pads(GstEvent* event) {
  for (const auto& entry : all_pads()) {
    std::lock_guard lock(entry->mutex);
    if (entry->flushing || entry->ending) continue;
    entry->items.push_back(GST_MINI_OBJECT_CAST(gst_event_ref(event)));
    entry->changed.notify_all();
  }
  gst_event_unref(event);
}

void DecState::deliver(sctp::Message message) {
  const uint16_t stream = message.stream_id.value();
  const uint32_t ppid = message.ppid.value();
  std::shared_ptr<StreamPad> entry = pad_for_stream(stream);
  if (!entry) return;  // flushing or stopping: dropped
  GstBuffer* buffer = message_to_buffer(message);
  gst_sctp_buffer_add_receive_meta(buffer, ppid);
  const size_t size = gst_buffer_get_size(buffer);
  std::unique_lock lock(entry->mutex);
  // A full queue holds up this (the packet-reading) thread until the pad's
  // task makes room, or a flush or stop drops everything.
  entry->changed.wait(lock, [&] { return entry->flushing || !entry->full(); });
  if (entry->flushing || entry->ending) {
    lock.unlock();
    gst_buffer_unref(buffer);
    return;
  }
  GST_LOG_OBJECT(entry->pad, "queueing message of %zu bytes, ppid %u", size, ppid);
  entry->items.push_back(GST_MINI_OBJECT_CAST(buffer));
  entry->bytes += size;
  entry->changed.notify_all();
}

void DecState::incoming_streams_reset(std::span<const uint16_t> streams) {
  for (const uint16_t stream : streams) {
    GST_DEBUG_OBJECT(self, "peer reset stream %u", guint(stream));
    bool has_pad = false;
    {
      std::lock_guard lock(pads_mutex);
      has_pad = pads.find(stream) != pads.end() || removing.count(stream) != 0;
    }
    // A stream reset before it delivered anything still shows as a pad added
    // and then removed (as gst-plugins-bad does): the removal is how webrtcbin
    // learns that the peer closed the data channel. Not when the stream's pad
    // is being removed already: that removal tells it.
    if (!has_pad) pad_for_stream(stream);
    end_stream_pad(stream, false);
  }
}

void DecState::association_ended(bool graceful) {
  GST_INFO_OBJECT(self, "association ended %s: removing stream pads",
                  graceful ? "by SHUTDOWN" : "by ABORT");
  end_all_pads(graceful);
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
    case GST_EVENT_FLUSH_START: {
      // Downstream first, so that a task blocked in a push returns; then the
      // queues are dropped, the delivering thread woken, the tasks paused.
      const gboolean forwarded = gst_pad_event_default(pad, parent, event);
      GST_SCTP_DEC(parent)->state->set_flushing(true);
      return forwarded;
    }
    case GST_EVENT_FLUSH_STOP: {
      const gboolean forwarded = gst_pad_event_default(pad, parent, event);
      GST_SCTP_DEC(parent)->state->set_flushing(false);
      return forwarded;
    }
    default:
      // GST_EVENT_IS_SERIALIZED mixes two enum types (a C++20 deprecation).
      if ((guint(GST_EVENT_TYPE(event)) & guint(GST_EVENT_TYPE_SERIALIZED)) != 0) {
        // Keeps its place after the messages already queued on each pad.
        GST_SCTP_DEC(parent)->state->queue_event_on_all_pads(event);
        return TRUE;
      }
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
  // As gst-plugins-bad does: what is still queued for the stream is dropped.
  self->state->remove_stream_pad_now(uint16_t(stream));
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
    // First unblock everything: the delivering thread waiting for room, a
    // removal waiting for a queue to drain, the tasks.
    self->state->set_flushing(true);
    std::shared_ptr<Association> association = self->state->binding.unbind(GST_ELEMENT(self));
    if (association) association->detach_decoder();
    self->state->remove_all_pads_now();
  }

  const GstStateChangeReturn ret =
      GST_ELEMENT_CLASS(gst_sctp_dec_parent_class)->change_state(element, transition);
  if (ret == GST_STATE_CHANGE_FAILURE) return ret;

  if (transition == GST_STATE_CHANGE_PAUSED_TO_READY) {
    // A message being delivered while we detached may have added a pad; the
    // sink pad is inactive now, so nothing adds one any more.
    self->state->remove_all_pads_now();
  }
  if (transition == GST_STATE_CHANGE_READY_TO_PAUSED) {
    self->state->set_flushing(false);
    GST_OBJECT_LOCK(self);
    const uint16_t port =
        self->state->local_port == 0 ? kPortWhenZero : uint16_t(self->state->local_port);
    GST_OBJECT_UNLOCK(self);
    if (!self->state->binding.bind(GST_ELEMENT(self), [&](Association& association) {
          return association.attach_decoder(self->state, port);
        })) {
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
      self->state->binding.id = g_value_get_uint(value);
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
      g_value_set_uint(value, self->state->binding.id);
      GST_OBJECT_UNLOCK(self);
      break;
    case PROP_LOCAL_PORT:
      GST_OBJECT_LOCK(self);
      g_value_set_uint(value, self->state->local_port);
      GST_OBJECT_UNLOCK(self);
      break;
    case PROP_STATS:
      g_value_take_boxed(value, self->state->binding.stats(GST_ELEMENT(self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
      break;
  }
}

// ------------------------------------------------------------------ class

static void gst_sctp_dec_finalize(GObject* object) {
  GstSctpDec* self = GST_SCTP_DEC(object);
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
  g_object_class_install_property(gobject_class, PROP_ASSOCIATION_ID,
                                  gstsctp::AssociationBinding::id_param_spec(kMaxAssociationId));
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
