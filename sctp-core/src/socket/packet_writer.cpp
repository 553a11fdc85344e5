#include "socket/packet_writer.h"

#include <algorithm>

namespace sctp {
namespace {

// Large enough for the common header and one chunk header, whatever the
// configured MTU.
constexpr size_t kMinMtu = kCommonHeaderSize + 64;

}  // namespace

PacketWriter::PacketWriter(SocketCallbacks& callbacks, size_t mtu, uint16_t source_port,
                           uint16_t destination_port, Metrics& metrics)
    : callbacks_(callbacks),
      buffer_(std::max(mtu, kMinMtu)),
      mtu_(std::max(mtu, kMinMtu)),
      source_port_(source_port),
      destination_port_(destination_port),
      metrics_(metrics),
      builder_(buffer_, mtu_, CommonHeader{}) {}

void PacketWriter::begin(VerificationTag tag) {
  builder_ = PacketBuilder(buffer_, mtu_, CommonHeader{source_port_, destination_port_, tag, 0});
  builder_active_ = true;
  crc_required_ = false;
  has_user_data_ = false;
  current_tag_ = tag;
}

size_t PacketWriter::max_chunk_bytes() const {
  return mtu_ - kCommonHeaderSize;
}

size_t PacketWriter::bytes_remaining(VerificationTag tag) const {
  if (!builder_active_ || tag != current_tag_) return max_chunk_bytes();
  return builder_.bytes_remaining();
}

void PacketWriter::flush() {
  if (!builder_active_) return;
  builder_active_ = false;
  if (builder_.empty()) return;
  const bool zero = !crc_required_ && zero_checksum_tag_ && *zero_checksum_tag_ == current_tag_;
  const ByteSpan packet = builder_.finish(zero ? ChecksumMode::kZero : ChecksumMode::kCrc32c);
  ++metrics_.packets_sent;
  metrics_.bytes_sent += packet.size();
  callbacks_.send_packet(packet);
}

}  // namespace sctp
