// One side of the interop test between our sctpenc/sctpdec and
// gst-plugins-bad's: the same binary runs twice, once per process, and the
// environment decides which plugin each process loads (--expect-plugin
// checks that it is the intended one).
//
//   udpsrc port=LOCAL ! sctpdec ! src_N -> checker (fakesink)
//   appsrc (one per stream, caps carry the settings) -> sctpenc.sink_N
//   sctpenc ! udpsink port=REMOTE
//
// Both sides send at once on every stream of traffic.h (ordered, unordered,
// partially reliable by ttl and by rtx, 1 B to 256 KiB) and check what they
// receive. Then each resets a stream of its own with sctpdec's
// `reset-stream` once the peer reports (on the control stream 0) that it has
// everything on it, and waits for the peer's reset to remove the matching
// src pad. A side is done when every reliable message arrived intact and the
// reset was seen; it tells the peer and exits once the peer is done too.
//
//   gst-sctp-interop-peer --role a|b --local-port N --remote-port N
//                         --expect-plugin PATH [--timeout SECONDS]
//   (with --use-sock-stream first: sctpenc's use-sock-stream=true)
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <gst/sctp/sctpreceivemeta.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "traffic.h"

namespace {

using interop::StreamChecker;
using interop::StreamPlan;

constexpr const char* kReadyForReset = "ready-for-reset";
constexpr const char* kDone = "done";

struct Peer {
  char role = 'a';
  int local_port = 0;
  int remote_port = 0;
  std::string expect_plugin;
  int timeout_s = 45;
  bool use_sock_stream = false;

  GstElement* pipeline = nullptr;
  GstElement* encoder = nullptr;
  GstElement* decoder = nullptr;
  GMainLoop* loop = nullptr;
  GstAppSrc* control = nullptr;  // stream 0, owned by the pipeline

  std::vector<StreamPlan> outgoing;  // what we send
  std::vector<std::thread> senders;
  std::atomic<bool> stopping{false};
  std::atomic<bool> started{false};

