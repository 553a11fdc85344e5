#include "packet/crc32c.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <random>
#include <string_view>
#include <vector>

#include "packet/packet_view.h"

namespace sctp {
namespace {

// RFC 3720 section B.4 lists each CRC as the four bytes that go on the wire,
// least significant byte first; these are those bytes read as that integer.
struct Vector {
  const char* name;
  std::vector<uint8_t> data;
  uint32_t crc;
};

std::vector<uint8_t> filled(uint8_t value) {
  return std::vector<uint8_t>(32, value);
}
std::vector<uint8_t> incrementing() {
  std::vector<uint8_t> v(32);
  std::iota(v.begin(), v.end(), uint8_t{0});
  return v;
}
std::vector<uint8_t> decrementing() {
  std::vector<uint8_t> v = incrementing();
  std::reverse(v.begin(), v.end());
  return v;
}
// RFC 3720 B.4: "An iSCSI - SCSI Read (10) Command PDU".
const std::vector<uint8_t> kIscsiReadPdu = {
    0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
    0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

std::vector<Vector> rfc3720_vectors() {
  return {
      {"32 zeros", filled(0x00), 0x8A9136AA},         // aa 36 91 8a
      {"32 0xFF", filled(0xFF), 0x62A8AB43},          // 43 ab a8 62
      {"incrementing", incrementing(), 0x46DD794E},   // 4e 79 dd 46
      {"decrementing", decrementing(), 0x113FDB5C},   // 5c db 3f 11
      {"iSCSI read PDU", kIscsiReadPdu, 0xD9963A56},  // 56 3a 96 d9
  };
}

std::vector<Crc32cPath> available_paths() {
  std::vector<Crc32cPath> paths;
  for (Crc32cPath p : {Crc32cPath::kPortable, Crc32cPath::kSse42}) {
    if (crc32c_path_available(p)) paths.push_back(p);
  }
  return paths;
}

TEST(Crc32c, Rfc3720VectorsOnEveryAvailablePath) {
  for (Crc32cPath path : available_paths()) {
    for (const Vector& v : rfc3720_vectors()) {
      EXPECT_EQ(crc32c(v.data, path), v.crc) << v.name << " on " << to_string(path);
    }
  }
}

TEST(Crc32c, DefaultPathMatchesVectorsAndCheckValue) {
  for (const Vector& v : rfc3720_vectors())
    EXPECT_EQ(crc32c(v.data), v.crc) << v.name;
  // The CRC catalogue's check value for CRC-32/ISCSI.
  const std::string_view check = "123456789";
  EXPECT_EQ(crc32c(ByteSpan(reinterpret_cast<const uint8_t*>(check.data()), check.size())),
            0xE3069283u);
  EXPECT_EQ(crc32c(ByteSpan()), 0u);
}

TEST(Crc32c, PortablePathCanBeForcedAndIsAlwaysAvailable) {
  EXPECT_TRUE(crc32c_path_available(Crc32cPath::kPortable));
  Crc32c forced(Crc32cPath::kPortable);
  forced.update(kIscsiReadPdu);
  EXPECT_EQ(forced.value(), 0xD9963A56u);
}

TEST(Crc32c, SelectedPathIsHardwareWhenTheCpuHasIt) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("sse4.2")) {
    EXPECT_EQ(crc32c_selected_path(), Crc32cPath::kSse42);
  } else {
    EXPECT_EQ(crc32c_selected_path(), Crc32cPath::kPortable);
  }
#else
  EXPECT_EQ(crc32c_selected_path(), Crc32cPath::kPortable);
#endif
}

// A byte-at-a-time reference (Sarwate), written independently of both paths
// under test so that neither is checked only against the other.
uint32_t reference_update(uint32_t state, ByteSpan data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = (c & 1u) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  for (uint8_t b : data)
    state = table[(state ^ b) & 0xFFu] ^ (state >> 8);
  return state;
}

// Every length 0..4096 at every start offset 0..7, on random data: the
// hardware path's alignment prologue, 32-byte loop, 8-byte loop and byte tail
// meet every split, and so do the portable path's 8-byte loop and tail. Each
// available path is compared with the reference and so with each other.
TEST(Crc32c, PathsAgreeOnEveryLengthAndAlignment) {
  std::mt19937 rng(20260101);
  std::vector<uint8_t> buffer(4096 + 8);
  for (uint8_t& b : buffer)
    b = uint8_t(rng());
  const std::vector<Crc32cPath> paths = available_paths();
  size_t checked = 0;
  for (size_t offset = 0; offset < 8; ++offset) {
    for (size_t length = 0; length <= 4096; ++length) {
      const ByteSpan data(buffer.data() + offset, length);
      const uint32_t expected = reference_update(0xFFFFFFFFu, data);
      for (Crc32cPath path : paths) {
        if (crc32c_update(path, 0xFFFFFFFFu, data) != expected) {
          FAIL() << to_string(path) << " wrong at offset " << offset << " length " << length;
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 8u * 4097u * paths.size());
}

TEST(Crc32c, IncrementalEqualsOneShotForEverySplit) {
  std::mt19937 rng(7);
  std::vector<uint8_t> data(300);
  for (uint8_t& b : data)
    b = uint8_t(rng());
  const uint32_t whole = crc32c(data);
  for (Crc32cPath path : available_paths()) {
    for (size_t split = 0; split <= data.size(); ++split) {
      Crc32c crc(path);
      crc.update(ByteSpan(data).first(split));
      crc.update(ByteSpan(data).subspan(split));
      ASSERT_EQ(crc.value(), whole) << "split " << split << " on " << to_string(path);
    }
  }
}

// A real SCTP packet, built by an independent implementation (Scapy's SCTP
// regression test "Chunk Init - build": ports 0, tag 0, one INIT with an IPv4
// address parameter). Its checksum field carries 40 2c 0b 5f. This pins the
// byte order of RFC 9260 appendix B: the CRC 0x5F0B2C40 goes out least
// significant byte first.
const std::vector<uint8_t> kScapyInitPacket = {
    0x00, 0x00, 0x00, 0x00,  // ports
    0x00, 0x00, 0x00, 0x00,  // verification tag
    0x40, 0x2c, 0x0b, 0x5f,  // checksum
    0x01, 0x00, 0x00, 0x1c,  // INIT, length 28
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x08, 0x7f, 0x00, 0x00, 0x01,  // IPv4 address 127.0.0.1
};

TEST(PacketChecksum, VerifiesARealPacketAndPinsTheByteOrder) {
  EXPECT_TRUE(verify_packet_checksum(kScapyInitPacket));
  EXPECT_EQ(packet_crc32c(kScapyInitPacket), 0x5F0B2C40u);
  EXPECT_EQ(load_packet_checksum(kScapyInitPacket), 0x5F0B2C40u);
  // PacketView reads every header field big-endian, so its `checksum` is the
  // byte-swapped CRC: the four wire bytes as they stand.
  auto view = PacketView::parse(kScapyInitPacket);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->header().checksum, 0x402C0B5Fu);
}

TEST(PacketChecksum, WriteProducesTheRealPacketsBytes) {
  std::vector<uint8_t> packet = kScapyInitPacket;
  packet[8] = packet[9] = packet[10] = packet[11] = 0xEE;  // garbage: must be ignored
  EXPECT_FALSE(verify_packet_checksum(packet));
  write_packet_checksum(packet);
  EXPECT_EQ(packet, kScapyInitPacket);
}

TEST(PacketChecksum, DetectsEveryFlippedBit) {
  std::vector<uint8_t> packet = kScapyInitPacket;
  for (size_t byte = 0; byte < packet.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      packet[byte] ^= uint8_t(1u << bit);
      EXPECT_FALSE(verify_packet_checksum(packet)) << "byte " << byte << " bit " << bit;
      packet[byte] ^= uint8_t(1u << bit);
    }
  }
  EXPECT_TRUE(verify_packet_checksum(packet));
}

TEST(PacketChecksum, ZeroChecksumForRfc9653) {
  std::vector<uint8_t> packet = kScapyInitPacket;
  write_zero_checksum(packet);
  EXPECT_TRUE(packet_checksum_is_zero(packet));
  EXPECT_FALSE(verify_packet_checksum(packet));  // acceptance is the caller's decision
  EXPECT_TRUE(std::equal(packet.begin() + 12, packet.end(), kScapyInitPacket.begin() + 12));
  EXPECT_FALSE(packet_checksum_is_zero(kScapyInitPacket));
}

TEST(PacketChecksum, ShortInputsAreRejectedAndLeftAlone) {
  std::array<uint8_t, 11> short_packet{};
  short_packet.fill(0xAB);
  EXPECT_FALSE(verify_packet_checksum(short_packet));
  EXPECT_FALSE(packet_checksum_is_zero(short_packet));
  write_packet_checksum(short_packet);
  write_zero_checksum(short_packet);
  for (uint8_t b : short_packet)
    EXPECT_EQ(b, 0xAB);
}

}  // namespace
}  // namespace sctp
