// The offerer's media: videotestsrc -> vp8enc -> rtpvp8pay -> SRTP, and for
// each frame a JSON metadata message (edge_camera::FrameMeta) on SCTP stream 1.
#include <gst/app/gstappsrc.h>

#include "media.h"

namespace ice_example {
namespace {

class SenderMedia : public Media {
 public:
  explicit SenderMedia(uint64_t frames)
      : Media("offerer", /*dtls_client=*/true,
              "videotestsrc is-live=true pattern=ball num-buffers=" + std::to_string(frames) +
                  " ! video/x-raw,width=320,height=240,framerate=30/1"
                  " ! vp8enc deadline=1 keyframe-max-dist=30"
                  " ! rtpvp8pay name=pay pt=96 timestamp-offset=0 ! dtlsenc.rtp_sink_0 "
                  "appsrc name=meta is-live=true format=time "
                  "caps=\"application/x-edge-camera-meta,ordered=(boolean)true,ppid=(uint)51\""
                  " ! sctpenc.sink_1 "
                  "dtlsdec.rtp_src ! fakesink sync=false async=false") {
    if (pipeline() == nullptr) return;
    meta_ = GST_APP_SRC(element("meta"));
    GstElement* pay = element("pay");
    GstPad* pay_sink = gst_element_get_static_pad(pay, "sink");
    gst_pad_add_probe(
        pay_sink, GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
        on_frame, this, nullptr);
    gst_object_unref(pay_sink);
    gst_object_unref(pay);
    GstElement* sctpenc = element("sctpenc");
    g_signal_connect(sctpenc, "sctp-association-established", G_CALLBACK(on_association), this);
    gst_object_unref(sctpenc);
  }
  ~SenderMedia() override {
    if (meta_ != nullptr) gst_object_unref(meta_);
  }

  std::string progress() const override {
    return std::to_string(frames_.load()) + " frames (and their metadata) sent";
  }

 protected:
  std::vector<GstPad*> gated_pads() const override {
    std::vector<GstPad*> pads;
    for (const char* name : {"sctpenc", "pay"}) {
      GstElement* e = element(name);
      pads.push_back(gst_element_get_static_pad(e, "src"));
      gst_object_unref(e);
    }
    return pads;
  }

 private:
  // Each frame reaching the payloader: its metadata goes out at once (the
  // RTP timestamp it will get is its running time on the 90 kHz clock, as
  // timestamp-offset=0). At the end of the video the metadata ends too, and
  // sctpenc shuts the association down once everything is acknowledged.
  static GstPadProbeReturn on_frame(GstPad* pad, GstPadProbeInfo* info, gpointer user_data) {
    auto* self = static_cast<SenderMedia*>(user_data);
    if (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
      if (GST_EVENT_TYPE(GST_PAD_PROBE_INFO_EVENT(info)) == GST_EVENT_EOS) {
        self->all_sent_ = true;
        gst_app_src_end_of_stream(self->meta_);
      }
      return GST_PAD_PROBE_OK;
    }
    gst_app_src_push_buffer(
        self->meta_,
        edge_camera::frame_metadata_buffer(pad, GST_PAD_PROBE_INFO_BUFFER(info), self->frames_++));
    return GST_PAD_PROBE_OK;
  }

  // The association ended: after the last metadata that is the graceful
  // SHUTDOWN (every message acknowledged); before it, a failure.
  static void on_association(GstElement*, gboolean established, gpointer user_data) {
    auto* self = static_cast<SenderMedia*>(user_data);
    if (established) return;
    if (self->all_sent_) {
      g_print("offerer: %llu frames and their metadata sent, association closed\n",
              static_cast<unsigned long long>(self->frames_.load()));
      self->finish(0);
    } else {
      g_printerr("offerer: the SCTP association ended early\n");
      self->finish(1);
    }
  }

  GstAppSrc* meta_ = nullptr;
  std::atomic<uint64_t> frames_{0};
  std::atomic<bool> all_sent_{false};
};

}  // namespace

std::unique_ptr<Media> make_sender(uint64_t frames) {
  return std::make_unique<SenderMedia>(frames);
}

}  // namespace ice_example
