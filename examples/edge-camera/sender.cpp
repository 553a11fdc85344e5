// The edge camera: test video (videotestsrc -> vp8enc -> RTP over UDP) and,
// for every frame, a JSON metadata message (frame number, PTS, a sensor
// reading) on SCTP stream 1 through DTLS over UDP (appsrc -> sctpenc ->
// dtlsenc -> udpsink). Exits 0 once every frame is sent and the SCTP
// association has shut down gracefully (all metadata acknowledged), 1 on an
// error or after --timeout seconds, 3 when an element is missing.
//
//   edge-camera-sender [--frames 300] [--host 127.0.0.1] [--video-port 5600]
//                      [--sctp-port 5601] [--local-port 5602] [--timeout 60]
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include <atomic>
#include <map>
#include <string>

#include "common.h"

namespace {

struct Sender {
  GstElement* pipeline = nullptr;
  GstAppSrc* meta = nullptr;
  edge_camera::MainLoop* loop = nullptr;
  uint64_t frames = 0;
  std::atomic<bool> metadata_done{false};
  std::atomic<int> exit_code{1};
};

// Runs for each frame reaching the payloader: the RTP timestamp it will get
// is its running time on the 90 kHz clock (timestamp-offset=0), which is
// what the receiver matches the metadata by.
GstPadProbeReturn on_frame(GstPad* pad, GstPadProbeInfo* info, gpointer user_data) {
  auto* s = static_cast<Sender*>(user_data);
  if (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
    if (GST_EVENT_TYPE(GST_PAD_PROBE_INFO_EVENT(info)) == GST_EVENT_EOS) {
      s->metadata_done = true;
      gst_app_src_end_of_stream(s->meta);  // no more metadata: SCTP shuts down
    }
    return GST_PAD_PROBE_OK;
  }
  gst_app_src_push_buffer(s->meta, edge_camera::frame_metadata_buffer(
                                       pad, GST_PAD_PROBE_INFO_BUFFER(info), s->frames++));
  return GST_PAD_PROBE_OK;
}

// The association ended: after the last metadata that is the graceful SHUTDOWN
// (every message acknowledged); before it, a failure.
void on_association(GstElement*, gboolean established, gpointer user_data) {
  auto* s = static_cast<Sender*>(user_data);
  if (established) return;
  if (s->metadata_done) {
    g_print("sender: %llu frames and their metadata sent, association closed\n",
            static_cast<unsigned long long>(s->frames));
    s->exit_code = 0;
  } else {
    g_printerr("sender: the SCTP association ended early\n");
  }
  s->loop->quit();
}

}  // namespace

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  std::map<std::string, std::string> opt = {{"--frames", "300"},      {"--host", "127.0.0.1"},
                                            {"--video-port", "5600"}, {"--sctp-port", "5601"},
                                            {"--local-port", "5602"}, {"--timeout", "60"}};
  if (!edge_camera::parse_options(argc, argv, opt)) return 2;
  if (!edge_camera::elements_present({{"videotestsrc", "gstreamer1.0-plugins-base"},
                                      {"appsrc", "gstreamer1.0-plugins-base"},
                                      {"vp8enc", "gstreamer1.0-plugins-good"},
                                      {"rtpvp8pay", "gstreamer1.0-plugins-good"},
                                      {"udpsink", "gstreamer1.0-plugins-good"},
                                      {"udpsrc", "gstreamer1.0-plugins-good"},
                                      {"dtlsenc", "gstreamer1.0-plugins-bad"},
                                      {"dtlsdec", "gstreamer1.0-plugins-bad"},
                                      {"sctpenc", "this project's plugin (GST_PLUGIN_PATH)"},
                                      {"sctpdec", "this project's plugin (GST_PLUGIN_PATH)"}}))
    return 3;

  const std::string& host = opt["--host"];
  const std::string desc =
      "videotestsrc is-live=true pattern=ball num-buffers=" + opt["--frames"] +
      " ! video/x-raw,width=320,height=240,framerate=30/1"
      " ! vp8enc deadline=1 keyframe-max-dist=30 ! rtpvp8pay name=pay pt=96 timestamp-offset=0"
      " ! udpsink host=" +
      host + " port=" + opt["--video-port"] +
      " sync=false async=false "
      "appsrc name=meta is-live=true format=time "
      "caps=\"application/x-edge-camera-meta,ordered=(boolean)true,ppid=(uint)51\" ! "
      "sctpenc.sink_1 "
      "sctpenc name=sctpenc sctp-association-id=1 ! dtlsenc connection-id=camera is-client=true"
      " ! udpsink host=" +
      host + " port=" + opt["--sctp-port"] +
      " sync=false async=false "
      "udpsrc address=" +
      host + " port=" + opt["--local-port"] +
      " ! dtlsdec name=dtlsdec connection-id=camera ! sctpdec sctp-association-id=1";
  Sender s;
  s.pipeline = edge_camera::launch("sender", desc);
  if (s.pipeline == nullptr) return 1;
  GstElement* sctpenc = gst_bin_get_by_name(GST_BIN(s.pipeline), "sctpenc");
  GstElement* dtlsdec = gst_bin_get_by_name(GST_BIN(s.pipeline), "dtlsdec");
  GstElement* pay = gst_bin_get_by_name(GST_BIN(s.pipeline), "pay");
  s.meta = GST_APP_SRC(gst_bin_get_by_name(GST_BIN(s.pipeline), "meta"));
  edge_camera::DtlsGate gate(sctpenc, dtlsdec);
  g_signal_connect(sctpenc, "sctp-association-established", G_CALLBACK(on_association), &s);
  GstPad* pay_sink = gst_element_get_static_pad(pay, "sink");
  gst_pad_add_probe(
      pay_sink, GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
      on_frame, &s, nullptr);
  gst_object_unref(pay_sink);

  {
    edge_camera::MainLoop loop("sender", s.pipeline,
                               static_cast<unsigned>(std::stoul(opt["--timeout"])));
    s.loop = &loop;
    gst_element_set_state(s.pipeline, GST_STATE_PLAYING);
    loop.run();
    gate.release();
    gst_element_set_state(s.pipeline, GST_STATE_NULL);
  }
  gst_object_unref(sctpenc);
  gst_object_unref(dtlsdec);
  gst_object_unref(pay);
  gst_object_unref(s.meta);
  gst_object_unref(s.pipeline);
  return s.exit_code;
}
