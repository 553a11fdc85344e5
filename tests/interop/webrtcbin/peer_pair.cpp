#include "peer_pair.h"

#include <future>
#include <thread>

#include <gst/sdp/sdp.h>

namespace webrtcbin_interop {

namespace {

constexpr std::chrono::seconds kPromiseTimeout{10};

// A promise reply seen by the test thread. Shared with the promise's change
// callback, which may run after a timed-out wait gave up on it.
struct PromiseState {
  Monitor* monitor = nullptr;
  bool replied = false;
};

void on_promise_replied(GstPromise*, gpointer data) {
  auto* state = static_cast<std::shared_ptr<PromiseState>*>(data);
  {
    auto lock = (*state)->monitor->lock();
    (*state)->replied = true;
  }
  (*state)->monitor->notify();
}

void free_promise_state(gpointer data) {
  delete static_cast<std::shared_ptr<PromiseState>*>(data);
}

// A promise for webrtcbin to reply to, and a bounded wait for the reply.
class PendingPromise {
 public:
  explicit PendingPromise(Monitor& monitor) : state_(std::make_shared<PromiseState>()) {
    state_->monitor = &monitor;
    promise_ = gst_promise_new_with_change_func(
        on_promise_replied, new std::shared_ptr<PromiseState>(state_), free_promise_state);
  }
  ~PendingPromise() { gst_promise_unref(promise_); }
  PendingPromise(const PendingPromise&) = delete;
  PendingPromise& operator=(const PendingPromise&) = delete;

  GstPromise* get() const { return promise_; }

  // Waits for the reply; false with `error` set on timeout, on an
  // interrupted/expired promise or when webrtcbin replied an error. `reply`
  // (owned by the promise) may be null: set-*-description reply nothing.
  bool await(const std::string& what, const GstStructure** reply, std::string* error) {
    if (!state_->monitor->wait_for(kPromiseTimeout, [&] { return state_->replied; })) {
      *error = what + ": no reply within 10 s";
      return false;
    }
    if (gst_promise_wait(promise_) != GST_PROMISE_RESULT_REPLIED) {
      *error = what + ": promise not replied";
      return false;
    }
    const GstStructure* replied = gst_promise_get_reply(promise_);
    if (replied != nullptr && gst_structure_has_field(replied, "error")) {
      GError* gerror = nullptr;
      gst_structure_get(replied, "error", G_TYPE_ERROR, &gerror, nullptr);
      *error = what + ": " + (gerror != nullptr ? gerror->message : "error");
      if (gerror != nullptr) g_error_free(gerror);
      return false;
    }
    if (reply != nullptr) *reply = replied;
    return true;
  }

