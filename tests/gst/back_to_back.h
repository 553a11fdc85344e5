// A test fixture: two associations in one process, linked back to back.
//
//   appsrc(s) -> ea (sctpenc, id A) -> queue -> db (sctpdec, id B) -> fakesink per stream
//                eb (sctpenc, id B) -> queue -> da (sctpdec, id A)
//
// ea+da are endpoint A, eb+db endpoint B. Messages sent on ea's sink pads
// come out of db's src pads; what arrives is recorded per stream.
#pragma once

// The C++ headers come first: check.h defines a macro named fail.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gst/check/gstcheck.h>
#include <gst/sctp/sctpreceivemeta.h>
#include <gst/sctp/sctpsendmeta.h>

struct ReceivedMessage {
  gsize size = 0;
  guint32 ppid = 0;
  guint8 first_byte = 0;
};

struct BackToBack {
  GstElement* pipeline = nullptr;
  GstElement* ea = nullptr;
  GstElement* da = nullptr;
  GstElement* eb = nullptr;
  GstElement* db = nullptr;
  // Last value of each encoder's sctp-association-established (-1: none yet).
  std::atomic<int> a_established{-1};
  std::atomic<int> b_established{-1};

  std::mutex mutex;
  std::map<guint, std::vector<ReceivedMessage>> received;  // by stream id, at db
  std::vector<std::string> added_pads;                     // at db
  std::vector<std::string> removed_pads;                   // at db

  // `a_props` / `b_props` are extra sctpenc properties ("key=value ...").
  BackToBack(guint id_a, guint id_b, const char* a_props = "", const char* b_props = "") {
    gchar* description = g_strdup_printf(
        "sctpenc name=ea sctp-association-id=%u %s ! queue ! sctpdec name=db "
        "sctp-association-id=%u "
        "sctpenc name=eb sctp-association-id=%u %s ! queue ! sctpdec name=da "
        "sctp-association-id=%u",
        id_a, a_props, id_b, id_b, b_props, id_a);
    GError* error = nullptr;
    pipeline = gst_parse_launch(description, &error);
    g_free(description);
    fail_unless(pipeline != nullptr && error == nullptr, "%s",
                error != nullptr ? error->message : "");
    ea = gst_bin_get_by_name(GST_BIN(pipeline), "ea");
    da = gst_bin_get_by_name(GST_BIN(pipeline), "da");
    eb = gst_bin_get_by_name(GST_BIN(pipeline), "eb");
    db = gst_bin_get_by_name(GST_BIN(pipeline), "db");
    g_signal_connect(ea, "sctp-association-established", G_CALLBACK(on_established),
                     &a_established);
    g_signal_connect(eb, "sctp-association-established", G_CALLBACK(on_established),
                     &b_established);
    g_signal_connect(db, "pad-added", G_CALLBACK(on_pad_added), this);
    g_signal_connect(db, "pad-removed", G_CALLBACK(on_pad_removed), this);
  }

  ~BackToBack() {
    gst_element_set_state(pipeline, GST_STATE_NULL);
    // A pad removal sctpdec runs asynchronously may hold the last reference
    // to it, so its dispose (which removes the remaining pads and emits
    // pad-removed) can run after this object is gone.
    for (GstElement* e : {ea, da, eb, db}) {
      g_signal_handlers_disconnect_by_data(e, this);
      gst_object_unref(e);
    }
    gst_object_unref(pipeline);
  }

  void play() {
    fail_if(gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE);
  }

  // An appsrc feeding ea's sink_<stream>, with `caps` (may be null).
  GstElement* add_source(guint stream, const char* caps) {
    GstElement* src = gst_element_factory_make("appsrc", nullptr);
    fail_unless(src != nullptr);
    g_object_set(src, "format", GST_FORMAT_BYTES, "max-bytes", guint64(0), nullptr);
    if (caps != nullptr) {
      GstCaps* c = gst_caps_from_string(caps);
      g_object_set(src, "caps", c, nullptr);
      gst_caps_unref(c);
    }
    gst_bin_add(GST_BIN(pipeline), src);
    gchar* name = g_strdup_printf("sink_%u", stream);
    GstPad* sink = gst_element_request_pad_simple(ea, name);
    g_free(name);
    fail_unless(sink != nullptr);
    GstPad* src_pad = gst_element_get_static_pad(src, "src");
    fail_unless_equals_int(gst_pad_link(src_pad, sink), GST_PAD_LINK_OK);
    gst_object_unref(src_pad);
    gst_object_unref(sink);
    gst_element_sync_state_with_parent(src);
    return src;
  }

