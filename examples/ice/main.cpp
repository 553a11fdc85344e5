// The ICE example: two processes, an offerer and an answerer, connect with
// libnice over loopback, run DTLS over the selected pair and send VP8 video
// (SRTP) beside per-frame metadata (this project's sctpenc/sctpdec, SCTP over
// DTLS) on the one ICE component, as a WebRTC peer connection does.
//
//   ice-example --role offerer|answerer --signal-dir DIR [--frames 60] [--timeout 30]
//
// 1. Each side builds its pipeline (its DTLS certificate is made then),
//    gathers its ICE candidates (127.0.0.1 only) and writes DIR/<role>.sig:
//    ICE credentials, candidates and the certificate's fingerprint.
// 2. It waits for the peer's file and hands the peer's credentials and
//    candidates to its agent: connectivity checks, the offerer nominates.
// 3. Once its component is ready it plays the pipeline: the offerer (DTLS
//    client) starts the handshake; each side checks the peer's certificate
//    against the signalled fingerprint before any data passes.
// 4. The offerer sends --frames frames and their metadata, then closes the
//    SCTP association; the answerer counts both.
//
// Exit status: 0 done, 1 failed or timed out (saying in which step), 2 bad
// arguments, 3 an element is missing (naming its Debian package).
#include <gst/gst.h>

#include <map>
#include <string>

#include "common.h"
#include "ice_agent.h"
#include "media.h"
#include "signalling.h"

namespace {

using ice_example::LoopbackIceAgent;
using ice_example::Media;
using ice_example::SessionDescription;

enum class Step { kGathering, kWaitingForPeer, kIceChecks, kDtlsHandshake };

bool elements_present() {
  return edge_camera::elements_present({{"nicesrc", "gstreamer1.0-nice"},
                                        {"nicesink", "gstreamer1.0-nice"},
                                        {"dtlssrtpenc", "gstreamer1.0-plugins-bad"},
                                        {"dtlssrtpdec", "gstreamer1.0-plugins-bad"},
                                        {"srtpenc", "gstreamer1.0-plugins-bad"},
                                        {"srtpdec", "gstreamer1.0-plugins-bad"},
                                        {"videotestsrc", "gstreamer1.0-plugins-base"},
                                        {"appsrc", "gstreamer1.0-plugins-base"},
                                        {"appsink", "gstreamer1.0-plugins-base"},
                                        {"vp8enc", "gstreamer1.0-plugins-good"},
                                        {"vp8dec", "gstreamer1.0-plugins-good"},
                                        {"rtpvp8pay", "gstreamer1.0-plugins-good"},
                                        {"rtpvp8depay", "gstreamer1.0-plugins-good"},
                                        {"sctpenc", "this project's plugin (GST_PLUGIN_PATH)"},
                                        {"sctpdec", "this project's plugin (GST_PLUGIN_PATH)"}});
}

}  // namespace

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  std::map<std::string, std::string> opt = {
      {"--role", ""}, {"--signal-dir", ""}, {"--frames", "60"}, {"--timeout", "30"}};
  if (!edge_camera::parse_options(argc, argv, opt)) return 2;
  const std::string role = opt["--role"];
  if ((role != "offerer" && role != "answerer") || opt["--signal-dir"].empty()) {
    g_printerr("usage: %s --role offerer|answerer --signal-dir DIR [--frames N] [--timeout S]\n",
               argv[0]);
    return 2;
  }
  if (!elements_present()) return 3;
  const bool offerer = role == "offerer";
  const char* who = offerer ? "offerer" : "answerer";
  const std::string dir = opt["--signal-dir"];
  const std::string local_file = dir + "/" + role + ".sig";
  const std::string peer_file = dir + (offerer ? "/answerer.sig" : "/offerer.sig");
  const uint64_t frames = std::stoull(opt["--frames"]);

  std::unique_ptr<Media> media =
      offerer ? ice_example::make_sender(frames) : ice_example::make_receiver(frames);
  if (media->pipeline() == nullptr) return 1;
  const std::string fingerprint = media->local_fingerprint();
  if (fingerprint.empty()) {
    g_printerr("%s: dtlssrtpdec has no certificate to take a fingerprint of\n", who);
    return 1;
  }

  Step step = Step::kGathering;  // main loop only
  std::unique_ptr<LoopbackIceAgent> ice;
  edge_camera::MainLoop loop(
      who, media->pipeline(), static_cast<unsigned>(std::stoul(opt["--timeout"])), [&] {
        switch (step) {
          case Step::kGathering:
            g_printerr("  ICE candidates were not gathered\n");
            break;
          case Step::kWaitingForPeer:
            g_printerr("  no signalling from the peer: %s never appeared\n", peer_file.c_str());
            break;
          case Step::kIceChecks:
            g_printerr("  ICE did not connect (no pair was nominated)\n");
            break;
          case Step::kDtlsHandshake:
            if (!media->dtls_connected())
              g_printerr("  the DTLS handshake did not complete\n");
            else
              g_printerr("  %s\n", media->progress().c_str());
            break;
        }
      });
  auto fail = [&](const std::string& why) {
    g_printerr("%s: %s\n", who, why.c_str());
    loop.quit();
  };

  LoopbackIceAgent::Callbacks callbacks;
  callbacks.gathered = [&] {
    SessionDescription local;
    ice->describe(local);
    local.fingerprint = fingerprint;
    std::string error;
    if (!ice_example::write_atomically(local_file, ice_example::serialize(local), &error))
      return fail(error);
    g_printerr("%s: wrote %s (%zu candidates)\n", who, local_file.c_str(), local.candidates.size());
    step = Step::kWaitingForPeer;
    ice_example::when_file_exists(peer_file, [&](std::string text) {
      std::string why;
      auto peer = ice_example::parse(text, &why);
      if (!peer) return fail("bad signalling in " + peer_file + ": " + why);
      media->expect_peer_fingerprint(peer->fingerprint);
      if (!ice->set_remote(*peer, &why)) return fail(why);
      g_printerr("%s: read %s, checking connectivity\n", who, peer_file.c_str());
      step = Step::kIceChecks;
    });
  };
  callbacks.ready = [&] {
    step = Step::kDtlsHandshake;
    media->start(ice->agent(), ice->stream(), LoopbackIceAgent::kComponent, &loop);
  };
  callbacks.failed = fail;
  ice = std::make_unique<LoopbackIceAgent>(/*controlling=*/offerer, callbacks);

  std::string error;
  if (!ice->start(&error)) {
    g_printerr("%s: %s\n", who, error.c_str());
    return 1;
  }
  loop.run();
  media->stop();
  const int exit_code = media->exit_code();
  media.reset();
  ice.reset();
  return exit_code;
}
