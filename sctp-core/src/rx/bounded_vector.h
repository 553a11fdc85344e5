// A vector with a fixed inline capacity: no heap allocation, ever.
//
// Used for the per-SACK lists (gap ack blocks, duplicate TSNs) so building or
// reading a SACK in steady state touches no allocator. push_back() past the
// capacity is refused (returns false): the caller decides what a full list
// means (RFC 9260 lets a receiver report fewer gaps or duplicates).
#pragma once

#include <array>
#include <cstddef>
#include <span>

namespace sctp {

template <typename T, size_t N>
class BoundedVector {
 public:
  static constexpr size_t kCapacity = N;

  [[nodiscard]] bool push_back(const T& value) {
    if (size_ == N) return false;
    items_[size_++] = value;
    return true;
  }
  void clear() { size_ = 0; }
  [[nodiscard]] size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] bool full() const { return size_ == N; }
  [[nodiscard]] static constexpr size_t capacity() { return N; }

  const T& operator[](size_t i) const { return items_[i]; }
  T& operator[](size_t i) { return items_[i]; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }
  T* begin() { return items_.data(); }
  T* end() { return items_.data() + size_; }
  [[nodiscard]] std::span<const T> span() const { return {items_.data(), size_}; }

  bool operator==(const BoundedVector& other) const {
    if (size_ != other.size_) return false;
    for (size_t i = 0; i < size_; ++i) {
      if (!(items_[i] == other.items_[i])) return false;
    }
    return true;
  }

 private:
  std::array<T, N> items_{};
  size_t size_ = 0;
};

}  // namespace sctp
