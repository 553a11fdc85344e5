#include "packet/packet_builder.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "packet/chunks/data_chunk.h"
#include "packet/crc32c.h"
#include "packet/packet_view.h"

namespace sctp {
namespace {

const CommonHeader kHeader{5000, 5001, VerificationTag(0xDEADBEEF), 0};

DataChunk data_chunk(uint32_t tsn, ByteSpan payload) {
  DataChunk chunk;
  chunk.tsn = Tsn(tsn);
  chunk.stream_id = StreamId(1);
  chunk.ssn = Ssn(uint16_t(tsn));
  chunk.ppid = Ppid(51);
  chunk.beginning = chunk.ending = true;
  chunk.payload = payload;
  return chunk;
}

TEST(PacketBuilder, WritesTheCommonHeader) {
  std::array<uint8_t, 64> buffer{};
  PacketBuilder builder(buffer, 1200, kHeader);
  EXPECT_TRUE(builder.valid());
  EXPECT_TRUE(builder.empty());
  EXPECT_EQ(builder.size(), kCommonHeaderSize);
  EXPECT_EQ(builder.bytes_remaining(), 64u - kCommonHeaderSize);  // the buffer is the limit here
  const ByteSpan packet = builder.finish(ChecksumMode::kCrc32c);
  ASSERT_EQ(packet.size(), kCommonHeaderSize);
  EXPECT_EQ(load_be16(packet.data()), 5000);
  EXPECT_EQ(load_be16(packet.data() + 2), 5001);
  EXPECT_EQ(load_be32(packet.data() + 4), 0xDEADBEEFu);
  EXPECT_TRUE(verify_packet_checksum(packet));
}

// Three DATA chunks of 100 bytes (16 header + 84 payload) fill a 312-byte
// packet exactly; after that not even a 4-byte chunk fits.
TEST(PacketBuilder, BundlesUpToTheMaximumSizeExactly) {
  std::vector<uint8_t> payload(84, 0x5A);
  std::vector<uint8_t> buffer(2048);
  const size_t max_packet_size = kCommonHeaderSize + 3 * 100;
  PacketBuilder builder(buffer, max_packet_size, kHeader);
  for (uint32_t tsn = 1; tsn <= 3; ++tsn) {
    ASSERT_TRUE(builder.add(data_chunk(tsn, payload))) << "chunk " << tsn;
  }
  EXPECT_EQ(builder.bytes_remaining(), 0u);
  EXPECT_FALSE(builder.fits(4));
  const std::array<uint8_t, 0> nothing{};
  EXPECT_FALSE(builder.add(data_chunk(4, nothing)));
  const ByteSpan packet = builder.finish(ChecksumMode::kCrc32c);
  EXPECT_EQ(packet.size(), max_packet_size);
  EXPECT_TRUE(verify_packet_checksum(packet));
}

TEST(PacketBuilder, ChunkThatDoesNotFitIsRefusedAndThePacketStaysValid) {
  std::vector<uint8_t> small(20, 0x11);
  std::vector<uint8_t> big(200, 0x22);
  std::vector<uint8_t> buffer(1500, 0xCC);  // poison: any stray write shows
  const size_t max_packet_size = 100;
  PacketBuilder builder(buffer, max_packet_size, kHeader);
  ASSERT_TRUE(builder.add(data_chunk(10, small)));  // 36 bytes
  const size_t size_before = builder.size();
  const std::vector<uint8_t> before(buffer.begin(), buffer.end());

  EXPECT_FALSE(builder.fits(16 + big.size()));
  EXPECT_FALSE(builder.add(data_chunk(11, big)));
  EXPECT_EQ(builder.size(), size_before);
  EXPECT_EQ(builder.chunk_count(), 1u);
  EXPECT_EQ(buffer, before) << "a refused chunk must write nothing";

  // What is left (100 - 12 - 36 = 52) still takes a smaller chunk.
  EXPECT_EQ(builder.bytes_remaining(), 52u);
  ASSERT_TRUE(builder.add(data_chunk(12, small)));

  const ByteSpan packet = builder.finish(ChecksumMode::kCrc32c);
  EXPECT_TRUE(verify_packet_checksum(packet));
  auto view = PacketView::parse(packet);
  ASSERT_TRUE(view) << to_string(view.error());
  EXPECT_EQ(view->header().source_port, 5000);
  EXPECT_EQ(view->header().destination_port, 5001);
  EXPECT_EQ(view->header().verification_tag, VerificationTag(0xDEADBEEF));
  ASSERT_EQ(view->chunk_count(), 2u);
  std::vector<uint32_t> tsns;
  for (const RawChunk& raw : *view) {
    auto chunk = DataChunk::parse(raw);
    ASSERT_TRUE(chunk);
    EXPECT_EQ(*chunk, data_chunk(chunk->tsn.value(), small));
    tsns.push_back(chunk->tsn.value());
  }
  EXPECT_EQ(tsns, (std::vector<uint32_t>{10, 12}));
}

// RFC 9260 section 3.2: a chunk is padded to four bytes and the padding
// counts against the packet size, not the chunk length.
TEST(PacketBuilder, PaddingCountsAgainstTheRoomLeft) {
  const std::array<uint8_t, 3> payload{'a', 'b', 'c'};  // chunk length 19, 20 on the wire
  std::vector<uint8_t> buffer(256);
  PacketBuilder exact(buffer, kCommonHeaderSize + 20, kHeader);
  EXPECT_TRUE(exact.add(data_chunk(1, payload)));
  EXPECT_EQ(exact.size(), kCommonHeaderSize + 20);
  EXPECT_EQ(buffer[kCommonHeaderSize + 19], 0) << "padding byte is zero";

  PacketBuilder one_short(buffer, kCommonHeaderSize + 19, kHeader);
  EXPECT_FALSE(one_short.add(data_chunk(1, payload)));
  EXPECT_TRUE(one_short.empty());
}

TEST(PacketBuilder, ZeroChecksumModeForRfc9653) {
  const std::array<uint8_t, 4> payload{1, 2, 3, 4};
  std::vector<uint8_t> buffer(256);
  PacketBuilder builder(buffer, 256, kHeader);
  ASSERT_TRUE(builder.add(data_chunk(1, payload)));
  const ByteSpan packet = builder.finish(ChecksumMode::kZero);
  EXPECT_TRUE(packet_checksum_is_zero(packet));
  EXPECT_TRUE(PacketView::parse(packet));
  // Finishing again with CRC32c replaces the zero.
  const ByteSpan again = builder.finish(ChecksumMode::kCrc32c);
  EXPECT_TRUE(verify_packet_checksum(again));
}

TEST(PacketBuilder, ClearChunksKeepsTheHeaderForTheNextPacket) {
  const std::array<uint8_t, 8> payload{};
  std::vector<uint8_t> buffer(128);
  PacketBuilder builder(buffer, 128, kHeader);
  ASSERT_TRUE(builder.add(data_chunk(1, payload)));
  builder.clear_chunks();
  EXPECT_TRUE(builder.empty());
  EXPECT_EQ(builder.size(), kCommonHeaderSize);
  ASSERT_TRUE(builder.add(data_chunk(2, payload)));
  auto view = PacketView::parse(builder.finish(ChecksumMode::kCrc32c));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->chunk_count(), 1u);
  EXPECT_EQ(view->header().verification_tag, VerificationTag(0xDEADBEEF));
}

TEST(PacketBuilder, TooSmallForTheCommonHeaderRefusesEverything) {
  std::array<uint8_t, 64> buffer{};
  PacketBuilder builder(buffer, kCommonHeaderSize - 1, kHeader);
  EXPECT_FALSE(builder.valid());
  EXPECT_EQ(builder.bytes_remaining(), 0u);
  const std::array<uint8_t, 0> nothing{};
  EXPECT_FALSE(builder.add(data_chunk(1, nothing)));
  EXPECT_TRUE(builder.finish(ChecksumMode::kCrc32c).empty());
}

// A chunk type whose serialize() disagrees with its length() is refused
// rather than framed wrongly.
struct LyingChunk {
  size_t claimed;
  size_t written;
  [[nodiscard]] size_t length() const { return claimed; }
  void serialize(ByteWriter& writer) const {
    writer.u8(0x3F);
    writer.u8(0);
    writer.u16(uint16_t(claimed));
    writer.zeros(written - 4);
  }
};

TEST(PacketBuilder, RefusesChunksWhoseSerializationDisagreesWithTheirLength) {
  std::vector<uint8_t> buffer(256);
  PacketBuilder builder(buffer, 256, kHeader);
  EXPECT_FALSE(builder.add(LyingChunk{8, 4}));   // writes less than it claims
  EXPECT_FALSE(builder.add(LyingChunk{8, 12}));  // writes more than it claims
  EXPECT_FALSE(builder.add(LyingChunk{2, 4}));   // shorter than a chunk header
  EXPECT_TRUE(builder.empty());
  EXPECT_TRUE(builder.add(LyingChunk{8, 8}));
  EXPECT_EQ(builder.size(), kCommonHeaderSize + 8);
}

}  // namespace
}  // namespace sctp
