#include "ice_agent.h"

#include <cstring>

namespace ice_example {
namespace {

void free_candidates(GSList* list) {
  g_slist_free_full(list, [](gpointer c) { nice_candidate_free(static_cast<NiceCandidate*>(c)); });
}

}  // namespace

LoopbackIceAgent::LoopbackIceAgent(bool controlling, Callbacks callbacks)
    : callbacks_(std::move(callbacks)) {
  // The agent's signals and timers run on the default main context, the
  // application's main loop; nicesrc reads the component on its own thread.
  agent_ = nice_agent_new(nullptr, NICE_COMPATIBILITY_RFC5245);
  g_object_set(agent_, "controlling-mode", controlling, "ice-tcp", FALSE, nullptr);
  // UPnP port mapping is a build option of libnice; off where it exists.
  if (g_object_class_find_property(G_OBJECT_GET_CLASS(agent_), "upnp") != nullptr)
    g_object_set(agent_, "upnp", FALSE, nullptr);
  g_signal_connect(agent_, "candidate-gathering-done", G_CALLBACK(on_gathering_done), this);
  g_signal_connect(agent_, "component-state-changed", G_CALLBACK(on_state), this);
}

LoopbackIceAgent::~LoopbackIceAgent() {
  g_signal_handlers_disconnect_by_data(agent_, this);
  g_object_unref(agent_);
}

bool LoopbackIceAgent::start(std::string* error) {
  NiceAddress loopback;
  nice_address_init(&loopback);
  if (!nice_address_set_from_string(&loopback, "127.0.0.1") ||
      !nice_agent_add_local_address(agent_, &loopback)) {
    *error = "cannot add 127.0.0.1 as the local address";
    return false;
  }
  stream_ = nice_agent_add_stream(agent_, 1);
  if (stream_ == 0) {
    *error = "nice_agent_add_stream failed";
    return false;
  }
  nice_agent_set_stream_name(agent_, stream_, "application");
  // libnice reads a component's socket only while a receive callback is
  // attached, and the connectivity checks come through it too: until
  // nicesrc attaches its own (when the pipeline plays, after ICE), this one
  // lets the checks in and drops the rest (nothing else is sent before).
  nice_agent_attach_recv(
      agent_, stream_, kComponent, g_main_context_default(),
      [](NiceAgent*, guint, guint, guint, gchar*, gpointer) {}, nullptr);
  if (!nice_agent_gather_candidates(agent_, stream_)) {
    *error = "nice_agent_gather_candidates failed";
    return false;
  }
  return true;
}

void LoopbackIceAgent::describe(SessionDescription& d) const {
  gchar* ufrag = nullptr;
  gchar* pwd = nullptr;
  nice_agent_get_local_credentials(agent_, stream_, &ufrag, &pwd);
  d.ice_ufrag = ufrag;
  d.ice_pwd = pwd;
  g_free(ufrag);
  g_free(pwd);
  GSList* local = nice_agent_get_local_candidates(agent_, stream_, kComponent);
  for (GSList* i = local; i != nullptr; i = i->next) {
    auto* c = static_cast<NiceCandidate*>(i->data);
    gchar* sdp = nice_agent_generate_local_candidate_sdp(agent_, c);  // "a=candidate:..."
    const char* line = g_str_has_prefix(sdp, "a=") ? sdp + 2 : sdp;
    d.candidates.emplace_back(line);
    g_free(sdp);
  }
  free_candidates(local);
}

bool LoopbackIceAgent::set_remote(const SessionDescription& d, std::string* error) {
  if (!nice_agent_set_remote_credentials(agent_, stream_, d.ice_ufrag.c_str(), d.ice_pwd.c_str())) {
    *error = "the peer's ICE credentials were refused";
    return false;
  }
  GSList* remote = nullptr;
  for (const auto& line : d.candidates) {
    const std::string sdp = "a=" + line;
    NiceCandidate* c = nice_agent_parse_remote_candidate_sdp(agent_, stream_, sdp.c_str());
    if (c == nullptr) {
      *error = "unparsable candidate: " + line;
      free_candidates(remote);
      return false;
    }
    remote = g_slist_append(remote, c);
  }
  const int added = nice_agent_set_remote_candidates(agent_, stream_, kComponent, remote);
  free_candidates(remote);
  if (added < 1) {
    *error = "none of the peer's candidates was accepted";
    return false;
  }
  return true;
}

void LoopbackIceAgent::on_gathering_done(NiceAgent*, guint, gpointer user_data) {
  auto* self = static_cast<LoopbackIceAgent*>(user_data);
  if (self->callbacks_.gathered) self->callbacks_.gathered();
}

void LoopbackIceAgent::on_state(NiceAgent*, guint, guint component, guint state,
                                gpointer user_data) {
  auto* self = static_cast<LoopbackIceAgent*>(user_data);
  if (component != kComponent) return;
  g_printerr("ICE: %s\n", nice_component_state_to_string(static_cast<NiceComponentState>(state)));
  if (state == NICE_COMPONENT_STATE_READY && !self->ready_) {
    self->ready_ = true;
    if (self->callbacks_.ready) self->callbacks_.ready();
  } else if (state == NICE_COMPONENT_STATE_FAILED && self->callbacks_.failed) {
    self->callbacks_.failed("ICE connectivity checks failed (no pair works)");
  }
}

}  // namespace ice_example
