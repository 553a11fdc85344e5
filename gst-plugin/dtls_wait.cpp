#include "dtls_wait.h"

#include <cstring>

namespace gstsctp {

bool DtlsWait::watch(GstPad* src_pad, std::string* error) {
  unwatch();
  GstPad* peer = gst_pad_get_peer(src_pad);
  if (peer == nullptr) {
    *error = "wait-for-dtls: the src pad is not linked";
    return false;
  }
  // A ghost pad's parent is its bin (dtlssrtpenc), which has the property.
  GstElement* element = gst_pad_get_parent_element(peer);
  gst_object_unref(peer);
  GParamSpec* pspec = element != nullptr ? g_object_class_find_property(G_OBJECT_GET_CLASS(element),
                                                                        "connection-state")
                                         : nullptr;
  if (pspec == nullptr || !G_IS_PARAM_SPEC_ENUM(pspec)) {
    *error = std::string("wait-for-dtls: the element after sctpenc (") +
             (element != nullptr ? GST_ELEMENT_NAME(element) : "none") +
             ") has no DTLS connection-state; link sctpenc to dtlsenc or dtlssrtpenc";
    if (element != nullptr) gst_object_unref(element);
    return false;
  }
  element_ = element;
  fired_ = false;
  handler_ = g_signal_connect(element_, "notify::connection-state", G_CALLBACK(on_notify), this);
  check(G_OBJECT(element_), pspec);  // it may be connected already
  return true;
}

void DtlsWait::unwatch() {
  if (element_ == nullptr) return;
  g_signal_handler_disconnect(element_, handler_);
  gst_object_unref(element_);
  element_ = nullptr;
  handler_ = 0;
}

void DtlsWait::on_notify(GObject* element, GParamSpec* pspec, gpointer self) {
  static_cast<DtlsWait*>(self)->check(element, pspec);
}

void DtlsWait::check(GObject* element, GParamSpec* pspec) {
  gint state = 0;
  g_object_get(element, "connection-state", &state, nullptr);
  const GEnumValue* value = g_enum_get_value(G_PARAM_SPEC_ENUM(pspec)->enum_class, state);
  // GstDtlsConnectionState's nick for a completed handshake.
  if (value == nullptr || std::strcmp(value->value_nick, "connected") != 0) return;
  if (!fired_.exchange(true)) connected_();
}

}  // namespace gstsctp
