#include "packet/crc32c.h"

#include <array>

#include "packet/common_header.h"
#include "packet/crc32c_impl.h"

namespace sctp {
namespace {

Crc32cPath detect_path() {
#if defined(__x86_64__)
  if (crc32c_detail::cpu_has_sse42()) return Crc32cPath::kSse42;
#endif
  return Crc32cPath::kPortable;
}

}  // namespace

const char* to_string(Crc32cPath path) {
  switch (path) {
    case Crc32cPath::kPortable:
      return "portable (slicing-by-8)";
    case Crc32cPath::kSse42:
      return "sse4.2";
  }
  return "unknown";
}

bool crc32c_path_available(Crc32cPath path) {
  switch (path) {
    case Crc32cPath::kPortable:
      return true;
    case Crc32cPath::kSse42:
#if defined(__x86_64__)
      return crc32c_detail::cpu_has_sse42();
#else
      return false;
#endif
  }
  return false;
}

Crc32cPath crc32c_selected_path() {
  // Detected once; function-local statics are initialized thread-safely.
  static const Crc32cPath selected = detect_path();
  return selected;
}

uint32_t crc32c_update(Crc32cPath path, uint32_t state, ByteSpan data) {
#if defined(__x86_64__)
  if (path == Crc32cPath::kSse42) return crc32c_detail::update_sse42(state, data);
#endif
  return crc32c_detail::update_portable(state, data);
}

uint32_t crc32c(ByteSpan data, Crc32cPath path) {
  return ~crc32c_update(path, 0xFFFFFFFFu, data);
}

uint32_t crc32c(ByteSpan data) {
  return crc32c(data, crc32c_selected_path());
}

uint32_t packet_crc32c(ByteSpan packet) {
  if (packet.size() < kCommonHeaderSize) return crc32c(packet);
  // RFC 9260 section 6.8: the CRC covers the whole packet with the checksum
  // field set to zero. Feed the field's four bytes as zeros instead of
  // copying the packet.
  static constexpr std::array<uint8_t, 4> kZeroField{};
  Crc32c crc;
  crc.update(packet.first(kChecksumOffset));
  crc.update(kZeroField);
  crc.update(packet.subspan(kChecksumOffset + 4));
  return crc.value();
}

void store_packet_checksum(MutableByteSpan packet, uint32_t crc) {
  if (packet.size() < kCommonHeaderSize) return;
  // RFC 9260 appendix B: the CRC goes out least significant byte first.
  uint8_t* field = packet.data() + kChecksumOffset;
  field[0] = uint8_t(crc);
  field[1] = uint8_t(crc >> 8);
  field[2] = uint8_t(crc >> 16);
  field[3] = uint8_t(crc >> 24);
}

uint32_t load_packet_checksum(ByteSpan packet) {
  if (packet.size() < kCommonHeaderSize) return 0;
  const uint8_t* field = packet.data() + kChecksumOffset;
  return uint32_t(field[0]) | (uint32_t(field[1]) << 8) | (uint32_t(field[2]) << 16) |
         (uint32_t(field[3]) << 24);
}

void write_packet_checksum(MutableByteSpan packet) {
  if (packet.size() < kCommonHeaderSize) return;
  store_packet_checksum(packet, packet_crc32c(packet));
}

void write_zero_checksum(MutableByteSpan packet) {
  store_packet_checksum(packet, 0);
}

bool verify_packet_checksum(ByteSpan packet) {
  if (packet.size() < kCommonHeaderSize) return false;
  return load_packet_checksum(packet) == packet_crc32c(packet);
}

bool packet_checksum_is_zero(ByteSpan packet) {
  return packet.size() >= kCommonHeaderSize && load_packet_checksum(packet) == 0;
}

}  // namespace sctp
