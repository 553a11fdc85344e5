#include "traffic.h"

#include <cmath>
#include <cstring>

namespace interop {
namespace {

uint64_t xorshift(uint64_t& state) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

// Sizes spread evenly over orders of magnitude between `low` and `high`, so
// a run has many small messages and still several close to `high`.
std::vector<uint32_t> log_uniform_sizes(uint64_t seed, size_t count, uint32_t low, uint32_t high) {
  std::vector<uint32_t> sizes;
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  const double span = std::log(static_cast<double>(high) / low);
  for (size_t i = 0; i < count; ++i) {
    const double unit = static_cast<double>(xorshift(state) >> 11) / 9007199254740992.0;
    const auto size = static_cast<uint32_t>(low * std::exp(unit * span));
    sizes.push_back(size < low ? low : (size > high ? high : size));
  }
  return sizes;
}

uint32_t fnv1a(const uint8_t* data, size_t size) {
  uint32_t hash = 2166136261u;
  for (size_t i = 0; i < size; ++i)
    hash = (hash ^ data[i]) * 16777619u;
  return hash;
}

void put32(uint8_t* out, uint32_t value) {
  for (int i = 0; i < 4; ++i)
    out[i] = static_cast<uint8_t>(value >> (24 - 8 * i));
}

uint32_t get32(const uint8_t* in) {
  return (uint32_t{in[0]} << 24) | (uint32_t{in[1]} << 16) | (uint32_t{in[2]} << 8) | in[3];
}

constexpr uint32_t kMaxMessage = 256 * 1024;

}  // namespace

uint16_t reset_stream_of(char role) {
  return role == 'a' ? 10 : 11;
}

std::vector<StreamPlan> data_streams(char role) {
  std::vector<StreamPlan> plans;

  // Ordered, reliable: every size class from 1 byte up to 256 KiB, including
  // the edges of one packet (~1200 B) and of usrsctp's 64 KiB partial
  // delivery point, then more sizes at random.
  StreamPlan ordered{.id = 1, .ordered = true, .policy = Policy::kReliable, .sizes = {}};
  ordered.sizes = {1,    2,    3,     7,     15,    16,    17,    100,    1000,   1199,       1200,
                   1201, 4096, 16383, 16384, 65535, 65536, 65537, 100000, 131072, kMaxMessage};
  for (uint32_t size : log_uniform_sizes(1, 60, 1, kMaxMessage))
    ordered.sizes.push_back(size);
  plans.push_back(ordered);

  StreamPlan unordered{.id = 2, .ordered = false, .policy = Policy::kReliable, .sizes = {}};
  unordered.sizes = {kHeaderSize, kMaxMessage};
  for (uint32_t size : log_uniform_sizes(2, 60, kHeaderSize, kMaxMessage))
    unordered.sizes.push_back(size);
  plans.push_back(unordered);

  // Partially reliable streams (RFC 3758, RFC 7496 policies): messages stay
  // below usrsctp's partial delivery point, so a message is never cut short
  // by its own abandonment: whatever arrives must be whole.
  StreamPlan ttl{.id = 3, .ordered = true, .policy = Policy::kTtl, .parameter = 1000, .sizes = {}};
  ttl.sizes = log_uniform_sizes(3, 200, kHeaderSize, 32768);
  plans.push_back(ttl);

  StreamPlan rtx{.id = 4, .ordered = false, .policy = Policy::kRtx, .parameter = 2, .sizes = {}};
  rtx.sizes = log_uniform_sizes(4, 200, kHeaderSize, 32768);
  plans.push_back(rtx);

  // Reset once the peer has all of it (RFC 6525); the peer must see its
  // src pad go.
  StreamPlan reset{
      .id = reset_stream_of(role), .ordered = true, .policy = Policy::kReliable, .sizes = {}};
  reset.sizes = log_uniform_sizes(reset.id, 20, kHeaderSize, 4096);
  plans.push_back(reset);
  return plans;
}

std::vector<uint8_t> make_message(uint16_t stream, uint32_t seq, uint32_t size) {
  std::vector<uint8_t> message(size);
  uint64_t state = ((uint64_t{stream} << 32) | seq) * 0x2545F4914F6CDD1Dull + 7;
  const size_t body = size >= kHeaderSize ? kHeaderSize : 0;
  for (size_t i = body; i < size; i += 8) {
    const uint64_t word = xorshift(state);
    for (size_t j = 0; j < 8 && i + j < size; ++j)
      message[i + j] = static_cast<uint8_t>(word >> (8 * j));
  }
  if (body != 0) {
    put32(&message[0], 0x53430000u | stream);  // "SC" + stream id
    put32(&message[4], seq);
    put32(&message[8], size);
    put32(&message[12], fnv1a(&message[kHeaderSize], size - kHeaderSize));
  }
  return message;
}

void StreamChecker::error(std::string what) {
  if (errors_.size() < 20)
    errors_.push_back("stream " + std::to_string(plan_.id) + ": " + std::move(what));
}

void StreamChecker::on_buffer(const uint8_t* data, size_t size, uint32_t ppid) {
  if (ppid != plan_.ppid)
    error("PPID " + std::to_string(ppid) + ", expected " + std::to_string(plan_.ppid));
  ++buffers_;
  pending_.insert(pending_.end(), data, data + size);
  size_t need = 0;
  if (plan_.ordered && reliable()) {
    if (next_ordered_ >= plan_.sizes.size()) {
      error("a message after the last one sent");
      pending_.clear();
      return;
    }
    need = plan_.sizes[next_ordered_];
  } else if (pending_.size() >= kHeaderSize) {
    need = get32(&pending_[8]);
  } else {
    error("a buffer of " + std::to_string(pending_.size()) + " bytes, shorter than the header");
    pending_.clear();
    return;
  }
  if (pending_.size() < need) return;  // more pieces of this message to come
  if (pending_.size() > need) {
    error("a buffer overruns its message (" + std::to_string(pending_.size()) + " > " +
          std::to_string(need) + " bytes)");
    pending_.clear();
    return;
  }
  on_message(pending_);
  pending_.clear();
}

void StreamChecker::on_message(const std::vector<uint8_t>& message) {
  uint32_t seq = next_ordered_;
  if (message.size() >= kHeaderSize) {
    seq = get32(&message[4]);
    if (get32(&message[0]) != (0x53430000u | plan_.id)) return error("header names another stream");
    if (get32(&message[12]) != fnv1a(&message[kHeaderSize], message.size() - kHeaderSize))
      return error("checksum mismatch in message " + std::to_string(seq));
  } else if (!(plan_.ordered && reliable())) {
    return error("a message shorter than the header");
  }
  if (seq >= plan_.sizes.size())
    return error("sequence number " + std::to_string(seq) + " never sent");
  if (plan_.sizes[seq] != message.size())
    return error("message " + std::to_string(seq) + " has " + std::to_string(message.size()) +
                 " bytes, sent " + std::to_string(plan_.sizes[seq]));
  if (received_.count(seq) != 0) return error("message " + std::to_string(seq) + " duplicated");
  if (plan_.ordered && seq < next_ordered_)
    return error("message " + std::to_string(seq) + " out of order");
  if (plan_.ordered && reliable() && seq != next_ordered_)
    return error("message " + std::to_string(next_ordered_) + " missing");
  if (message != make_message(plan_.id, seq, static_cast<uint32_t>(message.size())))
    return error("message " + std::to_string(seq) + " content differs");
  received_.insert(seq);
  next_ordered_ = seq + 1;
  bytes_ += message.size();
}

}  // namespace interop
