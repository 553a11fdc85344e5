#include "socket/heartbeat_info.h"

#include <algorithm>

namespace sctp {
namespace {
constexpr std::array<uint8_t, 4> kMagic = {'H', 'B', '0', '1'};
}

std::array<uint8_t, HeartbeatInfo::kSize> HeartbeatInfo::encode() const {
  std::array<uint8_t, kSize> out{};
  ByteWriter w(out);
  w.bytes(kMagic);
  w.u64(nonce);
  w.u64(uint64_t(sent_at.ms));
  return out;
}

std::optional<HeartbeatInfo> HeartbeatInfo::decode(ByteSpan bytes) {
  if (bytes.size() != kSize || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
    return std::nullopt;
  }
  ByteReader r(bytes);
  return HeartbeatInfo{r.u64(4), TimeMs{int64_t(r.u64(12))}};
}

}  // namespace sctp
