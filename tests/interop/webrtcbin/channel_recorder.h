// What one webrtcbin data channel (GstWebRTCDataChannel) reports, recorded
// from webrtcbin's threads and read by the test thread with bounded waits.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include <gst/webrtc/webrtc.h>

namespace webrtcbin_interop {

// One lock and one condition variable for everything a peer pair records:
// every callback notifies, every wait re-checks its predicate under the lock.
class Monitor {
 public:
  // Waits until `done()` (called under the lock) is true or `timeout` passes;
  // returns the last value of `done()`.
  template <class Predicate>
  bool wait_for(std::chrono::milliseconds timeout, Predicate done) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, done);
  }
  std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }
  void notify() { changed_.notify_all(); }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
};

enum class MessageKind { kString, kBinary };

// A message as the application sends or receives it. An empty payload is
// webrtcbin's empty message (a NULL string or NULL GBytes, RFC 8831 6.6).
struct Message {
  MessageKind kind = MessageKind::kString;
  std::string payload;

  friend bool operator==(const Message&, const Message&) = default;
  friend auto operator<=>(const Message&, const Message&) = default;
};

// Short human-readable form for failure messages ("string(5) 'hello'").
std::string describe(const Message& message);

class ChannelRecorder {
 public:
  // Connects to `channel`'s signals (on-message-string, on-message-data,
  // on-close, on-error) and takes a reference. No callback reads the
  // channel's properties: webrtcbin may emit with the channel's lock held.
  ChannelRecorder(Monitor& monitor, GstWebRTCDataChannel* channel);
  ~ChannelRecorder();
  ChannelRecorder(const ChannelRecorder&) = delete;
  ChannelRecorder& operator=(const ChannelRecorder&) = delete;

  GstWebRTCDataChannel* channel() const { return channel_; }
  const std::string& label() const { return label_; }

  // Readers: call with the monitor locked (inside a wait predicate or
  // holding Monitor::lock()).
  const std::vector<Message>& received() const { return received_; }
  int close_signals() const { return close_signals_; }
  const std::vector<std::string>& errors() const { return errors_; }

  // Polls ready-state (outside the monitor's lock).
  bool wait_state(GstWebRTCDataChannelState state, std::chrono::milliseconds timeout);
  bool wait_received(size_t count, std::chrono::milliseconds timeout);
  bool wait_closed(std::chrono::milliseconds timeout);

  // Sends through webrtcbin's send-string / send-data (the *_full variants,
  // which return webrtcbin's error instead of only logging it). An empty
  // payload is sent as NULL: webrtcbin's empty string / empty binary.
  bool send(const Message& message, std::string* error);

 private:
  static void on_string(GstWebRTCDataChannel*, gchar* text, gpointer self);
  static void on_data(GstWebRTCDataChannel*, GBytes* data, gpointer self);
  static void on_close(GstWebRTCDataChannel*, gpointer self);
  static void on_error(GstWebRTCDataChannel*, GError* error, gpointer self);
  void record(Message message);

  Monitor& monitor_;
  GstWebRTCDataChannel* channel_;
  const std::string label_;
  std::vector<Message> received_;
  int close_signals_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace webrtcbin_interop
