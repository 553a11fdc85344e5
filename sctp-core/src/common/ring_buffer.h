// A FIFO with indexed access over a circular array that only grows: the
// retransmission queue's records, the send queue's messages and the
// reassembly queue's ready messages live here, so steady-state sending and
// acknowledging touches no allocator (a std::deque frees and allocates
// blocks as it slides).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sctp {

template <typename T>
class RingBuffer {
 public:
  [[nodiscard]] size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }

  T& operator[](size_t i) { return slots_[(head_ + i) & (slots_.size() - 1)]; }
  const T& operator[](size_t i) const { return slots_[(head_ + i) & (slots_.size() - 1)]; }
  T& front() { return (*this)[0]; }
  const T& front() const { return (*this)[0]; }
  T& back() { return (*this)[size_ - 1]; }
  const T& back() const { return (*this)[size_ - 1]; }

  void push_back(T value) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = std::move(value);
    ++size_;
  }
  void pop_front() {
    slots_[head_] = T{};  // release what the slot holds now, not on reuse
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
  }
  void clear() {
    while (!empty())
      pop_front();
  }

 private:
  void grow() {
    // Power-of-two capacity so indices wrap with a mask.
    std::vector<T> bigger(slots_.empty() ? 16 : slots_.size() * 2);
    for (size_t i = 0; i < size_; ++i)
      bigger[i] = std::move((*this)[i]);
    slots_ = std::move(bigger);
    head_ = 0;
  }

  std::vector<T> slots_;
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace sctp
