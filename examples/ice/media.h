// The pipeline of either role around the part both share: the agent's one
// component (nicesrc -> dtlssrtpdec, dtlssrtpenc -> nicesink) carrying DTLS
// and SRTP as webrtcbin's transport does: dtlssrtpdec tells DTLS from SRTP by
// the first byte of each packet (RFC 7983), the SRTP keys come from the DTLS
// handshake (RFC 5764), and the SCTP packets of sctpenc/sctpdec travel as
// DTLS application data (RFC 8261).
//
// Nothing enters dtlssrtpenc before the handshake is complete (a DtlsGate),
// and the gate opens only when the certificate the peer presented has the
// fingerprint it signalled (RFC 8842 section 5); otherwise the role fails.
#pragma once

#include <agent.h>
#include <gst/gst.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common.h"

namespace ice_example {

class Media {
 public:
  virtual ~Media();
  Media(const Media&) = delete;
  Media& operator=(const Media&) = delete;

  // nullptr when the pipeline could not be built (the reason is printed).
  GstElement* pipeline() const { return pipeline_; }
  // Our DTLS certificate's fingerprint, for the signalling.
  std::string local_fingerprint() const;
  // The fingerprint the peer signalled; set before start().
  void expect_peer_fingerprint(std::string fingerprint) {
    peer_fingerprint_ = std::move(fingerprint);
  }
  // Binds nicesrc and nicesink to the agent's component and plays: the DTLS
  // handshake starts, then the media.
  void start(NiceAgent* agent, guint stream, guint component, edge_camera::MainLoop* loop);
  // Stops the pipeline (NULL), opening the DTLS gate first if it is shut.
  void stop();
  bool dtls_connected() const { return dtls_connected_; }
  // What has been sent or received so far, for a timeout message.
  virtual std::string progress() const = 0;
  int exit_code() const { return exit_code_; }

 protected:
  // role_part: the role's elements, linked to the shared ones by name
  // (dtlsenc.rtp_sink_0, sctpenc.sink_N, dtlsdec.rtp_src, sctpdec).
  Media(const char* who, bool dtls_client, const std::string& role_part);
  // A new reference to the named element.
  GstElement* element(const char* name) const;
  // The pads whose data must wait for DTLS (what flows into dtlssrtpenc).
  virtual std::vector<GstPad*> gated_pads() const = 0;
  // Ends the run with `code` (thread-safe; the first call wins).
  void finish(int code);

  const char* who_;

 private:
  bool verify_peer(GstElement* dtlsdec);

  GstElement* pipeline_ = nullptr;
  std::string peer_fingerprint_;
  std::unique_ptr<edge_camera::DtlsGate> gate_;
  edge_camera::MainLoop* loop_ = nullptr;
  std::atomic<bool> dtls_connected_{false};
  std::atomic<bool> finished_{false};
  std::atomic<int> exit_code_{1};
};

// The offerer: test video (VP8, SRTP) and one metadata message per frame
// (SCTP stream 1). Done (exit 0) when `frames` frames are sent and the SCTP
// association has shut down gracefully, i.e. every message was acknowledged.
std::unique_ptr<Media> make_sender(uint64_t frames);

// The answerer: decodes the video and counts frames and metadata messages.
// Done (exit 0) when `frames` of each arrived and the sender closed the
// association (or 3 s later).
std::unique_ptr<Media> make_receiver(uint64_t frames);

}  // namespace ice_example