  std::mutex mutex;  // guards everything below (pad tasks and main loop)
  std::map<uint16_t, std::unique_ptr<StreamChecker>> incoming;
  std::vector<std::string> errors;
  bool peer_ready_for_reset = false;
  bool reset_sent = false;
  bool ready_sent = false;
  bool peer_reset_seen = false;  // src pad of the peer's reset stream removed
  bool peer_done = false;
  bool done_sent = false;
  bool association_lost = false;
  gint64 done_at = 0;
  bool ok = false;
};

uint16_t peer_reset_stream(const Peer& peer) {
  return interop::reset_stream_of(peer.role == 'a' ? 'b' : 'a');
}

GstCaps* caps_for(const StreamPlan& plan) {
  const char* policy = plan.policy == interop::Policy::kTtl   ? "ttl"
                       : plan.policy == interop::Policy::kRtx ? "rtx"
                                                              : "none";
  return gst_caps_new_simple("application/x-sctp-interop", "ordered", G_TYPE_BOOLEAN,
                             plan.ordered ? TRUE : FALSE, "ppid", G_TYPE_UINT, plan.ppid,
                             "partially-reliability", G_TYPE_STRING, policy,
                             "reliability-parameter", G_TYPE_UINT, plan.parameter, nullptr);
}

GstBuffer* wrap(std::vector<uint8_t> bytes) {
  auto* owned = new std::vector<uint8_t>(std::move(bytes));
  return gst_buffer_new_wrapped_full(
      GST_MEMORY_FLAG_READONLY, owned->data(), owned->size(), 0, owned->size(), owned,
      [](gpointer data) { delete static_cast<std::vector<uint8_t>*>(data); });
}

void send_control(Peer& peer, const char* text) {
  const std::string message = text;
  gst_app_src_push_buffer(peer.control, wrap(std::vector<uint8_t>(message.begin(), message.end())));
}

// sctpenc.sink_N fed by an appsrc carrying the stream's settings in its caps.
GstAppSrc* add_stream_source(Peer& peer, const StreamPlan& plan) {
  const std::string name = "sink_" + std::to_string(plan.id);
  GstPad* enc_pad = gst_element_request_pad_simple(peer.encoder, name.c_str());
  if (enc_pad == nullptr) {
    std::fprintf(stderr, "%c: could not request sctpenc.%s\n", peer.role, name.c_str());
    return nullptr;
  }
  GstElement* source = gst_element_factory_make("appsrc", nullptr);
  GstCaps* caps = caps_for(plan);
  // Blocks the sending thread beyond 1 MiB queued: the peer's pace, not ours.
  g_object_set(source, "caps", caps, "format", GST_FORMAT_BYTES, "block", TRUE, "max-bytes",
               guint64{1} << 20, nullptr);
  gst_caps_unref(caps);
  gst_bin_add(GST_BIN(peer.pipeline), source);
  GstPad* src_pad = gst_element_get_static_pad(source, "src");
  const GstPadLinkReturn linked = gst_pad_link(src_pad, enc_pad);
  gst_object_unref(src_pad);
  gst_object_unref(enc_pad);
  if (linked != GST_PAD_LINK_OK) {
    std::fprintf(stderr, "%c: could not link to sctpenc.%s\n", peer.role, name.c_str());
    return nullptr;
  }
  gst_element_sync_state_with_parent(source);
  return GST_APP_SRC(source);
}

gboolean start_sending(gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  StreamPlan control{.id = interop::kControlStream, .ppid = 51, .sizes = {}};
  peer.control = add_stream_source(peer, control);
  bool ok = peer.control != nullptr;
  for (const StreamPlan& plan : peer.outgoing) {
    GstAppSrc* source = ok ? add_stream_source(peer, plan) : nullptr;
    if (source == nullptr) {
      ok = false;
      break;
    }
    peer.senders.emplace_back([&peer, &plan, source] {
      for (uint32_t seq = 0; seq < plan.sizes.size() && !peer.stopping; ++seq) {
        if (gst_app_src_push_buffer(
                source, wrap(interop::make_message(plan.id, seq, plan.sizes[seq]))) != GST_FLOW_OK)
          break;
      }
    });
  }
  if (!ok) {
    std::lock_guard lock(peer.mutex);
    peer.errors.push_back("could not set up the sending streams");
  }
  return G_SOURCE_REMOVE;
}

void on_established(GstElement*, gboolean established, gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  if (established) {
    // gst-plugins-bad refuses sink pad requests before the association is up.
    if (!peer.started.exchange(true)) g_idle_add(start_sending, &peer);
  } else {
    std::lock_guard lock(peer.mutex);
    peer.association_lost = true;
  }
}

void on_control(Peer& peer, const std::string& text) {
  if (text == kReadyForReset)
    peer.peer_ready_for_reset = true;
  else if (text == kDone)
    peer.peer_done = true;
  else
    peer.errors.push_back("unknown control message '" + text + "'");
}

GstPadProbeReturn on_data(GstPad* pad, GstPadProbeInfo* info, gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
  const auto stream =
      static_cast<uint16_t>(GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(pad), "stream")));
  GstSctpReceiveMeta* meta = gst_sctp_buffer_get_receive_meta(buffer);
  const uint32_t ppid = meta != nullptr ? meta->ppid : 0;
  GstMapInfo map;
  if (!gst_buffer_map(buffer, &map, GST_MAP_READ)) return GST_PAD_PROBE_OK;
  {
    std::lock_guard lock(peer.mutex);
    if (stream == interop::kControlStream) {
      on_control(peer, std::string(reinterpret_cast<const char*>(map.data), map.size));
    } else if (auto it = peer.incoming.find(stream); it != peer.incoming.end()) {
      it->second->on_buffer(map.data, map.size, ppid);
    } else {
      peer.errors.push_back("data on unexpected stream " + std::to_string(stream));
    }
  }
  gst_buffer_unmap(buffer, &map);
  return GST_PAD_PROBE_OK;
}

void on_pad_added(GstElement*, GstPad* pad, gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  unsigned stream = 0;
  const std::string name = GST_PAD_NAME(pad);
  if (std::sscanf(name.c_str(), "src_%u", &stream) != 1) return;
  g_object_set_data(G_OBJECT(pad), "stream", GUINT_TO_POINTER(stream));
  gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, on_data, &peer, nullptr);
  GstElement* sink = gst_element_factory_make("fakesink", nullptr);
  g_object_set(sink, "sync", FALSE, "async", FALSE, nullptr);
  gst_bin_add(GST_BIN(peer.pipeline), sink);
  gst_element_sync_state_with_parent(sink);
  GstPad* sink_pad = gst_element_get_static_pad(sink, "sink");
  gst_pad_link(pad, sink_pad);
  gst_object_unref(sink_pad);
}

void on_pad_removed(GstElement*, GstPad* pad, gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  const std::string name = GST_PAD_NAME(pad);
  std::lock_guard lock(peer.mutex);
  if (name == "src_" + std::to_string(peer_reset_stream(peer))) {
    peer.peer_reset_seen = true;
  } else if (name == "src_" + std::to_string(interop::reset_stream_of(peer.role)) &&
             peer.reset_sent) {
    // gst-plugins-bad's sctpdec adds and removes the pad of a stream it reset
    // itself (usrsctp reports the completed outgoing reset like an incoming
    // one); ours does not.
  } else if (!peer.association_lost && !peer.done_sent && !peer.stopping) {
    peer.errors.push_back(name + " removed without a reset of its stream");
  }
}