 private:
  std::shared_ptr<PromiseState> state_;
  GstPromise* promise_;
};

std::string plugin_file_of(GstElement* element) {
  GstElementFactory* factory = gst_element_get_factory(element);
  if (factory == nullptr) return {};
  GstPlugin* plugin = gst_plugin_feature_get_plugin(GST_PLUGIN_FEATURE(factory));
  if (plugin == nullptr) return {};
  const gchar* file = gst_plugin_get_filename(plugin);
  std::string out = file != nullptr ? file : "";
  gst_object_unref(plugin);
  return out;
}

}  // namespace

PeerPair::PeerPair(PeerPairOptions options) : options_(options) {
  offerer_.name = "offerer";
  answerer_.name = "answerer";
  offerer_.other = &answerer_;
  answerer_.other = &offerer_;
  offerer_.pair = this;
  answerer_.pair = this;
}

PeerPair::~PeerPair() {
  std::string ignored;
  if (!stopped_) stop(std::chrono::seconds(10), &ignored);
  if (hung_) return;  // a thread may still use the pipelines: leak them
  created_.clear();
  for (Peer* p : {&offerer_, &answerer_}) {
    p->announced.clear();
    if (p->pipeline == nullptr) continue;
    g_signal_handlers_disconnect_by_data(p->webrtc, p);
    GstBus* bus = gst_element_get_bus(p->pipeline);
    gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
    gst_object_unref(bus);
    gst_object_unref(p->webrtc);
    gst_object_unref(p->pipeline);
  }
}

bool PeerPair::start(std::string* error) {
  return start_peer(offerer_, error) && start_peer(answerer_, error);
}

bool PeerPair::start_peer(Peer& p, std::string* error) {
  p.pipeline = gst_pipeline_new(p.name.c_str());
  p.webrtc = gst_element_factory_make("webrtcbin", p.name.c_str());
  if (p.webrtc == nullptr) {
    *error = "no webrtcbin";
    return false;
  }
  gst_object_ref(p.webrtc);
  gst_bin_add(GST_BIN(p.pipeline), p.webrtc);
  // One transport for everything: a data-only session needs one m= line.
  gst_util_set_object_arg(G_OBJECT(p.webrtc), "bundle-policy", "max-bundle");

  GstBus* bus = gst_element_get_bus(p.pipeline);
  gst_bus_set_sync_handler(bus, on_bus_message, this, nullptr);
  gst_object_unref(bus);

  g_signal_connect(p.webrtc, "on-ice-candidate", G_CALLBACK(on_ice_candidate), &p);
  g_signal_connect(p.webrtc, "on-data-channel", G_CALLBACK(on_data_channel), &p);

  // Host candidates on loopback only. libnice skips loopback when it
  // enumerates interfaces; an explicit local address replaces enumeration.
  GstWebRTCICE* ice = nullptr;
  g_object_get(p.webrtc, "ice-agent", &ice, nullptr);
  if (ice == nullptr) {
    *error = p.name + ": webrtcbin has no ice-agent";
    return false;
  }
  gboolean added = FALSE;
  g_signal_emit_by_name(ice, "add-local-ip-address", "127.0.0.1", &added);
  gst_object_unref(ice);
  if (!added) {
    *error = p.name + ": add-local-ip-address 127.0.0.1 refused";
    return false;
  }

  if (gst_element_set_state(p.pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    *error = p.name + ": PLAYING failed";
    return false;
  }
  return true;
}

ChannelRecorder* PeerPair::create_channel(Side side, const std::string& label,
                                          GstStructure* options) {
  GstWebRTCDataChannel* channel = nullptr;
  g_signal_emit_by_name(peer(side).webrtc, "create-data-channel", label.c_str(), options, &channel);
  if (channel == nullptr) return nullptr;
  auto recorder = std::make_unique<ChannelRecorder>(monitor_, channel);
  gst_object_unref(channel);
  auto lock = monitor_.lock();
  created_.push_back(std::move(recorder));
  return created_.back().get();
}

GstWebRTCSessionDescription* PeerPair::with_max_message_size(
    GstWebRTCSessionDescription* description) {
  if (options_.max_message_size_attribute == 0) return description;
  gchar* text = gst_sdp_message_as_text(description->sdp);
  std::string sdp = text;
  g_free(text);
  const auto media = sdp.find("m=application");
  const auto line_end = media == std::string::npos ? media : sdp.find("\r\n", media);
  if (line_end == std::string::npos) return description;
  sdp.insert(line_end + 2,
             "a=max-message-size:" + std::to_string(options_.max_message_size_attribute) + "\r\n");
  GstSDPMessage* message = nullptr;
  if (gst_sdp_message_new_from_text(sdp.c_str(), &message) != GST_SDP_OK) return description;
  GstWebRTCSessionDescription* munged =
      gst_webrtc_session_description_new(description->type, message);
  gst_webrtc_session_description_free(description);
  return munged;
}

bool PeerPair::describe_and_apply(Peer& local, Peer& remote, bool offer, std::string* error) {
  const char* create = offer ? "create-offer" : "create-answer";
  GstWebRTCSessionDescription* description = nullptr;
  {
    PendingPromise created(monitor_);
    g_signal_emit_by_name(local.webrtc, create, nullptr, created.get());
    const GstStructure* reply = nullptr;
    if (!created.await(create, &reply, error)) return false;
    if (reply != nullptr) {
      gst_structure_get(reply, offer ? "offer" : "answer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION,
                        &description, nullptr);
    }
    if (description == nullptr) {
      *error = std::string(create) + ": reply without a description";
      return false;
    }
  }
  description = with_max_message_size(description);
  bool ok = true;
  {
    PendingPromise applied(monitor_);
    g_signal_emit_by_name(local.webrtc, "set-local-description", description, applied.get());
    ok = applied.await(local.name + " set-local-description", nullptr, error);
  }
  if (ok) {
    PendingPromise applied(monitor_);
    g_signal_emit_by_name(remote.webrtc, "set-remote-description", description, applied.get());
    ok = applied.await(remote.name + " set-remote-description", nullptr, error);
  }
  gst_webrtc_session_description_free(description);
  return ok;
}

bool PeerPair::negotiate(std::string* error) {
  error->clear();
  return describe_and_apply(offerer_, answerer_, true, error) &&
         describe_and_apply(answerer_, offerer_, false, error);
}

void PeerPair::on_ice_candidate(GstElement*, guint mline, gchar* candidate, gpointer data) {
  auto* p = static_cast<Peer*>(data);
  // webrtcbin queues candidates that arrive before the remote description.
  g_signal_emit_by_name(p->other->webrtc, "add-ice-candidate", mline, candidate);
}

void PeerPair::on_data_channel(GstElement*, GstWebRTCDataChannel* channel, gpointer data) {
  auto* p = static_cast<Peer*>(data);
  auto recorder = std::make_unique<ChannelRecorder>(p->pair->monitor_, channel);
  {
    auto lock = p->pair->monitor_.lock();
    p->announced.push_back(std::move(recorder));
  }
  p->pair->monitor_.notify();
}

GstBusSyncReply PeerPair::on_bus_message(GstBus*, GstMessage* message, gpointer data) {
  if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
    auto* pair = static_cast<PeerPair*>(data);
    GError* gerror = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &gerror, &debug);
    std::string text = std::string(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))) + ": " +
                       (gerror != nullptr ? gerror->message : "") + " (" +
                       (debug != nullptr ? debug : "") + ")";
    if (gerror != nullptr) g_error_free(gerror);
    g_free(debug);
    {
      auto lock = pair->monitor_.lock();
      pair->bus_errors_.push_back(std::move(text));
    }
    pair->monitor_.notify();
  }
  return GST_BUS_DROP;
}

