// Shared by the edge-camera sender and receiver: checks that every element
// is installed (naming the Debian package when one is missing), the DTLS
// gate in front of SCTP, and the small JSON the metadata travels in.
#pragma once

#include <gst/gst.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

// dtlsenc refuses data before its handshake is complete ("Tried to send data
// before handshake was complete"), so sctpenc's output is held back by a
// blocking probe until dtlsdec reports the connection (webrtcbin does the
// same). SCTP retransmits anything that was produced meanwhile.
class DtlsGate {
 public:
  DtlsGate(GstElement* sctpenc, GstElement* dtlsdec) {
    pad_ = gst_element_get_static_pad(sctpenc, "src");
    probe_ = gst_pad_add_probe(
        pad_, GstPadProbeType(GST_PAD_PROBE_TYPE_BLOCK | GST_PAD_PROBE_TYPE_DATA_DOWNSTREAM),
        [](GstPad*, GstPadProbeInfo*, gpointer) { return GST_PAD_PROBE_OK; }, nullptr, nullptr);
    g_signal_connect(dtlsdec, "notify::connection-state", G_CALLBACK(on_state), this);
  }
  ~DtlsGate() { gst_object_unref(pad_); }
  DtlsGate(const DtlsGate&) = delete;
  DtlsGate& operator=(const DtlsGate&) = delete;

 private:
  static void on_state(GstElement* dtlsdec, GParamSpec* pspec, gpointer user_data) {
    auto* self = static_cast<DtlsGate*>(user_data);
    gint state = 0;
    g_object_get(dtlsdec, "connection-state", &state, nullptr);
    const GEnumValue* v = g_enum_get_value(G_PARAM_SPEC_ENUM(pspec)->enum_class, state);
    if (v != nullptr && std::string(v->value_nick) == "connected" &&
        !self->opened_.exchange(true)) {
      g_printerr("DTLS connected\n");
      gst_pad_remove_probe(self->pad_, self->probe_);
    }
  }
  GstPad* pad_ = nullptr;
  gulong probe_ = 0;
  std::atomic<bool> opened_{false};
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
