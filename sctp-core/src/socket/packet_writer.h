// Outgoing packets of one socket: bundles chunks (RFC 9260 section 6.10) into
// one reusable buffer of options.mtu bytes, so sending allocates nothing.
//
// Chunks are appended to the packet under construction as long as they go
// to the same Verification Tag and fit; otherwise the packet is flushed to
// SocketCallbacks::send_packet and a new one started. A control chunk never
// follows DATA or I-DATA in a packet (section 6.10: control chunks first;
// usrsctp aborts on a SACK after DATA): it starts a new packet instead. The
// caller flushes at the end of each API call or received packet.
//
// Checksum (RFC 9653 section 5): a packet goes out with a zero checksum only
// when the caller allowed it for this packet's tag (the peer announced
// Zero Checksum Acceptable with our EDMID) and no chunk in it required a real
// CRC32c (handshake chunks, replies to out-of-the-blue packets).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "packet/chunk_type.h"
#include "packet/packet_builder.h"
#include "sctp/callbacks.h"
#include "sctp/types.h"

namespace sctp {

enum class ChecksumNeed : uint8_t {
  kZeroAllowed,  // may go out with a zero checksum if the peer accepts that
  kCrcRequired,  // RFC 9653: INIT, INIT ACK, COOKIE ECHO, COOKIE ACK, OOTB replies
};

class PacketWriter {
 public:
  PacketWriter(SocketCallbacks& callbacks, size_t mtu, uint16_t source_port,
               uint16_t destination_port, Metrics& metrics);

  // Whether packets to `tag` may carry a zero checksum (per direction: what
  // the PEER accepts). Applies from the next packet started.
  void set_zero_checksum_tag(std::optional<VerificationTag> tag) { zero_checksum_tag_ = tag; }
  void set_ports(uint16_t source, uint16_t destination) {
    source_port_ = source;
    destination_port_ = destination;
  }

  // Appends `chunk` to the packet for `tag`. Returns false only when the chunk
  // cannot fit even an empty packet (it is then dropped).
  template <SerializableChunk Chunk>
  bool add(VerificationTag tag, const Chunk& chunk,
           ChecksumNeed need = ChecksumNeed::kZeroAllowed) {
    constexpr bool kUserData = is_user_data_chunk<Chunk>();
    if (builder_active_ && (tag != current_tag_ || (has_user_data_ && !kUserData))) flush();
    if (!builder_active_) begin(tag);
    if (!builder_.add(chunk)) {
      if (builder_.empty()) return false;
      flush();
      begin(tag);
      if (!builder_.add(chunk)) return false;
    }
    if (need == ChecksumNeed::kCrcRequired) crc_required_ = true;
    if (kUserData) has_user_data_ = true;
    return true;
  }
  // Room for chunks left in the packet under construction for `tag` (a full
  // packet's room when none is under construction or it goes elsewhere).
  [[nodiscard]] size_t bytes_remaining(VerificationTag tag) const;
  [[nodiscard]] size_t max_chunk_bytes() const;
  void flush();

 private:
  template <typename Chunk>
  static constexpr bool is_user_data_chunk() {
    if constexpr (requires { Chunk::kType; }) {
      return Chunk::kType == ChunkType::kData || Chunk::kType == ChunkType::kIData;
    } else {
      return false;
    }
  }
  void begin(VerificationTag tag);

  SocketCallbacks& callbacks_;
  std::vector<uint8_t> buffer_;
  size_t mtu_;
  uint16_t source_port_;
  uint16_t destination_port_;
  Metrics& metrics_;
  PacketBuilder builder_;
  bool builder_active_ = false;
  bool crc_required_ = false;
  bool has_user_data_ = false;  // the packet under construction holds DATA or I-DATA
  VerificationTag current_tag_;
  std::optional<VerificationTag> zero_checksum_tag_;
};

}  // namespace sctp
