// One side of the GStreamer element benchmark (gst_elements_bench.sh):
//
//   udpsrc port=LOCAL ! sctpdec sctp-association-id=1 ! (src_N -> fakesink)
//   [fakesrc ! capsfilter ! sctpenc.sink_1] sctpenc sctp-association-id=1
//       ! udpsink host=127.0.0.1 port=REMOTE
//
// Both peers need an encoder and a decoder bound to one association (the
// decoder feeds the SACKs in, the encoder sends them). The sender requests
// its sink pad once `sctp-association-established` fires, because
// gst-plugins-bad refuses pad requests before that. The receiver prints
// "rx <monotonic-us> <bytes>" every 100 ms. Whichever sctp plugin the
// environment exposes (ours or gst-plugins-bad's) is used.
//
//   gst-sctp-peer --send|--receive --local-port N --remote-port N
//                 [--message-size N] [--seconds N]
#include <gst/gst.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct Peer {
  bool sender = false;
  int local_port = 0;
  int remote_port = 0;
  int message_size = 16384;
  int seconds = 10;
  GstElement* pipeline = nullptr;
  GstElement* encoder = nullptr;
  GMainLoop* loop = nullptr;
  std::atomic<bool> source_added{false};
  std::atomic<guint64> received{0};
};

GstPadProbeReturn count_bytes(GstPad* /*pad*/, GstPadProbeInfo* info, gpointer data) {
  auto* peer = static_cast<Peer*>(data);
  if ((GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_BUFFER) != 0)
    peer->received += gst_buffer_get_size(GST_PAD_PROBE_INFO_BUFFER(info));
  return GST_PAD_PROBE_OK;
}

// sctpdec's src_N appeared: count what flows out of it into a fakesink.
void on_decoder_pad(GstElement* /*decoder*/, GstPad* pad, gpointer data) {
  auto* peer = static_cast<Peer*>(data);
  GstElement* sink = gst_element_factory_make("fakesink", nullptr);
  g_object_set(sink, "sync", FALSE, "async", FALSE, nullptr);
  gst_bin_add(GST_BIN(peer->pipeline), sink);
  gst_element_sync_state_with_parent(sink);
  GstPad* sink_pad = gst_element_get_static_pad(sink, "sink");
  gst_pad_link(pad, sink_pad);
  gst_object_unref(sink_pad);
  gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, count_bytes, peer, nullptr);
}

// In the main loop: a source of fixed-size, reliable, ordered messages on
// stream 1 (the caps carry the settings both plugins read).
gboolean add_source(gpointer data) {
  auto* peer = static_cast<Peer*>(data);
  GstPad* enc_pad = gst_element_request_pad_simple(peer->encoder, "sink_1");
  if (enc_pad == nullptr) {
    std::fprintf(stderr, "could not request sctpenc.sink_1\n");
    g_main_loop_quit(peer->loop);
    return G_SOURCE_REMOVE;
  }
  GstElement* source = gst_element_factory_make("fakesrc", nullptr);
  g_object_set(source, "sizetype", 2 /* fixed */, "sizemax", peer->message_size, "filltype",
               2 /* zero */, "num-buffers", -1, nullptr);
  GstElement* filter = gst_element_factory_make("capsfilter", nullptr);
  GstCaps* caps = gst_caps_from_string(
      "application/x-sctp-bench, ordered=(boolean)true, ppid=(uint)53, "
      "partially-reliability=(string)none, reliability-parameter=(uint)0");
  g_object_set(filter, "caps", caps, nullptr);
  gst_caps_unref(caps);
  gst_bin_add_many(GST_BIN(peer->pipeline), source, filter, nullptr);
  gst_element_link(source, filter);
  GstPad* filter_src = gst_element_get_static_pad(filter, "src");
  if (gst_pad_link(filter_src, enc_pad) != GST_PAD_LINK_OK)
    std::fprintf(stderr, "could not link the source to sctpenc.sink_1\n");
  gst_object_unref(filter_src);
  gst_object_unref(enc_pad);
  gst_element_sync_state_with_parent(filter);
  gst_element_sync_state_with_parent(source);
  return G_SOURCE_REMOVE;
}

