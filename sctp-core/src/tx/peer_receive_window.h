// The sender's view of the peer's receive window (RFC 9260 sections 6.1 and
// 6.2.1) and the zero-window probing decision (6.1 rule A).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sctp {

class PeerReceiveWindow {
 public:
  // The a_rwnd from the peer's INIT or INIT ACK (RFC 9260 6.1).
  explicit PeerReceiveWindow(uint32_t initial_a_rwnd) : rwnd_(initial_a_rwnd) {}

  // RFC 9260 6.2.1 D iv: after processing a SACK, rwnd = a_rwnd minus the
  // bytes still outstanding.
  void on_sack(uint32_t a_rwnd, size_t outstanding_bytes) {
    rwnd_ = outstanding_bytes >= a_rwnd ? 0 : a_rwnd - static_cast<uint32_t>(outstanding_bytes);
  }
  // RFC 9260 6.2.1: every DATA chunk transmitted or retransmitted reduces
  // the peer's rwnd by its data size.
  void on_data_sent(size_t bytes) {
    rwnd_ = bytes >= rwnd_ ? 0 : rwnd_ - static_cast<uint32_t>(bytes);
  }

  [[nodiscard]] uint32_t rwnd() const { return rwnd_; }

  // RFC 9260 6.1 rule A: new data of `chunk_bytes` may be sent only if rwnd
  // has room for it -- except that one DATA chunk may always be in flight,
  // so with nothing outstanding a chunk is sent anyway (a zero window probe,
  // which discovers a window update whose SACK was lost).
  [[nodiscard]] bool allows(size_t chunk_bytes, size_t outstanding_bytes) const {
    return chunk_bytes <= rwnd_ || outstanding_bytes == 0;
  }
  // True when the only thing that may be sent is a zero window probe.
  [[nodiscard]] bool is_zero_window_probe(size_t chunk_bytes, size_t outstanding_bytes) const {
    return chunk_bytes > rwnd_ && outstanding_bytes == 0;
  }

 private:
  uint32_t rwnd_;
};

}  // namespace sctp