std::string summary(Peer& peer) {
  std::string text;
  for (auto& [id, checker] : peer.incoming) {
    text += "  stream " + std::to_string(id) + ": " + std::to_string(checker->received()) + "/" +
            std::to_string(checker->expected()) + " messages, " + std::to_string(checker->bytes()) +
            " bytes in " + std::to_string(checker->buffers()) + " buffers" +
            (checker->reliable() ? "" : " (partially reliable)") + "\n";
  }
  text += std::string("  peer reset seen: ") + (peer.peer_reset_seen ? "yes" : "no") +
          ", own reset sent: " + (peer.reset_sent ? "yes" : "no") +
          ", peer done: " + (peer.peer_done ? "yes" : "no") + "\n";
  return text;
}

// The main loop's heartbeat: moves the control protocol on and decides the end.
gboolean tick(gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  bool reset_now = false;
  bool ready_now = false;
  bool done_now = false;
  {
    std::lock_guard lock(peer.mutex);
    for (auto& [id, checker] : peer.incoming)
      for (std::string& error : checker->take_errors())
        peer.errors.push_back(std::move(error));
    if (!peer.errors.empty()) {
      g_main_loop_quit(peer.loop);
      return G_SOURCE_REMOVE;
    }
    if (!peer.ready_sent && peer.incoming.at(peer_reset_stream(peer))->complete())
      ready_now = peer.ready_sent = true;
    if (peer.peer_ready_for_reset && !peer.reset_sent) reset_now = peer.reset_sent = true;
    bool reliable_complete = true;
    for (auto& [id, checker] : peer.incoming)
      if (checker->reliable() && !checker->complete()) reliable_complete = false;
    if (!peer.done_sent && reliable_complete && peer.peer_reset_seen && peer.reset_sent) {
      done_now = peer.done_sent = true;
      peer.done_at = g_get_monotonic_time();
    }
    if (peer.done_sent && (peer.peer_done || peer.association_lost) &&
        g_get_monotonic_time() - peer.done_at > 300 * 1000) {
      // Lingered a little so that our "done" is acknowledged before the stop.
      peer.ok = true;
      g_main_loop_quit(peer.loop);
      return G_SOURCE_REMOVE;
    }
  }
  if (ready_now) send_control(peer, kReadyForReset);
  if (reset_now)
    g_signal_emit_by_name(peer.decoder, "reset-stream", guint{interop::reset_stream_of(peer.role)});
  if (done_now) send_control(peer, kDone);
  return G_SOURCE_CONTINUE;
}

gboolean on_timeout(gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  std::lock_guard lock(peer.mutex);
  peer.errors.push_back("timed out after " + std::to_string(peer.timeout_s) + " s");
  g_main_loop_quit(peer.loop);
  return G_SOURCE_REMOVE;
}

gboolean on_bus(GstBus*, GstMessage* message, gpointer data) {
  auto& peer = *static_cast<Peer*>(data);
  if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
    GError* error = nullptr;
    gst_message_parse_error(message, &error, nullptr);
    std::lock_guard lock(peer.mutex);
    peer.errors.push_back(std::string("error from ") + GST_OBJECT_NAME(GST_MESSAGE_SRC(message)) +
                          ": " + error->message);
    g_error_free(error);
    g_main_loop_quit(peer.loop);
  }
  return TRUE;
}

bool parse(int argc, char** argv, Peer& peer) {
  int i = 1;
  if (argc > 1 && std::string(argv[1]) == "--use-sock-stream") {
    peer.use_sock_stream = true;
    ++i;
  }
  for (; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--role" && (value[0] == 'a' || value[0] == 'b') && value[1] == '\0')
      peer.role = value[0];
    else if (arg == "--local-port")
      peer.local_port = std::atoi(value);
    else if (arg == "--remote-port")
      peer.remote_port = std::atoi(value);
    else if (arg == "--expect-plugin")
      peer.expect_plugin = value;
    else if (arg == "--timeout")
      peer.timeout_s = std::atoi(value);
    else
      return false;
  }
  return i == argc && peer.local_port > 0 && peer.remote_port > 0 && !peer.expect_plugin.empty() &&
         peer.timeout_s > 0;
}