ChannelRecorder* PeerPair::wait_announced_channel(Side side, const std::string& label,
                                                  std::chrono::milliseconds timeout) {
  ChannelRecorder* found = nullptr;
  const Peer& p = peer(side);
  monitor_.wait_for(timeout, [&] {
    for (const auto& recorder : p.announced) {
      if (recorder->label() == label) found = recorder.get();
    }
    return found != nullptr;
  });
  return found;
}

std::vector<std::pair<std::string, std::string>> PeerPair::sctp_element_plugin_files() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Peer* p : {&offerer_, &answerer_}) {
    GstIterator* it = gst_bin_iterate_recurse(GST_BIN(p->webrtc));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
      auto* element = GST_ELEMENT(g_value_get_object(&item));
      GstElementFactory* factory = gst_element_get_factory(element);
      const gchar* name =
          factory != nullptr ? gst_plugin_feature_get_name(GST_PLUGIN_FEATURE(factory)) : "";
      if (g_str_equal(name, "sctpenc") || g_str_equal(name, "sctpdec")) {
        out.emplace_back(name, plugin_file_of(element));
      }
      g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
  }
  return out;
}

guint64 PeerPair::transport_max_message_size(Side side) const {
  GstWebRTCSCTPTransport* transport = nullptr;
  g_object_get(peer(side).webrtc, "sctp-transport", &transport, nullptr);
  if (transport == nullptr) return 0;
  guint64 size = 0;
  g_object_get(transport, "max-message-size", &size, nullptr);
  gst_object_unref(transport);
  return size;
}

std::vector<std::string> PeerPair::bus_errors() {
  auto lock = monitor_.lock();
  return bus_errors_;
}

bool PeerPair::stop(std::chrono::milliseconds timeout, std::string* error) {
  stopped_ = true;
  for (Peer* p : {&offerer_, &answerer_}) {
    if (p->pipeline == nullptr) continue;
    GstElement* pipeline = p->pipeline;
    // A detached thread, so that a set_state that never returns can be
    // abandoned (and reported) rather than hang the test.
    auto result = std::make_shared<std::promise<bool>>();
    auto done = result->get_future();
    std::thread([pipeline, result] {
      result->set_value(gst_element_set_state(pipeline, GST_STATE_NULL) !=
                        GST_STATE_CHANGE_FAILURE);
    }).detach();
    if (done.wait_for(timeout) != std::future_status::ready) {
      hung_ = true;
      *error = p->name + ": set_state(NULL) did not return within " +
               std::to_string(timeout.count()) + " ms";
      return false;
    }
    if (!done.get()) {
      *error = p->name + ": set_state(NULL) failed";
      return false;
    }
  }
  return true;
}

}  // namespace webrtcbin_interop
