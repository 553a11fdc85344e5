// CRC32c (Castagnoli), the SCTP checksum (RFC 9260 section 6.8 and appendix B).
//
// The polynomial is 0x1EDC6F41, used bit-reflected (0x82F63B78), with an
// initial value of all ones and a final complement. Appendix B fixes how the
// 32-bit result goes on the wire: the checksum field carries the CRC's least
// significant byte first (byte 8 of the packet = bits 0..7 of the CRC). That is
// the opposite of every other SCTP field, which is why the checksum is never
// read or written through the big-endian helpers of byte_io.h.
//
// Two implementations compute the same function: the SSE4.2 CRC32 instruction
// (x86-64, chosen at run time, so the library still runs on baseline x86-64)
// and a portable slicing-by-8 table. Everything here is reentrant, allocates
// nothing, and never reads outside the given span.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/byte_io.h"

namespace sctp {

enum class Crc32cPath : uint8_t {
  kPortable,  // slicing-by-8 tables, any CPU
  kSse42,     // x86-64 SSE4.2 CRC32 instruction
};

[[nodiscard]] const char* to_string(Crc32cPath path);

// Whether `path` can run on this CPU (kPortable always can).
[[nodiscard]] bool crc32c_path_available(Crc32cPath path);
// The fastest available path; what crc32c() and Crc32c use.
[[nodiscard]] Crc32cPath crc32c_selected_path();

// Advances a raw CRC register (not complemented) over `data` with a given
// path. `path` must be available. For tests and benchmarks that need to pin
// an implementation; everyone else uses crc32c() or Crc32c.
[[nodiscard]] uint32_t crc32c_update(Crc32cPath path, uint32_t state, ByteSpan data);

// CRC32c of a byte string, e.g. crc32c("123456789") == 0xE3069283.
[[nodiscard]] uint32_t crc32c(ByteSpan data);
[[nodiscard]] uint32_t crc32c(ByteSpan data, Crc32cPath path);

// Incremental form: feeding the same bytes in any split gives crc32c(all).
class Crc32c {
 public:
  Crc32c() = default;
  explicit Crc32c(Crc32cPath path) : path_(path) {}
  void update(ByteSpan data) { state_ = crc32c_update(path_, state_, data); }
  // The CRC of everything fed so far; update() may continue afterwards.
  [[nodiscard]] uint32_t value() const { return ~state_; }

 private:
  Crc32cPath path_ = crc32c_selected_path();
  uint32_t state_ = 0xFFFFFFFFu;
};

// ---- The checksum field of an SCTP packet (common header bytes 8..11) ----

inline constexpr size_t kChecksumOffset = 8;

// CRC32c of a whole packet computed as if its checksum field were zero
// (RFC 9260 section 6.8), without modifying or copying the packet. Packets
// shorter than the common header yield the CRC of their bytes as they are.
[[nodiscard]] uint32_t packet_crc32c(ByteSpan packet);

// Stores `crc` in the checksum field in appendix B byte order.
void store_packet_checksum(MutableByteSpan packet, uint32_t crc);
// Reads the checksum field in appendix B byte order.
[[nodiscard]] uint32_t load_packet_checksum(ByteSpan packet);

// Fills the checksum field with the packet's CRC32c. Does nothing to packets
// shorter than the common header.
void write_packet_checksum(MutableByteSpan packet);
// Fills the checksum field with zero: RFC 9653 section 5, for use only once
// the peer has announced that it accepts packets without a CRC32c.
void write_zero_checksum(MutableByteSpan packet);
// True when the checksum field holds the packet's CRC32c. A zero checksum
// does not pass here: whether one is acceptable depends on what was
// negotiated (RFC 9653 section 5.3), so callers check for it themselves.
[[nodiscard]] bool verify_packet_checksum(ByteSpan packet);
[[nodiscard]] bool packet_checksum_is_zero(ByteSpan packet);

}  // namespace sctp
