// Writes SCTP packets into a classic pcap file, each wrapped in an IPv4
// header (protocol 132) under link type RAW, so Wireshark/tshark dissect them
// with their SCTP dissector. Test tooling only; not part of sctp-core.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "common/byte_io.h"

namespace sctp::wire {

class PcapFile {
 public:
  // Opens `path` for writing and writes the pcap global header. Check ok().
  explicit PcapFile(const std::string& path);
  ~PcapFile();
  PcapFile(const PcapFile&) = delete;
  PcapFile& operator=(const PcapFile&) = delete;

  [[nodiscard]] bool ok() const { return !failed_; }
  // Appends one frame: an IPv4 header from 127.0.0.1 to 127.0.0.2 followed by
  // `sctp_packet`. Timestamps advance by one millisecond per frame.
  void write_sctp_packet(ByteSpan sctp_packet);
  // Flushes and closes; returns whether every write succeeded.
  bool close();

 private:
  void write(const void* data, size_t size);

  std::FILE* file_ = nullptr;
  bool failed_ = false;
  bool closed_ = false;
  uint32_t frames_ = 0;
};

}  // namespace sctp::wire
