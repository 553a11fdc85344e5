// Shared by the edge-camera sender and receiver (and the ICE example in
// examples/ice): option parsing, checks that every element is installed
// (naming the Debian package when one is missing), the main loop with its bus
// watch and timeout, the DTLS gate in front of SCTP, and the small JSON the
// metadata travels in.
#pragma once

#include <gst/gst.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace edge_camera {

// Element factory -> the Debian 12 package that provides it.
inline bool elements_present(const std::vector<std::pair<const char*, const char*>>& needed) {
  bool ok = true;
  for (const auto& [factory, package] : needed) {
    GstElementFactory* f = gst_element_factory_find(factory);
    if (f == nullptr) {
      std::fprintf(stderr, "missing GStreamer element '%s': install the Debian package %s\n",
                   factory, package);
      ok = false;
    } else {
      gst_object_unref(f);
    }
  }
  return ok;
}

// "--name value" pairs over the defaults in `opt`; false (after a message)
// on a name that has no default or a name without a value.
inline bool parse_options(int argc, char** argv, std::map<std::string, std::string>& opt) {
  for (int i = 1; i < argc; i += 2) {
    if (!opt.count(argv[i]) || i + 1 == argc) {
      std::fprintf(stderr, "unknown option or missing value: %s\n", argv[i]);
      return false;
    }
    opt[argv[i]] = argv[i + 1];
  }
  return true;
}

// gst_parse_launch(), printing why it failed; nullptr then.
inline GstElement* launch(const char* who, const std::string& description) {
  GError* err = nullptr;
  GstElement* pipeline = gst_parse_launch(description.c_str(), &err);
  if (err != nullptr) {  // also set for a recoverable error, with a pipeline
    std::fprintf(stderr, "%s: bad pipeline: %s\n", who, err->message);
    g_error_free(err);
    if (pipeline != nullptr) gst_object_unref(pipeline);
    return nullptr;
  }
  return pipeline;
}

// The main loop of an example: an error message from the pipeline ends it,
// and so does the timeout, after `on_timeout` (which says what was missing).
class MainLoop {
 public:
  MainLoop(const char* who, GstElement* pipeline, unsigned timeout_s,
           std::function<void()> on_timeout = {})
      : who_(who), on_timeout_(std::move(on_timeout)), loop_(g_main_loop_new(nullptr, FALSE)) {
    bus_ = gst_element_get_bus(pipeline);
    gst_bus_add_watch(bus_, on_bus, this);
    timeout_ = g_timeout_add_seconds(timeout_s, on_timer, this);
  }
  ~MainLoop() {
    gst_bus_remove_watch(bus_);
    gst_object_unref(bus_);
    if (timeout_ != 0) g_source_remove(timeout_);
    g_main_loop_unref(loop_);
  }
  MainLoop(const MainLoop&) = delete;
  MainLoop& operator=(const MainLoop&) = delete;

  void run() { g_main_loop_run(loop_); }
  // Thread-safe: streaming threads call it too.
  void quit() { g_main_loop_quit(loop_); }

 private:
  static gboolean on_bus(GstBus*, GstMessage* msg, gpointer user_data) {
    auto* self = static_cast<MainLoop*>(user_data);
    if (GST_MESSAGE_TYPE(msg) == GST_MESSAGE_ERROR) {
      GError* err = nullptr;
      gchar* dbg = nullptr;
      gst_message_parse_error(msg, &err, &dbg);
      std::fprintf(stderr, "%s: error from %s: %s (%s)\n", self->who_, GST_OBJECT_NAME(msg->src),
                   err->message, dbg ? dbg : "");
      g_error_free(err);
      g_free(dbg);
      self->quit();
    }
    return TRUE;
  }
  static gboolean on_timer(gpointer user_data) {
    auto* self = static_cast<MainLoop*>(user_data);
    self->timeout_ = 0;
    std::fprintf(stderr, "%s: timed out\n", self->who_);
    if (self->on_timeout_) self->on_timeout_();
    self->quit();
    return G_SOURCE_REMOVE;
  }
  const char* who_;
  std::function<void()> on_timeout_;
  GMainLoop* loop_;
  GstBus* bus_ = nullptr;
  guint timeout_ = 0;
};

// dtlsenc refuses data before its handshake is complete ("Tried to send data
// before handshake was complete"), so what goes into it (sctpenc's output; in
// the ICE example the RTP too) is held back by blocking probes until the DTLS
// decoder (dtlsdec or dtlssrtpdec) reports the connection, as webrtcbin does.
// SCTP retransmits anything that was produced meanwhile. `verify`, when
// given, runs first and may refuse the peer (its certificate is not the one
// signalled): the gate then stays shut.
class DtlsGate {
 public:
  DtlsGate(GstElement* dtls_decoder, std::vector<GstPad*> pads,
           std::function<bool(GstElement*)> verify = {})
      : pads_(std::move(pads)), verify_(std::move(verify)) {
    for (GstPad* pad : pads_)
      probes_.push_back(gst_pad_add_probe(
          pad, GstPadProbeType(GST_PAD_PROBE_TYPE_BLOCK | GST_PAD_PROBE_TYPE_DATA_DOWNSTREAM),
          [](GstPad*, GstPadProbeInfo*, gpointer) { return GST_PAD_PROBE_OK; }, nullptr, nullptr));
    g_signal_connect(dtls_decoder, "notify::connection-state", G_CALLBACK(on_state), this);
  }
  // The usual case: sctpenc's output.
  DtlsGate(GstElement* sctpenc, GstElement* dtls_decoder)
      : DtlsGate(dtls_decoder, {gst_element_get_static_pad(sctpenc, "src")}) {}
  ~DtlsGate() {
    release();
    for (GstPad* pad : pads_)
      gst_object_unref(pad);
  }
  DtlsGate(const DtlsGate&) = delete;
  DtlsGate& operator=(const DtlsGate&) = delete;

