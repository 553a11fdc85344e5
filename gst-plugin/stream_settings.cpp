#include "stream_settings.h"

#include <gst/sctp/sctpsendmeta.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace gstsctp {

namespace {

// "reliability-parameter" and "ppid" are unsigned in gst-plugins-bad; caps
// written by hand ("ppid=51") parse as int, so accept a non-negative int too.
std::optional<uint32_t> read_unsigned(const GstStructure* s, const char* field) {
  const GValue* v = gst_structure_get_value(s, field);
  if (v == nullptr) return std::nullopt;
  if (G_VALUE_HOLDS_UINT(v)) return g_value_get_uint(v);
  if (G_VALUE_HOLDS_INT(v) && g_value_get_int(v) >= 0) return uint32_t(g_value_get_int(v));
  return std::nullopt;
}

}  // namespace

std::optional<Reliability> reliability_from_string(const char* name) {
  if (name == nullptr) return std::nullopt;
  if (std::strcmp(name, "none") == 0) return Reliability::kReliable;
  if (std::strcmp(name, "ttl") == 0) return Reliability::kTtl;
  if (std::strcmp(name, "buf") == 0) return Reliability::kBuffer;
  if (std::strcmp(name, "rtx") == 0) return Reliability::kRtx;
  return std::nullopt;
}

const char* to_string(Reliability reliability) {
  switch (reliability) {
    case Reliability::kReliable:
      return "none";
    case Reliability::kTtl:
      return "ttl";
    case Reliability::kBuffer:
      return "buf";
    case Reliability::kRtx:
      return "rtx";
  }
  return "none";
}

void apply_caps(const GstCaps* caps, StreamSettings& settings) {
  settings.ordered = true;
  settings.reliability = Reliability::kReliable;
  settings.reliability_parameter = 0;
  if (caps == nullptr) return;
  const guint n = gst_caps_get_size(caps);
  for (guint i = 0; i < n; ++i) {
    const GstStructure* s = gst_caps_get_structure(caps, i);
    gboolean ordered = TRUE;
    if (gst_structure_get_boolean(s, "ordered", &ordered)) settings.ordered = ordered != FALSE;
    if (const char* pr = gst_structure_get_string(s, "partially-reliability")) {
      if (const auto parsed = reliability_from_string(pr)) settings.reliability = *parsed;
    }
    if (const auto param = read_unsigned(s, "reliability-parameter")) {
      settings.reliability_parameter = *param;
    }
    if (const auto ppid = read_unsigned(s, "ppid")) settings.ppid = *ppid;
  }
}

void apply_send_meta(GstBuffer* buffer, StreamSettings& settings) {
  const GstSctpSendMeta* meta = gst_sctp_buffer_get_send_meta(buffer);
  if (meta == nullptr) return;
  settings.ppid = meta->ppid;
  settings.ordered = meta->ordered != FALSE;
  settings.reliability_parameter = meta->pr_param;
  switch (meta->pr) {
    case GST_SCTP_SEND_META_PARTIAL_RELIABILITY_NONE:
      settings.reliability = Reliability::kReliable;
      break;
    case GST_SCTP_SEND_META_PARTIAL_RELIABILITY_TTL:
      settings.reliability = Reliability::kTtl;
      break;
    case GST_SCTP_SEND_META_PARTIAL_RELIABILITY_BUF:
      settings.reliability = Reliability::kBuffer;
      break;
    case GST_SCTP_SEND_META_PARTIAL_RELIABILITY_RTX:
      settings.reliability = Reliability::kRtx;
      break;
  }
}

sctp::SendOptions to_send_options(const StreamSettings& settings, bool use_sock_stream) {
  sctp::SendOptions options;
  options.unordered = !settings.ordered;
  options.ppid = sctp::Ppid(settings.ppid);
  if (use_sock_stream) return options;
  switch (settings.reliability) {
    case Reliability::kReliable:
    case Reliability::kBuffer:
      break;
    case Reliability::kTtl:
      options.lifetime = sctp::DurationMs(settings.reliability_parameter);
      break;
    case Reliability::kRtx:
      options.max_retransmissions = uint16_t(
          std::min<uint32_t>(settings.reliability_parameter, std::numeric_limits<uint16_t>::max()));
      break;
  }
  return options;
}

std::optional<uint32_t> empty_message_ppid(uint32_t ppid) {
  switch (ppid) {
    case kPpidWebRtcString:
    case kPpidWebRtcStringPartial:
      return kPpidWebRtcStringEmpty;
    case kPpidWebRtcBinary:
    case kPpidWebRtcBinaryPartial:
      return kPpidWebRtcBinaryEmpty;
    // Already an "empty" PPID (webrtcbin 1.22 sends these itself, with the
    // string and binary values swapped): pass it through unchanged, the
    // receiving webrtcbin reads it with the same convention.
    case kPpidWebRtcStringEmpty:
    case kPpidWebRtcBinaryEmpty:
      return ppid;
    default:
      return std::nullopt;
  }
}

bool is_empty_message_ppid(uint32_t ppid) {
  return ppid == kPpidWebRtcStringEmpty || ppid == kPpidWebRtcBinaryEmpty;
}

}  // namespace gstsctp
