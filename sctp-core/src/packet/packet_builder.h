// Builds one outgoing SCTP packet in a caller-supplied buffer.
//
// The builder writes the common header (RFC 9260 section 3.1) up front and
// then bundles chunks (section 6.10) one after another, each padded to four
// bytes (section 3.2), for as long as they fit in `max_packet_size`. A chunk
// that does not fit is refused whole and leaves the packet as it was, so the
// caller can send what it has and put the chunk in the next packet. No heap
// allocation: the packet lives in the caller's buffer.
//
// `max_packet_size` is the SCTP packet size, i.e. the path MTU minus whatever
// IP, UDP or DTLS overhead the caller has below SCTP.
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"
#include "packet/common_header.h"

namespace sctp {

enum class ChecksumMode : uint8_t {
  kCrc32c,  // RFC 9260 section 6.8
  kZero,    // RFC 9653: only once the peer accepts a zero checksum
};

// Anything that knows its unpadded length and writes itself plus padding.
template <typename T>
concept SerializableChunk = requires(const T& chunk, ByteWriter& writer) {
  { chunk.length() } -> std::convertible_to<size_t>;
  chunk.serialize(writer);
};

class PacketBuilder {
 public:
  // A chunk's 16-bit length field counts its header (section 3.2).
  static constexpr size_t kMinChunkLength = 4;
  static constexpr size_t kMaxChunkLength = 0xFFFF;

  PacketBuilder(MutableByteSpan buffer, size_t max_packet_size, const CommonHeader& header);

  // Appends `chunk` if pad4(chunk.length()) fits in what is left. Returns
  // false and leaves the packet unchanged when it does not fit, when its
  // length cannot be framed, or when its serialize() wrote a size other than
  // pad4(length()) (a bug in that chunk type, refused rather than sent).
  template <SerializableChunk Chunk>
  [[nodiscard]] bool add(const Chunk& chunk) {
    const size_t length = static_cast<size_t>(chunk.length());
    if (length < kMinChunkLength || length > kMaxChunkLength) return false;
    const size_t padded = pad4(length);
    if (padded > bytes_remaining()) return false;
    ByteWriter writer(buffer_.subspan(size_, padded));
    chunk.serialize(writer);
    if (writer.overflowed() || writer.size() != padded) return false;
    size_ += padded;
    ++chunk_count_;
    return true;
  }

  // Room left for chunks, padding included.
  [[nodiscard]] size_t bytes_remaining() const { return valid() ? capacity_ - size_ : 0; }
  // Whether a chunk of unpadded length `length` would fit.
  [[nodiscard]] bool fits(size_t length) const { return pad4(length) <= bytes_remaining(); }
  [[nodiscard]] bool empty() const { return chunk_count_ == 0; }
  [[nodiscard]] size_t chunk_count() const { return chunk_count_; }
  // Bytes written so far, common header included.
  [[nodiscard]] size_t size() const { return size_; }
  // False when the buffer or max_packet_size cannot even hold the common
  // header; such a builder refuses every chunk and finishes empty.
  [[nodiscard]] bool valid() const { return capacity_ >= kCommonHeaderSize; }

  // Writes the checksum field and returns the packet (a view into the
  // buffer). May be called again after more chunks were added.
  ByteSpan finish(ChecksumMode mode);

  // Drops the chunks and keeps the common header, to build the next packet
  // for the same peer in the same buffer.
  void clear_chunks();

 private:
  MutableByteSpan buffer_;
  size_t capacity_;
  size_t size_ = 0;
  size_t chunk_count_ = 0;
};

}  // namespace sctp