  // Opens the gate unchecked, to stop the pipeline: an element that stops
  // its streaming task on the way to READY (sctpenc) waits for the push its
  // task is blocked in, here, so call this before setting the state down.
  void release() {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < pads_.size(); ++i) {
      if (probes_[i] != 0) gst_pad_remove_probe(pads_[i], probes_[i]);
      probes_[i] = 0;
    }
  }

 private:
  static void on_state(GstElement* decoder, GParamSpec* pspec, gpointer user_data) {
    auto* self = static_cast<DtlsGate*>(user_data);
    gint state = 0;
    g_object_get(decoder, "connection-state", &state, nullptr);
    const GEnumValue* v = g_enum_get_value(G_PARAM_SPEC_ENUM(pspec)->enum_class, state);
    if (v == nullptr || std::string(v->value_nick) != "connected" || self->opened_.exchange(true))
      return;
    if (self->verify_ && !self->verify_(decoder)) return;
    g_printerr("DTLS connected\n");
    self->release();
  }
  std::vector<GstPad*> pads_;  // owned
  std::vector<gulong> probes_;
  std::function<bool(GstElement*)> verify_;
  std::atomic<bool> opened_{false};
  std::mutex mutex_;  // probes_: opened on a DTLS thread, released on the main thread
};

// The metadata of one frame, as one JSON object per SCTP message.
struct FrameMeta {
  uint64_t frame = 0;
  uint64_t pts_ns = 0;
  uint32_t rtp_timestamp = 0;  // the PTS on the RTP 90 kHz clock (timestamp-offset=0)
  double sensor_celsius = 0;
  int64_t sent_us = 0;  // sender's wall clock when the frame was captured
};

inline std::string to_json(const FrameMeta& m) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{\"frame\":%llu,\"pts\":%llu,\"rtp\":%u,\"sensor\":%.2f,\"sent_us\":%lld}",
                static_cast<unsigned long long>(m.frame), static_cast<unsigned long long>(m.pts_ns),
                m.rtp_timestamp, m.sensor_celsius, static_cast<long long>(m.sent_us));
  return buf;
}

// The metadata message (JSON, PTS set) for encoded frame number `number`
// passing `pad`: its RTP timestamp is the running time on the 90 kHz clock,
// as the RTP payloader stamps it (timestamp-offset=0), so the receiver can
// match the two; the sensor reading is simulated.
inline GstBuffer* frame_metadata_buffer(GstPad* pad, GstBuffer* frame, uint64_t number) {
  GstEvent* seg_event = gst_pad_get_sticky_event(pad, GST_EVENT_SEGMENT, 0);
  const GstSegment* segment = nullptr;
  gst_event_parse_segment(seg_event, &segment);
  const guint64 running =
      gst_segment_to_running_time(segment, GST_FORMAT_TIME, GST_BUFFER_PTS(frame));
  gst_event_unref(seg_event);

  FrameMeta m;
  m.frame = number;
  m.pts_ns = GST_BUFFER_PTS(frame);
  m.rtp_timestamp = static_cast<uint32_t>(gst_util_uint64_scale_int(running, 90000, GST_SECOND));
  m.sensor_celsius = 21.5 + 3.0 * std::sin(static_cast<double>(m.frame) / 30.0);
  m.sent_us = g_get_real_time();
  const std::string json = to_json(m);
  GstBuffer* buf = gst_buffer_new_memdup(json.data(), json.size());
  GST_BUFFER_PTS(buf) = GST_BUFFER_PTS(frame);
  return buf;
}

// Reads the fields to_json() writes; false when one is missing.
inline bool from_json(const std::string& s, FrameMeta& m) {
  auto field = [&s](const char* key, const char** at) {
    const auto pos = s.find(std::string("\"") + key + "\":");
    if (pos == std::string::npos) return false;
    *at = s.c_str() + pos + std::char_traits<char>::length(key) + 3;
    return true;
  };
  const char* p = nullptr;
  if (!field("frame", &p)) return false;
  m.frame = std::strtoull(p, nullptr, 10);
  if (!field("pts", &p)) return false;
  m.pts_ns = std::strtoull(p, nullptr, 10);
  if (!field("rtp", &p)) return false;
  m.rtp_timestamp = static_cast<uint32_t>(std::strtoul(p, nullptr, 10));
  if (!field("sensor", &p)) return false;
  m.sensor_celsius = std::strtod(p, nullptr);
  if (!field("sent_us", &p)) return false;
  m.sent_us = std::strtoll(p, nullptr, 10);
  return true;
}

}  // namespace edge_camera
