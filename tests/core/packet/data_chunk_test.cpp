#include "packet/chunks/data_chunk.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "packet/packet_view.h"

namespace sctp {
namespace {

RawChunk raw_of(const std::vector<uint8_t>& bytes) {
  const uint16_t length = load_be16(bytes.data() + 2);
  return RawChunk{bytes[0], bytes[1], ByteSpan(bytes).subspan(4, length - 4),
                  ByteSpan(bytes).subspan(0, length)};
}

// Golden bytes: RFC 9260 section 3.3.1 layout, flags U|B|E and the RFC 7053 I bit.
const std::vector<uint8_t> kGolden = {
    0x00, 0x0F, 0x00, 0x13,  // type 0, flags I|U|B|E, length 19
    0x12, 0x34, 0x56, 0x78,  // TSN
    0x00, 0x07, 0x00, 0x09,  // stream 7, SSN 9
    0x00, 0x00, 0x00, 0x33,  // PPID 51
    'a',  'b',  'c',  0x00,  // user data + 1 byte padding
};

TEST(DataChunk, ParsesGoldenBytes) {
  auto chunk = DataChunk::parse(raw_of(kGolden));
  ASSERT_TRUE(chunk);
  EXPECT_EQ(chunk->tsn, Tsn(0x12345678));
  EXPECT_EQ(chunk->stream_id, StreamId(7));
  EXPECT_EQ(chunk->ssn, Ssn(9));
  EXPECT_EQ(chunk->ppid, Ppid(51));
  EXPECT_TRUE(chunk->unordered);
  EXPECT_TRUE(chunk->beginning);
  EXPECT_TRUE(chunk->ending);
  EXPECT_TRUE(chunk->immediate_sack);
  ASSERT_EQ(chunk->payload.size(), 3u);
  EXPECT_EQ(chunk->payload[2], 'c');
}

TEST(DataChunk, SerializesToGoldenBytesAndRoundTrips) {
  const std::array<uint8_t, 3> payload{'a', 'b', 'c'};
  DataChunk chunk;
  chunk.tsn = Tsn(0x12345678);
  chunk.stream_id = StreamId(7);
  chunk.ssn = Ssn(9);
  chunk.ppid = Ppid(51);
  chunk.unordered = chunk.beginning = chunk.ending = chunk.immediate_sack = true;
  chunk.payload = payload;
  std::array<uint8_t, 64> buf{};
  ByteWriter w(buf);
  chunk.serialize(w);
  ASSERT_FALSE(w.overflowed());
  EXPECT_EQ(std::vector<uint8_t>(w.written().begin(), w.written().end()), kGolden);
  auto parsed = DataChunk::parse(raw_of(kGolden));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, chunk);
}

TEST(DataChunk, RejectsShortLengthAndWrongType) {
  std::vector<uint8_t> short_chunk = {0x00, 0x03, 0x00, 0x0F, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0};
  auto r = DataChunk::parse(raw_of(short_chunk));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ParseErrorCode::kLengthTooShort);
  std::vector<uint8_t> other = kGolden;
  other[0] = 64;
  auto w = DataChunk::parse(raw_of(other));
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, ParseErrorCode::kWrongType);
}

TEST(DataChunk, EmptyPayloadParsesForNoUserDataHandling) {
  std::vector<uint8_t> empty = {0x00, 0x03, 0x00, 0x10, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
  auto r = DataChunk::parse(raw_of(empty));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->payload.empty());
}

}  // namespace
}  // namespace sctp
