// SCTP common header (RFC 9260 section 3.1).
#pragma once

#include <cstddef>
#include <cstdint>

#include "sctp/strong_types.h"

namespace sctp {

inline constexpr size_t kCommonHeaderSize = 12;

struct CommonHeader {
  uint16_t source_port = 0;
  uint16_t destination_port = 0;
  VerificationTag verification_tag;
  uint32_t checksum = 0;  // as read from the wire (little-endian CRC32c bytes, see crc32c.h)

  bool operator==(const CommonHeader&) const = default;
};

}  // namespace sctp