void on_established(GstElement* /*encoder*/, gboolean established, gpointer data) {
  auto* peer = static_cast<Peer*>(data);
  if (established && peer->sender && !peer->source_added.exchange(true))
    g_idle_add(add_source, peer);
}

gboolean report(gpointer data) {
  auto* peer = static_cast<Peer*>(data);
  std::printf("rx %lld %llu\n", static_cast<long long>(g_get_monotonic_time()),
              static_cast<unsigned long long>(peer->received.load()));
  std::fflush(stdout);
  return G_SOURCE_CONTINUE;
}

gboolean stop(gpointer data) {
  g_main_loop_quit(static_cast<Peer*>(data)->loop);
  return G_SOURCE_REMOVE;
}

gboolean on_bus(GstBus* /*bus*/, GstMessage* message, gpointer data) {
  if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
    GError* error = nullptr;
    gst_message_parse_error(message, &error, nullptr);
    std::fprintf(stderr, "error from %s: %s\n", GST_OBJECT_NAME(GST_MESSAGE_SRC(message)),
                 error->message);
    g_error_free(error);
    g_main_loop_quit(static_cast<Peer*>(data)->loop);
  }
  return TRUE;
}

bool parse(int argc, char** argv, Peer& peer) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--send") {
      peer.sender = true;
    } else if (arg == "--receive") {
      peer.sender = false;
    } else if (i + 1 < argc && arg == "--local-port") {
      peer.local_port = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--remote-port") {
      peer.remote_port = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--message-size") {
      peer.message_size = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--seconds") {
      peer.seconds = std::atoi(argv[++i]);
    } else {
      return false;
    }
  }
  return peer.local_port > 0 && peer.remote_port > 0 && peer.message_size > 0;
}

}  // namespace

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  Peer peer;
  if (!parse(argc, argv, peer)) {
    std::fprintf(stderr,
                 "usage: %s --send|--receive --local-port N --remote-port N [--message-size N] "
                 "[--seconds N]\n",
                 argv[0]);
    return 2;
  }
  const std::string description =
      "udpsrc port=" + std::to_string(peer.local_port) +
      " buffer-size=4194304 ! sctpdec name=dec sctp-association-id=1 local-sctp-port=5000 "
      "sctpenc name=enc sctp-association-id=1 remote-sctp-port=5000 ! "
      "udpsink host=127.0.0.1 sync=false async=false port=" +
      std::to_string(peer.remote_port);
  GError* error = nullptr;
  peer.pipeline = gst_parse_launch(description.c_str(), &error);
  if (peer.pipeline == nullptr || error != nullptr) {
    std::fprintf(stderr, "pipeline: %s\n", error != nullptr ? error->message : "?");
    return 1;
  }
  peer.encoder = gst_bin_get_by_name(GST_BIN(peer.pipeline), "enc");
  GstElement* decoder = gst_bin_get_by_name(GST_BIN(peer.pipeline), "dec");
  g_signal_connect(peer.encoder, "sctp-association-established", G_CALLBACK(on_established), &peer);
  g_signal_connect(decoder, "pad-added", G_CALLBACK(on_decoder_pad), &peer);
  peer.loop = g_main_loop_new(nullptr, FALSE);
  GstBus* bus = gst_element_get_bus(peer.pipeline);
  gst_bus_add_watch(bus, on_bus, &peer);
  gst_object_unref(bus);
  if (!peer.sender) g_timeout_add(100, report, &peer);
  g_timeout_add_seconds(static_cast<guint>(peer.seconds), stop, &peer);
  gst_element_set_state(peer.pipeline, GST_STATE_PLAYING);
  g_main_loop_run(peer.loop);
  gst_element_set_state(peer.pipeline, GST_STATE_NULL);
  gst_object_unref(decoder);
  gst_object_unref(peer.encoder);
  gst_object_unref(peer.pipeline);
  g_main_loop_unref(peer.loop);
  return 0;
}
