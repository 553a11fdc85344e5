// A message's payload while it is being sent: one heap block holding a
// reference count, the size and the bytes, shared by the message in the send
// queue and every fragment of it the retransmission queue holds.
//
// One allocation and one copy per message on the way in (Socket::send copies
// the caller's bytes here); fragments reference it, and the only other copy
// is into the outgoing packet. A std::shared_ptr<std::vector> costs two
// allocations (control block and vector storage).
//
// The count is not atomic: a Socket is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>

#include "common/byte_io.h"

namespace sctp {

class SharedPayload {
 public:
  SharedPayload() = default;
  // A new block holding a copy of `bytes` (empty `bytes`: no block).
  static SharedPayload copy_of(ByteSpan bytes) {
    SharedPayload p;
    if (bytes.empty()) return p;
    void* raw = ::operator new(sizeof(Header) + bytes.size());
    p.header_ = new (raw) Header{1, bytes.size()};
    std::memcpy(p.header_->data(), bytes.data(), bytes.size());
    return p;
  }

  SharedPayload(const SharedPayload& other) : header_(other.header_) {
    if (header_ != nullptr) ++header_->references;
  }
  SharedPayload(SharedPayload&& other) noexcept : header_(std::exchange(other.header_, nullptr)) {}
  SharedPayload& operator=(const SharedPayload& other) {
    SharedPayload copy(other);
    std::swap(header_, copy.header_);
    return *this;
  }
  SharedPayload& operator=(SharedPayload&& other) noexcept {
    SharedPayload taken(std::move(other));
    std::swap(header_, taken.header_);
    return *this;
  }
  ~SharedPayload() {
    if (header_ != nullptr && --header_->references == 0) {
      header_->~Header();
      ::operator delete(static_cast<void*>(header_));
    }
  }

  // Lets go of the block (freed with its last holder).
  void reset() { SharedPayload().swap(*this); }
  void swap(SharedPayload& other) noexcept { std::swap(header_, other.header_); }

  [[nodiscard]] size_t size() const { return header_ != nullptr ? header_->size : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] ByteSpan bytes() const {
    return header_ != nullptr ? ByteSpan(header_->data(), header_->size) : ByteSpan();
  }
  explicit operator bool() const { return header_ != nullptr; }
  // Holders of this block (tests).
  [[nodiscard]] size_t use_count() const { return header_ != nullptr ? header_->references : 0; }

 private:
  struct Header {
    size_t references;
    size_t size;
    // The bytes follow the header in the same block.
    uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
  };

  Header* header_ = nullptr;
};

}  // namespace sctp
