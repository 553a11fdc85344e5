// The answerer's media: SRTP -> rtpvp8depay -> vp8dec, counting decoded
// frames, and the metadata messages of sctpdec's src_1, counting those that
// parse. One progress line per second.
#include <gst/app/gstappsink.h>

#include <set>

#include "media.h"

namespace ice_example {
namespace {

class ReceiverMedia : public Media {
 public:
  explicit ReceiverMedia(uint64_t frames)
      : Media("answerer", /*dtls_client=*/false,
              // srtpdec's caps say only "application/x-rtp"; the depayloader
              // needs the rest, which an SDP answer would carry.
              "dtlsdec.rtp_src ! capsfilter caps=\"application/x-rtp,media=video,"
              "clock-rate=90000,encoding-name=VP8,payload=96\""
              " ! rtpvp8depay ! vp8dec ! fakesink name=video sync=false async=false "
              "appsink name=meta sync=false async=false"),
        wanted_(frames) {
    if (pipeline() == nullptr) return;
    GstElement* video = element("video");
    GstPad* video_sink = gst_element_get_static_pad(video, "sink");
    gst_pad_add_probe(video_sink, GST_PAD_PROBE_TYPE_BUFFER, on_frame, this, nullptr);
    gst_object_unref(video_sink);
    gst_object_unref(video);
    meta_sink_ = element("meta");
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = on_meta;
    gst_app_sink_set_callbacks(GST_APP_SINK(meta_sink_), &callbacks, this, nullptr);
    GstElement* sctpdec = element("sctpdec");
    g_signal_connect(sctpdec, "pad-added", G_CALLBACK(on_pad_added), this);
    gst_object_unref(sctpdec);
    GstElement* sctpenc = element("sctpenc");
    g_signal_connect(sctpenc, "sctp-association-established", G_CALLBACK(on_association), this);
    gst_object_unref(sctpenc);
    reporter_ = g_timeout_add_seconds(1, report, this);
  }
  ~ReceiverMedia() override {
    if (reporter_ != 0) g_source_remove(reporter_);
    if (meta_sink_ != nullptr) gst_object_unref(meta_sink_);
  }

  std::string progress() const override {
    std::lock_guard lock(mutex_);
    return std::to_string(frames_) + "/" + std::to_string(wanted_) + " frames and " +
           std::to_string(meta_frames_.size()) + "/" + std::to_string(wanted_) +
           " metadata messages received";
  }

 protected:
  std::vector<GstPad*> gated_pads() const override {
    GstElement* sctpenc = element("sctpenc");
    std::vector<GstPad*> pads{gst_element_get_static_pad(sctpenc, "src")};
    gst_object_unref(sctpenc);
    return pads;
  }

 private:
  static GstPadProbeReturn on_frame(GstPad*, GstPadProbeInfo*, gpointer user_data) {
    auto* self = static_cast<ReceiverMedia*>(user_data);
    std::lock_guard lock(self->mutex_);
    ++self->frames_;
    return GST_PAD_PROBE_OK;
  }

  static GstFlowReturn on_meta(GstAppSink* sink, gpointer user_data) {
    auto* self = static_cast<ReceiverMedia*>(user_data);
    GstSample* sample = gst_app_sink_pull_sample(sink);
    if (sample == nullptr) return GST_FLOW_EOS;
    GstBuffer* buf = gst_sample_get_buffer(sample);
    GstMapInfo map;
    edge_camera::FrameMeta m;
    bool ok = false;
    if (gst_buffer_map(buf, &map, GST_MAP_READ)) {
      ok =
          edge_camera::from_json(std::string(reinterpret_cast<const char*>(map.data), map.size), m);
      gst_buffer_unmap(buf, &map);
    }
    gst_sample_unref(sample);
    std::lock_guard lock(self->mutex_);
    if (ok)
      self->meta_frames_.insert(m.frame);
    else
      ++self->bad_meta_;
    return GST_FLOW_OK;
  }

  // sctpdec adds src_1 when stream 1's first message arrives.
  static void on_pad_added(GstElement*, GstPad* pad, gpointer user_data) {
    auto* self = static_cast<ReceiverMedia*>(user_data);
    GstPad* sink = gst_element_get_static_pad(self->meta_sink_, "sink");
    if (!gst_pad_is_linked(sink) && gst_pad_link(pad, sink) == GST_PAD_LINK_OK)
      g_print("answerer: metadata stream %s opened\n", GST_PAD_NAME(pad));
    gst_object_unref(sink);
  }

  static void on_association(GstElement*, gboolean established, gpointer user_data) {
    if (!established) static_cast<ReceiverMedia*>(user_data)->association_ended_ = true;
  }

  static gboolean report(gpointer user_data) {
    auto* self = static_cast<ReceiverMedia*>(user_data);
    if (!self->dtls_connected()) return G_SOURCE_CONTINUE;
    g_print("answerer: %s\n", self->progress().c_str());
    std::lock_guard lock(self->mutex_);
    if (self->bad_meta_ != 0) {
      g_printerr("answerer: %llu metadata messages did not parse\n",
                 static_cast<unsigned long long>(self->bad_meta_));
      self->finish(1);
    } else if (self->frames_ >= self->wanted_ && self->meta_frames_.size() >= self->wanted_) {
      // Let the sender's SHUTDOWN complete (it needs our SHUTDOWN ACK) so
      // that it sees every message acknowledged; at most 3 s.
      if (self->association_ended_ || ++self->seconds_since_done_ >= 3) {
        g_print("answerer: all %llu frames and their metadata arrived\n",
                static_cast<unsigned long long>(self->wanted_));
        self->finish(0);
      }
    }
    return G_SOURCE_CONTINUE;
  }

  const uint64_t wanted_;
  GstElement* meta_sink_ = nullptr;
  guint reporter_ = 0;
  std::atomic<bool> association_ended_{false};
  int seconds_since_done_ = 0;  // main loop only

  mutable std::mutex mutex_;  // the counters are updated on streaming threads
  uint64_t frames_ = 0;
  std::set<uint64_t> meta_frames_;  // distinct frame numbers
  uint64_t bad_meta_ = 0;
};

}  // namespace

std::unique_ptr<Media> make_receiver(uint64_t frames) {
  return std::make_unique<ReceiverMedia>(frames);
}

}  // namespace ice_example
