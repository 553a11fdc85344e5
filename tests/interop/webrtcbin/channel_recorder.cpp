#include "channel_recorder.h"

#include <thread>

namespace webrtcbin_interop {

std::string describe(const Message& message) {
  std::string out = message.kind == MessageKind::kString ? "string(" : "binary(";
  out += std::to_string(message.payload.size()) + ")";
  if (message.kind == MessageKind::kString && message.payload.size() <= 32) {
    out += " '" + message.payload + "'";
  }
  return out;
}

namespace {

GstWebRTCDataChannelState ready_state(GstWebRTCDataChannel* channel) {
  GstWebRTCDataChannelState state = GST_WEBRTC_DATA_CHANNEL_STATE_CLOSED;
  g_object_get(channel, "ready-state", &state, nullptr);
  return state;
}

std::string label_of(GstWebRTCDataChannel* channel) {
  gchar* label = nullptr;
  g_object_get(channel, "label", &label, nullptr);
  std::string out = label != nullptr ? label : "";
  g_free(label);
  return out;
}

}  // namespace

ChannelRecorder::ChannelRecorder(Monitor& monitor, GstWebRTCDataChannel* channel)
    : monitor_(monitor),
      channel_(static_cast<GstWebRTCDataChannel*>(gst_object_ref(channel))),
      label_(label_of(channel)) {
  g_signal_connect(channel_, "on-message-string", G_CALLBACK(on_string), this);
  g_signal_connect(channel_, "on-message-data", G_CALLBACK(on_data), this);
  g_signal_connect(channel_, "on-close", G_CALLBACK(on_close), this);
  g_signal_connect(channel_, "on-error", G_CALLBACK(on_error), this);
}

ChannelRecorder::~ChannelRecorder() {
  g_signal_handlers_disconnect_by_data(channel_, this);
  gst_object_unref(channel_);
}

void ChannelRecorder::record(Message message) {
  {
    auto lock = monitor_.lock();
    received_.push_back(std::move(message));
  }
  monitor_.notify();
}

void ChannelRecorder::on_string(GstWebRTCDataChannel*, gchar* text, gpointer self) {
  static_cast<ChannelRecorder*>(self)->record(
      Message{MessageKind::kString, text != nullptr ? std::string(text) : std::string()});
}

void ChannelRecorder::on_data(GstWebRTCDataChannel*, GBytes* data, gpointer self) {
  Message message{MessageKind::kBinary, {}};
  if (data != nullptr) {
    gsize size = 0;
    const auto* bytes = static_cast<const char*>(g_bytes_get_data(data, &size));
    if (size > 0) message.payload.assign(bytes, size);
  }
  static_cast<ChannelRecorder*>(self)->record(std::move(message));
}

void ChannelRecorder::on_close(GstWebRTCDataChannel*, gpointer self) {
  auto* recorder = static_cast<ChannelRecorder*>(self);
  {
    auto lock = recorder->monitor_.lock();
    ++recorder->close_signals_;
  }
  recorder->monitor_.notify();
}

void ChannelRecorder::on_error(GstWebRTCDataChannel*, GError* error, gpointer self) {
  auto* recorder = static_cast<ChannelRecorder*>(self);
  {
    auto lock = recorder->monitor_.lock();
    recorder->errors_.emplace_back(error != nullptr ? error->message : "(no message)");
  }
  recorder->monitor_.notify();
}

bool ChannelRecorder::wait_state(GstWebRTCDataChannelState state,
                                 std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready_state(channel_) == state) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return ready_state(channel_) == state;
}

bool ChannelRecorder::wait_received(size_t count, std::chrono::milliseconds timeout) {
  return monitor_.wait_for(timeout, [&] { return received_.size() >= count; });
}

bool ChannelRecorder::wait_closed(std::chrono::milliseconds timeout) {
  return wait_state(GST_WEBRTC_DATA_CHANNEL_STATE_CLOSED, timeout) &&
         monitor_.wait_for(timeout, [&] { return close_signals_ > 0; });
}

bool ChannelRecorder::send(const Message& message, std::string* error) {
  GError* gerror = nullptr;
  gboolean sent = FALSE;
  if (message.kind == MessageKind::kString) {
    sent = gst_webrtc_data_channel_send_string_full(
        channel_, message.payload.empty() ? nullptr : message.payload.c_str(), &gerror);
  } else {
    GBytes* bytes = message.payload.empty()
                        ? nullptr
                        : g_bytes_new(message.payload.data(), message.payload.size());
    sent = gst_webrtc_data_channel_send_data_full(channel_, bytes, &gerror);
    if (bytes != nullptr) g_bytes_unref(bytes);
  }
  if (!sent && error != nullptr) {
    *error = gerror != nullptr ? gerror->message : "send failed without an error";
  }
  if (gerror != nullptr) g_error_free(gerror);
  return sent == TRUE;
}

}  // namespace webrtcbin_interop
