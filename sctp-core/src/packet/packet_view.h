// A received SCTP packet: the common header and an iterator over its chunks.
//
// Parsing validates the framing of every chunk up front (lengths, padding),
// so consumers may iterate without error handling; typed chunk parsing
// (e.g. DataChunk::parse) validates each chunk's own fields. No allocation.
#pragma once

#include <cstddef>
#include <optional>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/common_header.h"
#include "packet/raw_chunk.h"

namespace sctp {

class PacketView {
 public:
  // Validates the common header and chunk framing. Does not verify the
  // checksum (see crc32c.h: verify_packet_checksum), because whether a zero
  // checksum is acceptable depends on association state (RFC 9653).
  static ParseResult<PacketView> parse(ByteSpan packet);

  [[nodiscard]] const CommonHeader& header() const { return header_; }
  [[nodiscard]] ByteSpan bytes() const { return bytes_; }
  [[nodiscard]] size_t chunk_count() const { return chunk_count_; }

  class Iterator {
   public:
    using value_type = RawChunk;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(ByteSpan chunks, size_t offset) : chunks_(chunks), offset_(offset) {}
    RawChunk operator*() const;
    Iterator& operator++();
    Iterator operator++(int) {
      Iterator copy = *this;
      ++*this;
      return copy;
    }
    bool operator==(const Iterator& other) const { return offset_ == other.offset_; }

   private:
    ByteSpan chunks_;
    size_t offset_ = 0;
  };
  [[nodiscard]] Iterator begin() const { return Iterator(chunks_, 0); }
  [[nodiscard]] Iterator end() const { return Iterator(chunks_, chunks_.size()); }

 private:
  PacketView() = default;
  ByteSpan bytes_;
  ByteSpan chunks_;
  CommonHeader header_;
  size_t chunk_count_ = 0;
};

}  // namespace sctp
