// The edge-camera receiver: RTP video on one UDP port, the per-frame JSON
// metadata on SCTP (through DTLS) on another. Each metadata message is matched
// to its frame by PTS (the RTP timestamp, 90 kHz); one line per second shows
// frames, metadata, matches and latencies. Exits 0 once --frames frames and
// all their metadata arrived and the sender closed the association, 1 on an
// error or after --timeout seconds, 3 when an element is missing.
//
//   edge-camera-receiver [--frames 300] [--host 127.0.0.1] [--video-port 5600]
//                        [--sctp-port 5601] [--peer-port 5602] [--timeout 60]
//                        [--ready-file PATH]   (created once it listens)
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/rtp/gstrtpbuffer.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "common.h"

namespace {

struct FrameRecord {
  int64_t frame_arrival_us = -1;  // marker packet (last of the frame) received
  int64_t meta_arrival_us = -1;
  edge_camera::FrameMeta meta;
};

struct Receiver {
  GstElement* pipeline = nullptr;
  GstElement* meta_sink = nullptr;
  edge_camera::MainLoop* loop = nullptr;
  uint64_t wanted = 300;
  int exit_code = 1;
  std::atomic<bool> association_ended{false};
  int seconds_since_all_matched = 0;

  std::mutex mutex;  // the appsink callbacks run on streaming threads
  std::map<uint32_t, FrameRecord> by_pts;
  uint64_t frames = 0, metas = 0, matched = 0, bad_meta = 0;
  int64_t video_latency_sum_us = 0, meta_latency_sum_us = 0;  // since the last line
  uint64_t latency_samples = 0;

