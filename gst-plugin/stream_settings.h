// How one outgoing message is sent: what sctpenc reads from a sink pad's caps
// (as gst-plugins-bad does) and from a buffer's GstSctpSendMeta, and how
// that maps onto sctp-core's SendOptions.
#pragma once

#include <gst/gst.h>

#include <cstdint>
#include <optional>

#include "sctp/types.h"

namespace gstsctp {

// The partial-reliability policies named in caps ("partially-reliability")
// and in GstSctpSendMeta (RFC 3758 / RFC 7496).
enum class Reliability : uint8_t {
  kReliable,  // "none": retransmit until acknowledged
  kTtl,       // "ttl": abandon after `parameter` milliseconds (RFC 7496 section 4)
  kBuffer,    // "buf": abandon while more than `parameter` bytes are queued
  kRtx,       // "rtx": abandon after `parameter` retransmissions (RFC 7496 section 3)
};

// gst-plugins-bad's default PPID for a pad without "ppid" in its caps.
inline constexpr uint32_t kDefaultPpid = 1;

// The documented default of a stream whose pad never got caps: ordered and
// reliable, PPID 1. (gst-plugins-bad leaves such a stream unordered because
// its pad's "ordered" field starts out zeroed; we do not.)
struct StreamSettings {
  bool ordered = true;
  uint32_t ppid = kDefaultPpid;
  Reliability reliability = Reliability::kReliable;
  uint32_t reliability_parameter = 0;
  // Scheduling priority under sctpenc's stream-scheduler=priority (RFC 8260
  // 3.4, lower first), from the sink pad's "priority" property; caps and
  // metas leave it alone.
  uint16_t priority = 256;
};

// Applies caps as gst-plugins-bad 1.22 reads them: every structure is looked
// at, "ordered" (boolean), "partially-reliability" ("none", "ttl", "buf",
// "rtx"), "reliability-parameter" (unsigned) and "ppid" (unsigned). Ordering
// and reliability fall back to ordered/reliable when the caps do not name
// them; the PPID is kept unless the caps carry one. Fields of the wrong type
// are ignored (gst-plugins-bad would read garbage).
void apply_caps(const GstCaps* caps, StreamSettings& settings);

// Applies a buffer's GstSctpSendMeta if it has one; it overrides the pad's
// settings for that buffer only.
void apply_send_meta(GstBuffer* buffer, StreamSettings& settings);

// Parses a policy name; nullopt if unknown.
std::optional<Reliability> reliability_from_string(const char* name);
const char* to_string(Reliability reliability);

// The core's options for one message. With `use_sock_stream`, partial
// reliability is ignored, as gst-plugins-bad documents for that property.
// kBuffer is not a core policy: the binding applies it before sending (see
// Association::send), so here it maps to a reliable message.
sctp::SendOptions to_send_options(const StreamSettings& settings, bool use_sock_stream);

// RFC 8831 section 6.6: SCTP cannot carry an empty message, so WebRTC sends
// one zero byte with the "empty" PPID instead. Returns the PPID to send a
// 0-byte buffer with, or nullopt when the PPID has no empty counterpart (the
// buffer cannot be represented on the wire).
std::optional<uint32_t> empty_message_ppid(uint32_t ppid);

// The receiving half of RFC 8831 section 6.6: messages with these PPIDs are
// delivered with no payload.
bool is_empty_message_ppid(uint32_t ppid);

// WebRTC PPIDs (RFC 8831 section 8, IANA "SCTP Payload Protocol Identifiers").
inline constexpr uint32_t kPpidWebRtcString = 51;
inline constexpr uint32_t kPpidWebRtcStringPartial = 52;  // deprecated
inline constexpr uint32_t kPpidWebRtcBinary = 53;
inline constexpr uint32_t kPpidWebRtcBinaryPartial = 54;  // deprecated
inline constexpr uint32_t kPpidWebRtcStringEmpty = 56;
inline constexpr uint32_t kPpidWebRtcBinaryEmpty = 57;

}  // namespace gstsctp
