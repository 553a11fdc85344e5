#include "media.h"

#include "fingerprint.h"

namespace ice_example {
namespace {

// The shared part. The connection-id pairs the encoder with the decoder of
// this process (they share one DTLS connection); the DTLS client starts the
// handshake. The receiver sends no RTCP, so rtcp_src goes nowhere useful.
std::string transport_description(bool dtls_client) {
  return std::string(
             "nicesrc name=nicesrc ! dtlssrtpdec name=dtlsdec connection-id=ice "
             "dtlsdec.rtcp_src ! fakesink sync=false async=false "
             "dtlssrtpenc name=dtlsenc connection-id=ice is-client=") +
         (dtls_client ? "true" : "false") +
         " ! nicesink name=nicesink sync=false async=false "
         "sctpenc name=sctpenc sctp-association-id=1 ! dtlsenc.data_sink "
         "dtlsdec.data_src ! sctpdec name=sctpdec sctp-association-id=1 ";
}

}  // namespace

Media::Media(const char* who, bool dtls_client, const std::string& role_part) : who_(who) {
  pipeline_ = edge_camera::launch(who, transport_description(dtls_client) + role_part);
}

Media::~Media() {
  gate_.reset();
  if (pipeline_ != nullptr) gst_object_unref(pipeline_);
}

GstElement* Media::element(const char* name) const {
  return gst_bin_get_by_name(GST_BIN(pipeline_), name);
}

std::string Media::local_fingerprint() const {
  GstElement* dtlsdec = element("dtlsdec");
  gchar* pem = nullptr;
  g_object_get(dtlsdec, "pem", &pem, nullptr);  // generated when the element is made
  std::string fingerprint = pem != nullptr ? certificate_fingerprint(pem) : std::string();
  g_free(pem);
  gst_object_unref(dtlsdec);
  return fingerprint;
}

void Media::start(NiceAgent* agent, guint stream, guint component, edge_camera::MainLoop* loop) {
  loop_ = loop;
  for (const char* name : {"nicesrc", "nicesink"}) {
    GstElement* e = element(name);
    g_object_set(e, "agent", agent, "stream", stream, "component", component, nullptr);
    gst_object_unref(e);
  }
  GstElement* dtlsdec = element("dtlsdec");
  gate_ = std::make_unique<edge_camera::DtlsGate>(
      dtlsdec, gated_pads(), [this](GstElement* decoder) { return verify_peer(decoder); });
  gst_object_unref(dtlsdec);
  gst_element_set_state(pipeline_, GST_STATE_PLAYING);
}

void Media::stop() {
  if (gate_) gate_->release();
  gst_element_set_state(pipeline_, GST_STATE_NULL);
}

// Runs on the DTLS thread when the handshake completes, before any of our
// data is let through.
bool Media::verify_peer(GstElement* dtlsdec) {
  gchar* pem = nullptr;
  g_object_get(dtlsdec, "peer-pem", &pem, nullptr);
  const std::string presented = pem != nullptr ? certificate_fingerprint(pem) : std::string();
  g_free(pem);
  if (presented.empty() || presented != peer_fingerprint_) {
    g_printerr(
        "%s: the peer's DTLS certificate does not match its signalled fingerprint\n"
        "  signalled: %s\n  presented: %s\n",
        who_, peer_fingerprint_.c_str(), presented.empty() ? "(none)" : presented.c_str());
    finish(1);
    return false;
  }
  g_printerr("%s: peer certificate matches the signalled fingerprint\n", who_);
  dtls_connected_ = true;
  return true;
}

void Media::finish(int code) {
  if (finished_.exchange(true)) return;
  exit_code_ = code;
  if (loop_ != nullptr) loop_->quit();
}

}  // namespace ice_example
