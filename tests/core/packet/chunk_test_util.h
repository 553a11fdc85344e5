// Helpers shared by the chunk tests: framing hand-written bytes as a
// RawChunk, serializing into a vector, and running malformed-input tables.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/raw_chunk.h"

namespace sctp::test {

using Bytes = std::vector<uint8_t>;

// Frames `bytes` (a chunk header, value and optional padding) as PacketView
// would: the value runs to the chunk's Length field, padding excluded.
inline RawChunk raw_of(const Bytes& bytes) {
  EXPECT_GE(bytes.size(), 4u);
  const uint16_t length = load_be16(bytes.data() + 2);
  EXPECT_GE(length, 4u);
  EXPECT_LE(length, bytes.size());
  return RawChunk{bytes[0], bytes[1], ByteSpan(bytes).subspan(4, length - 4),
                  ByteSpan(bytes).subspan(0, length)};
}

// The same bytes with another chunk type.
inline Bytes with_type(Bytes bytes, uint8_t type) {
  // Guarded so GCC's -Wnull-dereference sees no write through an empty vector.
  if (!bytes.empty()) bytes.front() = type;
  return bytes;
}

// The same bytes with the flags byte replaced.
inline Bytes with_flags(Bytes bytes, uint8_t flags) {
  if (bytes.size() >= 2) bytes[1] = flags;
  return bytes;
}

// Serializes `chunk`, checking that it wrote length() rounded up to 4 bytes.
template <typename Chunk>
Bytes serialized(const Chunk& chunk) {
  std::array<uint8_t, 4096> buffer{};
  ByteWriter writer(buffer);
  chunk.serialize(writer);
  EXPECT_FALSE(writer.overflowed());
  EXPECT_EQ(writer.size(), pad4(chunk.length()));
  return Bytes(writer.written().begin(), writer.written().end());
}

// `chunk` serializes to exactly `golden`, `golden` parses back to `chunk`,
// and the parsed chunk serializes to `golden` again.
template <typename Chunk>
void expect_golden_round_trip(const Chunk& chunk, const Bytes& golden) {
  EXPECT_EQ(serialized(chunk), golden);
  auto parsed = Chunk::parse(raw_of(golden));
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(*parsed, chunk);
  EXPECT_EQ(serialized(*parsed), golden);
}

// Flags a chunk type does not define are ignored on receipt and sent as zero
// (RFC 9260 section 3.2): `golden` with its flags byte set to `flags` parses,
// and serializes back to `golden`.
template <typename Chunk>
void expect_flags_ignored(const Bytes& golden, uint8_t flags) {
  const Bytes flagged = with_flags(golden, flags);  // parsed chunks may view it
  auto parsed = Chunk::parse(raw_of(flagged));
  ASSERT_TRUE(parsed) << to_string(parsed.error());
  EXPECT_EQ(serialized(*parsed), golden);
}

struct MalformedChunk {
  const char* name;
  Bytes bytes;  // a framed chunk: its Length field fits these bytes
  ParseErrorCode expected;
};

template <typename Chunk>
void expect_all_rejected(const std::vector<MalformedChunk>& cases) {
  for (const MalformedChunk& c : cases) {
    auto parsed = Chunk::parse(raw_of(c.bytes));
    if (parsed) {
      ADD_FAILURE() << c.name << ": parsed, expected " << to_string(c.expected);
    } else {
      EXPECT_EQ(parsed.error().code, c.expected) << c.name << ": got " << to_string(parsed.error());
    }
  }
}

}  // namespace sctp::test
