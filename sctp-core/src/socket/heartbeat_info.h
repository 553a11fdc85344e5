// What we put in the Heartbeat Information of our HEARTBEATs (RFC 9260
// section 8.3): opaque to the peer, echoed in HEARTBEAT ACK. A random nonce
// ties the ACK to the HEARTBEAT we sent (a forged or stale ACK does not feed
// the RTO estimator), and the send time gives the RTT.
//
// Layout: magic "HB01" (4), nonce (8), sent_at ms (8) = 20 bytes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "common/byte_io.h"
#include "sctp/time.h"

namespace sctp {

struct HeartbeatInfo {
  static constexpr size_t kSize = 20;
  uint64_t nonce = 0;
  TimeMs sent_at;

  [[nodiscard]] std::array<uint8_t, kSize> encode() const;
  // nullopt when the bytes are not one of ours.
  static std::optional<HeartbeatInfo> decode(ByteSpan bytes);
  bool operator==(const HeartbeatInfo&) const = default;
};

}  // namespace sctp
