// Checks shared by the libFuzzer targets: a failed check aborts, which
// libFuzzer reports as a crash and saves the input as a reproducer.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>

#include "common/byte_io.h"
#include "packet/raw_chunk.h"
#include "packet/tlv.h"

namespace sctp::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

inline void check(bool condition, const char* what) {
  if (!condition) fail(what);
}

// Big enough for any chunk or parameter: the length field is 16 bits.
using WireBuffer = std::array<uint8_t, 0x10000 + 4>;

// Serializes `item`, checks the framing of what it wrote (length field equal
// to length(), padded to four bytes), and returns the written bytes.
template <typename Item>
ByteSpan serialize_checked(const Item& item, WireBuffer& buffer, const char* what) {
  ByteWriter writer(buffer);
  item.serialize(writer);
  check(!writer.overflowed(), what);
  check(writer.size() == pad4(item.length()), what);
  check(item.length() >= kTlvHeaderSize && item.length() <= 0xFFFF, what);
  check(load_be16(buffer.data() + 2) == item.length(), what);
  return writer.written();
}

// The chunk in `bytes` (as written by serialize_checked) as PacketView would
// hand it out.
inline RawChunk raw_chunk_of(ByteSpan bytes) {
  const uint16_t length = load_be16(bytes.data() + 2);
  return RawChunk{bytes[0], bytes[1], bytes.subspan(kTlvHeaderSize, length - kTlvHeaderSize),
                  bytes.first(length)};
}

}  // namespace sctp::fuzz
