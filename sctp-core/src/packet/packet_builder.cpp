#include "packet/packet_builder.h"

#include "packet/crc32c.h"

namespace sctp {

PacketBuilder::PacketBuilder(MutableByteSpan buffer, size_t max_packet_size,
                             const CommonHeader& header)
    : buffer_(buffer), capacity_(std::min(buffer.size(), max_packet_size)) {
  if (!valid()) return;
  ByteWriter writer(buffer_.first(kCommonHeaderSize));
  writer.u16(header.source_port);
  writer.u16(header.destination_port);
  writer.u32(header.verification_tag.value());
  writer.u32(0);  // checksum, filled by finish()
  size_ = kCommonHeaderSize;
}

ByteSpan PacketBuilder::finish(ChecksumMode mode) {
  if (!valid()) return {};
  const MutableByteSpan packet = buffer_.first(size_);
  switch (mode) {
    case ChecksumMode::kCrc32c:
      write_packet_checksum(packet);
      break;
    case ChecksumMode::kZero:
      write_zero_checksum(packet);
      break;
  }
  return packet;
}

void PacketBuilder::clear_chunks() {
  if (!valid()) return;
  size_ = kCommonHeaderSize;
  chunk_count_ = 0;
}

}  // namespace sctp