  void maybe_matched(FrameRecord& r) {
    if (r.frame_arrival_us < 0 || r.meta_arrival_us < 0) return;
    ++matched;
    video_latency_sum_us += r.frame_arrival_us - r.meta.sent_us;
    meta_latency_sum_us += r.meta_arrival_us - r.meta.sent_us;
    ++latency_samples;
  }
};

GstFlowReturn on_rtp(GstAppSink* sink, gpointer user_data) {
  auto* r = static_cast<Receiver*>(user_data);
  GstSample* sample = gst_app_sink_pull_sample(sink);
  if (sample == nullptr) return GST_FLOW_EOS;
  GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
  if (gst_rtp_buffer_map(gst_sample_get_buffer(sample), GST_MAP_READ, &rtp)) {
    const bool last_of_frame = gst_rtp_buffer_get_marker(&rtp);
    const uint32_t pts = gst_rtp_buffer_get_timestamp(&rtp);
    gst_rtp_buffer_unmap(&rtp);
    if (last_of_frame) {
      std::lock_guard lock(r->mutex);
      FrameRecord& rec = r->by_pts[pts];
      if (rec.frame_arrival_us < 0) {
        rec.frame_arrival_us = g_get_real_time();
        ++r->frames;
        r->maybe_matched(rec);
      }
    }
  }
  gst_sample_unref(sample);
  return GST_FLOW_OK;
}

GstFlowReturn on_meta(GstAppSink* sink, gpointer user_data) {
  auto* r = static_cast<Receiver*>(user_data);
  GstSample* sample = gst_app_sink_pull_sample(sink);
  if (sample == nullptr) return GST_FLOW_EOS;
  GstMapInfo map;
  GstBuffer* buf = gst_sample_get_buffer(sample);
  edge_camera::FrameMeta m;
  bool ok = false;
  if (gst_buffer_map(buf, &map, GST_MAP_READ)) {
    ok = edge_camera::from_json(std::string(reinterpret_cast<const char*>(map.data), map.size), m);
    gst_buffer_unmap(buf, &map);
  }
  gst_sample_unref(sample);
  std::lock_guard lock(r->mutex);
  if (!ok) {
    ++r->bad_meta;
    return GST_FLOW_OK;
  }
  FrameRecord& rec = r->by_pts[m.rtp_timestamp];
  if (rec.meta_arrival_us < 0) {
    rec.meta = m;
    rec.meta_arrival_us = g_get_real_time();
    ++r->metas;
    r->maybe_matched(rec);
  }
  return GST_FLOW_OK;
}

// sctpdec adds src_N when stream N's first message arrives.
void on_pad_added(GstElement*, GstPad* pad, gpointer user_data) {
  auto* r = static_cast<Receiver*>(user_data);
  GstPad* sink = gst_element_get_static_pad(r->meta_sink, "sink");
  if (!gst_pad_is_linked(sink) && gst_pad_link(pad, sink) == GST_PAD_LINK_OK)
    g_print("receiver: metadata stream %s opened\n", GST_PAD_NAME(pad));
  gst_object_unref(sink);
}

gboolean report(gpointer user_data) {
  auto* r = static_cast<Receiver*>(user_data);
  std::lock_guard lock(r->mutex);
  const uint64_t n = r->latency_samples;
  g_print(
      "receiver: %llu frames, %llu metadata, %llu matched; latency video %.1f ms, metadata %.1f "
      "ms\n",
      static_cast<unsigned long long>(r->frames), static_cast<unsigned long long>(r->metas),
      static_cast<unsigned long long>(r->matched),
      n ? static_cast<double>(r->video_latency_sum_us) / n / 1000.0 : 0.0,
      n ? static_cast<double>(r->meta_latency_sum_us) / n / 1000.0 : 0.0);
  r->video_latency_sum_us = r->meta_latency_sum_us = 0;
  r->latency_samples = 0;
  if (r->bad_meta != 0) {
    g_printerr("receiver: %llu metadata messages did not parse\n",
               static_cast<unsigned long long>(r->bad_meta));
    r->loop->quit();
  } else if (r->matched >= r->wanted) {
    // Give the sender's SHUTDOWN a moment to complete (it needs our
    // SHUTDOWN ACK); the close is not always signalled here, so at most 3 s.
    if (r->association_ended || ++r->seconds_since_all_matched >= 3) {
      g_print("receiver: all %llu frames and their metadata arrived\n",
              static_cast<unsigned long long>(r->wanted));
      r->exit_code = 0;
      r->loop->quit();
    }
  }
  return G_SOURCE_CONTINUE;
}

// The sender shuts the association down after its last metadata message;
// waiting for that lets it see every message acknowledged.
void on_association(GstElement*, gboolean established, gpointer user_data) {
  if (!established) static_cast<Receiver*>(user_data)->association_ended = true;
}

}  // namespace

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  std::map<std::string, std::string> opt = {{"--frames", "300"},      {"--host", "127.0.0.1"},
                                            {"--video-port", "5600"}, {"--sctp-port", "5601"},
                                            {"--peer-port", "5602"},  {"--timeout", "60"},
                                            {"--ready-file", ""}};
  if (!edge_camera::parse_options(argc, argv, opt)) return 2;
  if (!edge_camera::elements_present({{"appsink", "gstreamer1.0-plugins-base"},
                                      {"udpsink", "gstreamer1.0-plugins-good"},
                                      {"udpsrc", "gstreamer1.0-plugins-good"},
                                      {"dtlsenc", "gstreamer1.0-plugins-bad"},
                                      {"dtlsdec", "gstreamer1.0-plugins-bad"},
                                      {"sctpenc", "this project's plugin (GST_PLUGIN_PATH)"},
                                      {"sctpdec", "this project's plugin (GST_PLUGIN_PATH)"}}))
    return 3;

  const std::string& host = opt["--host"];
  const std::string desc =
      "udpsrc address=" + host + " port=" + opt["--video-port"] +
      " caps=\"application/x-rtp,media=video,clock-rate=90000,encoding-name=VP8,payload=96\""
      " ! appsink name=video sync=false "
      "udpsrc address=" +
      host + " port=" + opt["--sctp-port"] +
      " ! dtlsdec name=dtlsdec connection-id=receiver ! sctpdec name=sctpdec sctp-association-id=1 "
      "sctpenc name=sctpenc sctp-association-id=1 ! dtlsenc connection-id=receiver"
      " ! udpsink host=" +
      host + " port=" + opt["--peer-port"] +
      " sync=false async=false "
      "appsink name=meta sync=false";
  Receiver r;
  r.wanted = std::stoull(opt["--frames"]);
  r.pipeline = edge_camera::launch("receiver", desc);
  if (r.pipeline == nullptr) return 1;
  GstElement* sctpenc = gst_bin_get_by_name(GST_BIN(r.pipeline), "sctpenc");
  GstElement* sctpdec = gst_bin_get_by_name(GST_BIN(r.pipeline), "sctpdec");
  GstElement* dtlsdec = gst_bin_get_by_name(GST_BIN(r.pipeline), "dtlsdec");
  GstElement* video = gst_bin_get_by_name(GST_BIN(r.pipeline), "video");
  r.meta_sink = gst_bin_get_by_name(GST_BIN(r.pipeline), "meta");
  edge_camera::DtlsGate gate(sctpenc, dtlsdec);
  g_signal_connect(sctpdec, "pad-added", G_CALLBACK(on_pad_added), &r);
  g_signal_connect(sctpenc, "sctp-association-established", G_CALLBACK(on_association), &r);
  GstAppSinkCallbacks video_cb = {};
  video_cb.new_sample = on_rtp;
  gst_app_sink_set_callbacks(GST_APP_SINK(video), &video_cb, &r, nullptr);
  GstAppSinkCallbacks meta_cb = {};
  meta_cb.new_sample = on_meta;
  gst_app_sink_set_callbacks(GST_APP_SINK(r.meta_sink), &meta_cb, &r, nullptr);

  {
    edge_camera::MainLoop loop("receiver", r.pipeline,
                               static_cast<unsigned>(std::stoul(opt["--timeout"])));
    r.loop = &loop;
    const guint reporter = g_timeout_add_seconds(1, report, &r);
    if (gst_element_set_state(r.pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE &&
        !opt["--ready-file"].empty()) {
      // The udpsrc sockets are bound now (READY->PAUSED happened in
      // set_state): a camera started after this loses no frame.
      if (std::FILE* f = std::fopen(opt["--ready-file"].c_str(), "w")) std::fclose(f);
    }
    loop.run();
    gate.release();
    gst_element_set_state(r.pipeline, GST_STATE_NULL);
    g_source_remove(reporter);
  }
  for (GstElement* e : {sctpenc, sctpdec, dtlsdec, video, r.meta_sink})
    gst_object_unref(e);
  gst_object_unref(r.pipeline);
  return r.exit_code;
}
