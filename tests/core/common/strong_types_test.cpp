#include "sctp/strong_types.h"

#include <gtest/gtest.h>

namespace sctp {
namespace {

// RFC 1982 section 3.2 ordering, including across the wrap.
TEST(SerialNumber, OrdersAcrossWraparound) {
  EXPECT_LT(Tsn(1), Tsn(2));
  EXPECT_LT(Tsn(0xFFFFFFFF), Tsn(0));
  EXPECT_GT(Tsn(0), Tsn(0xFFFFFFFF));
  EXPECT_LT(Tsn(0xFFFFFFF0), Tsn(5));
  EXPECT_LE(Tsn(7), Tsn(7));
  EXPECT_GE(Tsn(7), Tsn(7));
  EXPECT_FALSE(Tsn(7) < Tsn(7));
  EXPECT_LT(Ssn(65535), Ssn(0));
  EXPECT_LT(Ssn(65000), Ssn(100));
}

TEST(SerialNumber, HalfSpaceApartIsOrderedConsistently) {
  const Tsn a(0), b(0x80000000u);
  EXPECT_NE(a < b, b < a);
}

TEST(SerialNumber, ArithmeticWraps) {
  EXPECT_EQ(Tsn(0xFFFFFFFF).next(), Tsn(0));
  EXPECT_EQ(Tsn(0).prev(), Tsn(0xFFFFFFFF));
  EXPECT_EQ(Ssn(65535).plus(2), Ssn(1));
  EXPECT_EQ(Tsn(2).distance_from(Tsn(0xFFFFFFFE)), 4u);
}

TEST(SerialUnwrapper, UnwrapsMonotonicallyAcrossWrap) {
  SerialUnwrapper<Tsn> u(Tsn(0xFFFFFFFE));
  const auto a = u.unwrap(Tsn(0xFFFFFFFE));
  const auto b = u.unwrap(Tsn(0xFFFFFFFF));
  const auto c = u.unwrap(Tsn(0));
  const auto d = u.unwrap(Tsn(5));
  EXPECT_EQ(b, a + 1);
  EXPECT_EQ(c, a + 2);
  EXPECT_EQ(d, a + 7);
  // Behind the reference maps below it, without moving it.
  EXPECT_EQ(u.peek(Tsn(0xFFFFFFFF)), b);
  EXPECT_EQ(u.wrap(d), Tsn(5));
}

TEST(StrongId, ComparesByValue) {
  EXPECT_EQ(StreamId(3), StreamId(3));
  EXPECT_LT(StreamId(3), StreamId(4));
  EXPECT_NE(Ppid(51), Ppid(53));
}

}  // namespace
}  // namespace sctp