// The file the sctpenc factory comes from must be the one this side expects.
bool check_plugin(const Peer& peer) {
  GstElementFactory* factory = gst_element_factory_find("sctpenc");
  if (factory == nullptr) {
    std::fprintf(stderr, "%c: no sctpenc\n", peer.role);
    return false;
  }
  GstPlugin* plugin = gst_plugin_feature_get_plugin(GST_PLUGIN_FEATURE(factory));
  const char* file = plugin != nullptr ? gst_plugin_get_filename(plugin) : nullptr;
  char real_file[PATH_MAX];
  char real_expected[PATH_MAX];
  const bool same = file != nullptr && realpath(file, real_file) != nullptr &&
                    realpath(peer.expect_plugin.c_str(), real_expected) != nullptr &&
                    std::string(real_file) == real_expected;
  std::fprintf(stderr, "%c: sctpenc from %s\n", peer.role, file != nullptr ? file : "?");
  if (!same) std::fprintf(stderr, "%c: expected %s\n", peer.role, peer.expect_plugin.c_str());
  if (plugin != nullptr) gst_object_unref(plugin);
  gst_object_unref(factory);
  return same;
}

}  // namespace

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  Peer peer;
  if (!parse(argc, argv, peer)) {
    std::fprintf(stderr,
                 "usage: %s [--use-sock-stream] --role a|b --local-port N --remote-port N "
                 "--expect-plugin PATH "
                 "[--timeout SECONDS]\n",
                 argv[0]);
    return 2;
  }
  if (!check_plugin(peer)) return 1;
  peer.outgoing = interop::data_streams(peer.role);
  for (StreamPlan& plan : interop::data_streams(peer.role == 'a' ? 'b' : 'a'))
    peer.incoming.emplace(plan.id, std::make_unique<StreamChecker>(plan));

  // gst-plugins-bad starts an association only once both ports are set.
  const std::string description =
      "udpsrc address=127.0.0.1 port=" + std::to_string(peer.local_port) +
      " buffer-size=4194304 ! sctpdec name=dec sctp-association-id=1 local-sctp-port=5000 "
      "sctpenc name=enc sctp-association-id=1 remote-sctp-port=5000 ! "
      "udpsink host=127.0.0.1 sync=false async=false port=" +
      std::to_string(peer.remote_port);
  GError* error = nullptr;
  peer.pipeline = gst_parse_launch(description.c_str(), &error);
  if (peer.pipeline == nullptr || error != nullptr) {
    std::fprintf(stderr, "%c: pipeline: %s\n", peer.role, error != nullptr ? error->message : "?");
    return 1;
  }
  peer.encoder = gst_bin_get_by_name(GST_BIN(peer.pipeline), "enc");
  peer.decoder = gst_bin_get_by_name(GST_BIN(peer.pipeline), "dec");
  // gst-plugins-bad's reset-stream only takes effect on a one-to-one
  // (SOCK_STREAM) usrsctp socket: on the default SOCK_SEQPACKET one, usrsctp
  // refuses its SCTP_ALL_ASSOC reset request and nothing reaches the wire.
  if (peer.use_sock_stream) g_object_set(peer.encoder, "use-sock-stream", TRUE, nullptr);
  g_signal_connect(peer.encoder, "sctp-association-established", G_CALLBACK(on_established), &peer);
  g_signal_connect(peer.decoder, "pad-added", G_CALLBACK(on_pad_added), &peer);
  g_signal_connect(peer.decoder, "pad-removed", G_CALLBACK(on_pad_removed), &peer);
  peer.loop = g_main_loop_new(nullptr, FALSE);
  GstBus* bus = gst_element_get_bus(peer.pipeline);
  gst_bus_add_watch(bus, on_bus, &peer);
  g_timeout_add(20, tick, &peer);
  g_timeout_add_seconds(static_cast<guint>(peer.timeout_s), on_timeout, &peer);
  const gint64 start = g_get_monotonic_time();
  gst_element_set_state(peer.pipeline, GST_STATE_PLAYING);
  g_main_loop_run(peer.loop);
  const double seconds = static_cast<double>(g_get_monotonic_time() - start) / 1e6;
  {
    // What the run achieved, before the stop removes pads.
    std::lock_guard lock(peer.mutex);
    std::fprintf(stderr, "%c: %s after %.1f s\n%s", peer.role,
                 peer.ok && peer.errors.empty() ? "PASS" : "FAIL", seconds, summary(peer).c_str());
  }

  peer.stopping = true;
  gst_element_set_state(peer.pipeline, GST_STATE_NULL);
  for (std::thread& sender : peer.senders)
    sender.join();
  gst_bus_remove_watch(bus);
  gst_object_unref(bus);

  // No more pad callbacks: the pipeline's disposal removes the pads.
  g_signal_handlers_disconnect_by_data(peer.decoder, &peer);
  g_signal_handlers_disconnect_by_data(peer.encoder, &peer);
  std::unique_lock lock(peer.mutex);
  for (auto& [id, checker] : peer.incoming)
    for (std::string& message : checker->take_errors())
      peer.errors.push_back(std::move(message));
  for (const std::string& message : peer.errors)
    std::fprintf(stderr, "%c: error: %s\n", peer.role, message.c_str());
  const bool passed = peer.ok && peer.errors.empty();
  lock.unlock();
  gst_object_unref(peer.decoder);
  gst_object_unref(peer.encoder);
  gst_object_unref(peer.pipeline);
  g_main_loop_unref(peer.loop);
  return passed ? 0 : 1;
}
