#include "packet/packet_view.h"

#include <gtest/gtest.h>

#include <vector>

namespace sctp {
namespace {

std::vector<uint8_t> header() {
  return {0x13, 0x88, 0x13, 0x89, 0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 0};
}

TEST(PacketView, ParsesHeaderAndChunks) {
  auto p = header();
  // COOKIE ACK (4 bytes) + DATA-like chunk of length 5 (1 byte value + 3 padding).
  p.insert(p.end(), {11, 0, 0, 4, 0x99, 0x01, 0x00, 0x05, 0xAA, 0, 0, 0});
  auto view = PacketView::parse(p);
  ASSERT_TRUE(view) << to_string(view.error());
  EXPECT_EQ(view->header().source_port, 5000);
  EXPECT_EQ(view->header().destination_port, 5001);
  EXPECT_EQ(view->header().verification_tag, VerificationTag(0xDEADBEEF));
  EXPECT_EQ(view->chunk_count(), 2u);
  auto it = view->begin();
  EXPECT_EQ((*it).type, 11);
  EXPECT_TRUE((*it).value.empty());
  ++it;
  EXPECT_EQ((*it).type, 0x99);
  EXPECT_EQ((*it).flags, 0x01);
  ASSERT_EQ((*it).value.size(), 1u);
  EXPECT_EQ((*it).value[0], 0xAA);
  ++it;
  EXPECT_EQ(it, view->end());
}

TEST(PacketView, EmptyChunkListIsValidFraming) {
  auto p = header();
  auto view = PacketView::parse(p);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->chunk_count(), 0u);
}

struct Malformed {
  const char* name;
  std::vector<uint8_t> chunks;
  ParseErrorCode expected;
};

TEST(PacketView, RejectsMalformedFraming) {
  const std::vector<Malformed> cases = {
      {"truncated chunk header", {11, 0, 0}, ParseErrorCode::kTruncated},
      {"zero chunk length", {11, 0, 0, 0}, ParseErrorCode::kLengthTooShort},
      {"chunk length 3", {11, 0, 0, 3}, ParseErrorCode::kLengthTooShort},
      {"chunk length past end", {0, 0, 0, 20, 1, 2, 3, 4}, ParseErrorCode::kLengthTooLong},
      {"last chunk unpadded", {0x99, 0, 0, 5, 0xAA}, ParseErrorCode::kBadPadding},
      {"second chunk truncated", {11, 0, 0, 4, 11, 0}, ParseErrorCode::kTruncated},
  };
  for (const auto& c : cases) {
    auto p = header();
    p.insert(p.end(), c.chunks.begin(), c.chunks.end());
    auto view = PacketView::parse(p);
    ASSERT_FALSE(view) << c.name;
    EXPECT_EQ(view.error().code, c.expected) << c.name;
  }
  std::vector<uint8_t> short_header(11, 0);
  auto view = PacketView::parse(short_header);
  ASSERT_FALSE(view);
  EXPECT_EQ(view.error().code, ParseErrorCode::kTruncated);
}

}  // namespace
}  // namespace sctp
