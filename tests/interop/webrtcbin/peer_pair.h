// Two webrtcbin peers in one process, connected over loopback.
//
//   pipeline "offerer":  webrtcbin ─┐ SDP offer/answer and ICE candidates
//   pipeline "answerer": webrtcbin ─┘ handed over directly, in process
//
// Each webrtcbin carries data channels only (bundle-policy max-bundle, one
// ICE/DTLS transport) over the sctpenc/sctpdec that GStreamer's registry
// resolves: ours, when the test environment hides the system sctp plugin.
// Every wait is bounded; a step that fails returns false with a reason.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include "channel_recorder.h"

namespace webrtcbin_interop {

enum class Side { kOfferer, kAnswerer };

struct PeerPairOptions {
  // webrtcbin 1.22 writes no a=max-message-size and assumes 65536 for a
  // peer that sends none (RFC 8841 6: the default is 64 KiB), refusing
  // larger sends. A non-zero value is added to both SDPs so both peers
  // accept messages up to it.
  guint64 max_message_size_attribute = 0;
};

class PeerPair {
 public:
  explicit PeerPair(PeerPairOptions options = {});
  ~PeerPair();
  PeerPair(const PeerPair&) = delete;
  PeerPair& operator=(const PeerPair&) = delete;

  // Builds both pipelines, restricts ICE to 127.0.0.1 and sets PLAYING.
  bool start(std::string* error);

  // create-data-channel on one side; `options` (may be null) is the GstStructure
  // webrtcbin takes ("ordered", "max-retransmits", "max-packet-lifetime",
  // "negotiated", "id", ...). The channel is recorded from creation on.
  ChannelRecorder* create_channel(Side side, const std::string& label, GstStructure* options);

  // Offer/answer (with the max-message-size attribute, if asked for) and
  // ICE candidates, in process.
  bool negotiate(std::string* error);

  // The channel with `label` that webrtcbin announced on `side` with
  // on-data-channel (an in-band, DCEP-opened channel of the other side).
  ChannelRecorder* wait_announced_channel(Side side, const std::string& label,
                                          std::chrono::milliseconds timeout);

  // Path of the plugin file each sctpenc / sctpdec inside the webrtcbins was
  // made from, e.g. {"sctpenc", "/.../libgstsctp.so"}; empty until the SCTP
  // transport exists.
  std::vector<std::pair<std::string, std::string>> sctp_element_plugin_files() const;

  // sctp-transport's max-message-size on `side` (0 if no transport yet).
  guint64 transport_max_message_size(Side side) const;

  // GST_MESSAGE_ERRORs posted on either pipeline so far.
  std::vector<std::string> bus_errors();

  // Both pipelines to NULL, each bounded by `timeout`; false if one fails or
  // does not finish (the hung thread is then left behind: the test fails).
  bool stop(std::chrono::milliseconds timeout, std::string* error);

  Monitor& monitor() { return monitor_; }

 private:
  struct Peer {
    std::string name;
    GstElement* pipeline = nullptr;
    GstElement* webrtc = nullptr;
    PeerPair* pair = nullptr;
    Peer* other = nullptr;
    std::vector<std::unique_ptr<ChannelRecorder>> announced;  // on-data-channel
  };

  Peer& peer(Side side) { return side == Side::kOfferer ? offerer_ : answerer_; }
  const Peer& peer(Side side) const { return side == Side::kOfferer ? offerer_ : answerer_; }
  bool start_peer(Peer& peer, std::string* error);
  bool describe_and_apply(Peer& local, Peer& remote, bool offer, std::string* error);
  GstWebRTCSessionDescription* with_max_message_size(GstWebRTCSessionDescription* description);

  static void on_ice_candidate(GstElement*, guint mline, gchar* candidate, gpointer peer);
  static void on_data_channel(GstElement*, GstWebRTCDataChannel* channel, gpointer peer);
  static GstBusSyncReply on_bus_message(GstBus*, GstMessage* message, gpointer pair);

  PeerPairOptions options_;
  Monitor monitor_;
  Peer offerer_;
  Peer answerer_;
  std::vector<std::unique_ptr<ChannelRecorder>> created_;  // create_channel
  std::vector<std::string> bus_errors_;                    // under monitor_
  bool stopped_ = false;
  bool hung_ = false;  // a set_state(NULL) never returned
};

}  // namespace webrtcbin_interop
