// Big-endian byte access for wire formats.
//
// ByteReader never reads past its span: every accessor is bounds checked by
// the caller through `has(n)`, or returns a sub-span only after checking.
// ByteWriter writes into a caller-supplied buffer with no heap allocation; an
// overflowing write sets `overflowed()` and writes nothing more, so a
// serializer can write unconditionally and check once at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace sctp {

using ByteSpan = std::span<const uint8_t>;
using MutableByteSpan = std::span<uint8_t>;

[[nodiscard]] constexpr size_t pad4(size_t n) {
  return (n + 3) & ~size_t(3);
}

[[nodiscard]] inline uint16_t load_be16(const uint8_t* p) {
  return static_cast<uint16_t>((uint16_t(p[0]) << 8) | p[1]);
}
[[nodiscard]] inline uint32_t load_be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
[[nodiscard]] inline uint64_t load_be64(const uint8_t* p) {
  return (uint64_t(load_be32(p)) << 32) | load_be32(p + 4);
}
inline void store_be16(uint8_t* p, uint16_t v) {
  p[0] = uint8_t(v >> 8);
  p[1] = uint8_t(v);
}
inline void store_be32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v >> 24);
  p[1] = uint8_t(v >> 16);
  p[2] = uint8_t(v >> 8);
  p[3] = uint8_t(v);
}

// Reads fixed-offset big-endian fields from a span whose size the caller has
// already validated. Out-of-range offsets are a programming error (asserted
// in debug builds); parsers validate sizes before reading.
class ByteReader {
 public:
  constexpr explicit ByteReader(ByteSpan data) : data_(data) {}
  [[nodiscard]] constexpr size_t size() const { return data_.size(); }
  [[nodiscard]] constexpr bool has(size_t offset, size_t n) const {
    return offset <= data_.size() && n <= data_.size() - offset;
  }
  [[nodiscard]] uint8_t u8(size_t offset) const { return data_[offset]; }
  [[nodiscard]] uint16_t u16(size_t offset) const {
    return load_be16(data_.subspan(offset, 2).data());
  }
  [[nodiscard]] uint32_t u32(size_t offset) const {
    return load_be32(data_.subspan(offset, 4).data());
  }
  [[nodiscard]] uint64_t u64(size_t offset) const {
    return load_be64(data_.subspan(offset, 8).data());
  }
  [[nodiscard]] ByteSpan bytes(size_t offset, size_t n) const { return data_.subspan(offset, n); }
  [[nodiscard]] ByteSpan rest(size_t offset) const { return data_.subspan(offset); }
  [[nodiscard]] constexpr ByteSpan span() const { return data_; }

 private:
  ByteSpan data_;
};

class ByteWriter {
 public:
  explicit ByteWriter(MutableByteSpan buffer) : buffer_(buffer) {}

  [[nodiscard]] size_t size() const { return pos_; }
  [[nodiscard]] size_t remaining() const { return buffer_.size() - pos_; }
  [[nodiscard]] bool overflowed() const { return overflowed_; }
  [[nodiscard]] ByteSpan written() const { return ByteSpan(buffer_.data(), pos_); }
  [[nodiscard]] MutableByteSpan buffer() const { return buffer_; }

  void u8(uint8_t v) {
    if (uint8_t* p = reserve(1)) p[0] = v;
  }
  void u16(uint16_t v) {
    if (uint8_t* p = reserve(2)) store_be16(p, v);
  }
  void u32(uint32_t v) {
    if (uint8_t* p = reserve(4)) store_be32(p, v);
  }
  void u64(uint64_t v) {
    u32(uint32_t(v >> 32));
    u32(uint32_t(v));
  }
  void bytes(ByteSpan data) {
    if (data.empty()) return;
    if (uint8_t* p = reserve(data.size())) std::memcpy(p, data.data(), data.size());
  }
  void zeros(size_t n) {
    if (n == 0) return;
    if (uint8_t* p = reserve(n)) std::memset(p, 0, n);
  }
  // Zero-fills up to the next multiple of four (RFC 9260 section 3.2 padding).
  void pad_to_4() { zeros(pad4(pos_) - pos_); }

  // Overwrites a 16-bit value already written at `offset` (for length fields
  // known only after the body is written).
  void patch_u16(size_t offset, uint16_t v) {
    if (!overflowed_ && offset + 2 <= pos_) store_be16(buffer_.data() + offset, v);
  }
  void patch_u32(size_t offset, uint32_t v) {
    if (!overflowed_ && offset + 4 <= pos_) store_be32(buffer_.data() + offset, v);
  }

 private:
  uint8_t* reserve(size_t n) {
    if (overflowed_ || n > remaining()) {
      overflowed_ = true;
      return nullptr;
    }
    uint8_t* p = buffer_.data() + pos_;
    pos_ += n;
    return p;
  }

  MutableByteSpan buffer_;
  size_t pos_ = 0;
  bool overflowed_ = false;
};

}  // namespace sctp
