// sctpenc's wait-for-dtls: tells when the DTLS element after sctpenc
// (dtlsenc, or dtlssrtpenc through its data_sink) has completed its
// handshake. Until then sctpenc holds its output, because dtlsenc fails on
// data pushed before ("Tried to send data before handshake was complete").
// webrtcbin avoids that by keeping sctpenc in locked state until DTLS
// connects; a gst-launch-1.0 line cannot, hence this property.
#pragma once

#include <gst/gst.h>

#include <atomic>
#include <functional>
#include <string>

namespace gstsctp {

class DtlsWait {
 public:
  // connected() runs once per watch(): on the thread that reports the DTLS
  // state (dtlsenc's), or in watch() when the handshake is already complete.
  explicit DtlsWait(std::function<void()> connected) : connected_(std::move(connected)) {}
  ~DtlsWait() { unwatch(); }
  DtlsWait(const DtlsWait&) = delete;
  DtlsWait& operator=(const DtlsWait&) = delete;

  // Watches the element that owns the peer of `src_pad`. False, with
  // *error, when the pad is unlinked or that element has no enum property
  // "connection-state" (dtlsenc and dtlssrtpenc have one).
  bool watch(GstPad* src_pad, std::string* error);
  void unwatch();

 private:
  static void on_notify(GObject* element, GParamSpec* pspec, gpointer self);
  void check(GObject* element, GParamSpec* pspec);

  std::function<void()> connected_;
  GstElement* element_ = nullptr;
  gulong handler_ = 0;
  std::atomic<bool> fired_{false};
};

}  // namespace gstsctp
