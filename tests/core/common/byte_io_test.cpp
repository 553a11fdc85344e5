#include "common/byte_io.h"

#include <gtest/gtest.h>

#include <array>

namespace sctp {
namespace {

TEST(ByteWriter, WritesBigEndianAndPads) {
  std::array<uint8_t, 12> buf{};
  ByteWriter w(buf);
  w.u8(0xAB);
  w.u16(0x0102);
  w.u32(0x03040506);
  w.pad_to_4();
  EXPECT_FALSE(w.overflowed());
  EXPECT_EQ(w.size(), 8u);
  const std::array<uint8_t, 8> expected{0xAB, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x00};
  EXPECT_TRUE(std::equal(expected.begin(), expected.end(), buf.begin()));
}

TEST(ByteWriter, OverflowStopsWritingAndIsSticky) {
  std::array<uint8_t, 5> buf{};
  ByteWriter w(buf);
  w.u32(1);
  w.u16(2);  // does not fit
  EXPECT_TRUE(w.overflowed());
  w.u8(3);  // would fit, but overflow is sticky
  EXPECT_EQ(w.size(), 4u);
}

TEST(ByteReader, BoundsCheck) {
  std::array<uint8_t, 4> buf{0, 1, 2, 3};
  ByteReader r(buf);
  EXPECT_TRUE(r.has(0, 4));
  EXPECT_FALSE(r.has(1, 4));
  EXPECT_FALSE(r.has(5, 0));
  EXPECT_EQ(r.u16(2), 0x0203);
  EXPECT_EQ(r.u32(0), 0x00010203u);
}

TEST(Pad4, RoundsUp) {
  EXPECT_EQ(pad4(0), 0u);
  EXPECT_EQ(pad4(1), 4u);
  EXPECT_EQ(pad4(4), 4u);
  EXPECT_EQ(pad4(17), 20u);
}

}  // namespace
}  // namespace sctp
