// Helpers shared by the parameter and error-cause tests.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "common/byte_io.h"
#include "packet/tlv.h"

namespace sctp::testing {

using Bytes = std::vector<uint8_t>;

// Frames `bytes` (one TLV, padding optional) the way the list parsers do:
// value and whole end where the Length field says.
inline RawTlv raw_of(const Bytes& bytes) {
  const uint16_t length = load_be16(bytes.data() + 2);
  RawTlv raw;
  raw.byte0 = bytes[0];
  raw.byte1 = bytes[1];
  raw.whole = ByteSpan(bytes).subspan(0, length);
  raw.value = raw.whole.subspan(kTlvHeaderSize);
  return raw;
}

// A TLV with the given type/code and value, Length = 4 + value size, unpadded.
inline Bytes tlv(uint16_t type, const Bytes& value) {
  Bytes out = {uint8_t(type >> 8), uint8_t(type), uint8_t((value.size() + 4) >> 8),
               uint8_t(value.size() + 4)};
  out.insert(out.end(), value.begin(), value.end());
  return out;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts)
    out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline Bytes padded(Bytes bytes) {
  bytes.resize(pad4(bytes.size()), 0);
  return bytes;
}

// Runs `write(ByteWriter&)` into a scratch buffer and returns what it wrote.
template <typename Fn>
Bytes written_by(Fn&& write) {
  std::array<uint8_t, 2048> buf{};
  ByteWriter w(buf);
  write(w);
  EXPECT_FALSE(w.overflowed());
  return Bytes(w.written().begin(), w.written().end());
}

template <typename T>
Bytes serialized(const T& item) {
  return written_by([&item](ByteWriter& w) { item.serialize(w); });
}

}  // namespace sctp::testing