  static void push(GstElement* src, gsize size, guint8 fill) {
    GstBuffer* buffer = gst_buffer_new_allocate(nullptr, size, nullptr);
    if (size > 0) gst_buffer_memset(buffer, 0, fill, size);
    GstFlowReturn ret = GST_FLOW_OK;
    g_signal_emit_by_name(src, "push-buffer", buffer, &ret);
    gst_buffer_unref(buffer);
    fail_unless_equals_int(ret, GST_FLOW_OK);
  }

  static void end_of_stream(GstElement* src) {
    GstFlowReturn ret = GST_FLOW_OK;
    g_signal_emit_by_name(src, "end-of-stream", &ret);
  }

  // Polls `condition` for up to `seconds`.
  bool wait_for(const std::function<bool()>& condition, int seconds = 10) {
    const gint64 deadline = g_get_monotonic_time() + gint64(seconds) * G_USEC_PER_SEC;
    while (g_get_monotonic_time() < deadline) {
      if (condition()) return true;
      g_usleep(5000);
    }
    return condition();
  }

  // Both encoders signalled the association as established.
  bool established() {
    return wait_for([this] { return a_established == 1 && b_established == 1; });
  }

  size_t received_count(guint stream) {
    std::lock_guard lock(mutex);
    auto it = received.find(stream);
    return it == received.end() ? 0 : it->second.size();
  }

  bool pad_removed(const char* name) {
    std::lock_guard lock(mutex);
    for (const auto& n : removed_pads) {
      if (n == name) return true;
    }
    return false;
  }

 private:
  static void on_established(GstElement*, gboolean established, gpointer data) {
    static_cast<std::atomic<int>*>(data)->store(established ? 1 : 0);
  }

  static void on_handoff(GstElement*, GstBuffer* buffer, GstPad* pad, gpointer data) {
    auto* self = static_cast<BackToBack*>(data);
    GstPad* peer = gst_pad_get_peer(pad);
    guint stream = 0;
    if (peer != nullptr) {
      std::sscanf(GST_PAD_NAME(peer), "src_%u", &stream);
      gst_object_unref(peer);
    }
    ReceivedMessage m;
    m.size = gst_buffer_get_size(buffer);
    if (m.size > 0) gst_buffer_extract(buffer, 0, &m.first_byte, 1);
    if (GstSctpReceiveMeta* meta = gst_sctp_buffer_get_receive_meta(buffer)) m.ppid = meta->ppid;
    std::lock_guard lock(self->mutex);
    self->received[stream].push_back(m);
  }

  static void on_pad_added(GstElement*, GstPad* pad, gpointer data) {
    auto* self = static_cast<BackToBack*>(data);
    {
      std::lock_guard lock(self->mutex);
      self->added_pads.emplace_back(GST_PAD_NAME(pad));
    }
    GstElement* sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "signal-handoffs", TRUE, "sync", FALSE, "async", FALSE, nullptr);
    g_signal_connect(sink, "handoff", G_CALLBACK(on_handoff), self);
    gst_bin_add(GST_BIN(self->pipeline), sink);
    gst_element_sync_state_with_parent(sink);
    GstPad* sink_pad = gst_element_get_static_pad(sink, "sink");
    fail_unless_equals_int(gst_pad_link(pad, sink_pad), GST_PAD_LINK_OK);
    gst_object_unref(sink_pad);
  }

  static void on_pad_removed(GstElement*, GstPad* pad, gpointer data) {
    auto* self = static_cast<BackToBack*>(data);
    std::lock_guard lock(self->mutex);
    self->removed_pads.emplace_back(GST_PAD_NAME(pad));
  }
};
