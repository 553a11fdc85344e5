// What each side of the gst-plugins-bad interop test sends and how the other
// side checks it. Both processes derive the same schedule (which streams,
// their reliability, how many messages of which sizes) and the same content
// from fixed seeds, so the receiver knows byte for byte what must arrive.
//
// A message of 16 bytes or more starts with a header (stream, sequence
// number, size, FNV-1a of the rest) followed by bytes from a per-message
// xorshift generator; shorter messages (only on the ordered reliable stream,
// where the receiver knows which one comes next) are generator bytes only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace interop {

enum class Policy { kReliable, kTtl, kRtx };

struct StreamPlan {
  uint16_t id = 0;
  bool ordered = true;
  Policy policy = Policy::kReliable;
  uint32_t parameter = 0;  // ms for ttl, retransmissions for rtx
  uint32_t ppid = 53;
  std::vector<uint32_t> sizes;  // message sizes in sending order (seq = index)
};

inline constexpr uint16_t kControlStream = 0;
inline constexpr size_t kHeaderSize = 16;

// The data streams a side sends: the same on both sides, plus a stream of its
// own that it resets once the peer has received everything on it
// (`reset_stream_of(role)`).
std::vector<StreamPlan> data_streams(char role);
uint16_t reset_stream_of(char role);

// The bytes of message `seq` on `stream` of `size` bytes.
std::vector<uint8_t> make_message(uint16_t stream, uint32_t seq, uint32_t size);

// Receives one stream's buffers (a message may come as several buffers when
// a usrsctp receiver delivers it in pieces) and checks every message.
class StreamChecker {
 public:
  explicit StreamChecker(StreamPlan plan) : plan_(std::move(plan)) {}

  void on_buffer(const uint8_t* data, size_t size, uint32_t ppid);

  bool reliable() const { return plan_.policy == Policy::kReliable; }
  bool complete() const { return received_.size() == plan_.sizes.size() && pending_.empty(); }
  size_t received() const { return received_.size(); }
  size_t expected() const { return plan_.sizes.size(); }
  uint64_t bytes() const { return bytes_; }
  uint64_t buffers() const { return buffers_; }
  // The errors found since the last call.
  std::vector<std::string> take_errors() { return std::exchange(errors_, {}); }
  const StreamPlan& plan() const { return plan_; }

 private:
  void on_message(const std::vector<uint8_t>& message);
  void error(std::string what);

  StreamPlan plan_;
  std::vector<uint8_t> pending_;  // a message whose pieces are still arriving
  std::set<uint32_t> received_;
  uint32_t next_ordered_ = 0;  // ordered streams: the lowest seq still allowed
  uint64_t bytes_ = 0;
  uint64_t buffers_ = 0;  // more than messages when they came in pieces
  std::vector<std::string> errors_;
};

}  // namespace interop
