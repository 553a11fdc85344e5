#include "pcap_file.h"

#include <array>

namespace sctp::wire {
namespace {

// pcap file format: https://www.tcpdump.org/manpages/pcap-savefile.5.html
constexpr uint32_t kPcapMagic = 0xA1B2C3D4;  // microsecond timestamps, host byte order
constexpr uint32_t kLinkTypeRaw = 101;       // LINKTYPE_RAW: the frame starts with an IP header
constexpr uint32_t kSnapLength = 65535;
constexpr size_t kIpv4HeaderSize = 20;
constexpr uint8_t kIpProtocolSctp = 132;

// RFC 1071 one's-complement sum over the IPv4 header.
uint16_t ipv4_header_checksum(const uint8_t* header) {
  uint32_t sum = 0;
  for (size_t i = 0; i < kIpv4HeaderSize; i += 2)
    sum += load_be16(header + i);
  while (sum >> 16)
    sum = (sum & 0xFFFF) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

}  // namespace

PcapFile::PcapFile(const std::string& path) : file_(std::fopen(path.c_str(), "wb")) {
  if (file_ == nullptr) {
    failed_ = true;
    return;
  }
  const uint32_t magic = kPcapMagic;
  const uint16_t version_major = 2;
  const uint16_t version_minor = 4;
  const int32_t thiszone = 0;
  const uint32_t sigfigs = 0;
  const uint32_t snaplen = kSnapLength;
  const uint32_t linktype = kLinkTypeRaw;
  write(&magic, 4);
  write(&version_major, 2);
  write(&version_minor, 2);
  write(&thiszone, 4);
  write(&sigfigs, 4);
  write(&snaplen, 4);
  write(&linktype, 4);
}

PcapFile::~PcapFile() {
  close();
}

void PcapFile::write(const void* data, size_t size) {
  if (file_ == nullptr || failed_) return;
  if (std::fwrite(data, 1, size, file_) != size) failed_ = true;
}

void PcapFile::write_sctp_packet(ByteSpan sctp_packet) {
  std::array<uint8_t, kIpv4HeaderSize> ip{};
  const size_t total = kIpv4HeaderSize + sctp_packet.size();
  if (total > kSnapLength) {
    failed_ = true;
    return;
  }
  ip[0] = 0x45;  // version 4, header length 5 words
  store_be16(ip.data() + 2, static_cast<uint16_t>(total));
  store_be16(ip.data() + 4, static_cast<uint16_t>(frames_));  // identification
  ip[6] = 0x40;                                               // don't fragment
  ip[8] = 64;                                                 // TTL
  ip[9] = kIpProtocolSctp;
  store_be32(ip.data() + 12, 0x7F000001);  // 127.0.0.1
  store_be32(ip.data() + 16, 0x7F000002);  // 127.0.0.2
  store_be16(ip.data() + 10, ipv4_header_checksum(ip.data()));

  const uint32_t ts_sec = 1700000000 + frames_ / 1000;
  const uint32_t ts_usec = (frames_ % 1000) * 1000;
  const uint32_t length = static_cast<uint32_t>(total);
  write(&ts_sec, 4);
  write(&ts_usec, 4);
  write(&length, 4);  // captured length
  write(&length, 4);  // original length
  write(ip.data(), ip.size());
  write(sctp_packet.data(), sctp_packet.size());
  ++frames_;
}

bool PcapFile::close() {
  if (!closed_) {
    closed_ = true;
    if (file_ == nullptr || std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
  }
  return !failed_;
}

}  // namespace sctp::wire
