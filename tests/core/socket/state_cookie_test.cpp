// State cookie signing and checking: RFC 9260 sections 5.1.3 and 5.1.5.
#include "socket/state_cookie.h"

#include <gtest/gtest.h>

namespace sctp {
namespace {

StateCookieSigner::Secret secret(uint8_t seed) {
  StateCookieSigner::Secret s{};
  for (size_t i = 0; i < s.size(); ++i)
    s[i] = uint8_t(seed + i * 7);
  return s;
}

StateCookieContents sample() {
  StateCookieContents c;
  c.created = TimeMs{123456789};
  c.lifespan = DurationMs(60000);
  c.local_tag = VerificationTag(0x11223344);
  c.peer_tag = VerificationTag(0x55667788);
  c.local_initial_tsn = Tsn(0xFFFFFFF0);
  c.peer_initial_tsn = Tsn(7);
  c.peer_a_rwnd = 131072;
  c.peer_outbound_streams = 1024;
  c.peer_inbound_streams = 65535;
  c.local_tie_tag = VerificationTag(0xAABBCCDD);
  c.peer_tie_tag = VerificationTag(0x01020304);
  c.capabilities.partial_reliability = true;
  c.capabilities.zero_checksum = true;
  return c;
}

TEST(StateCookie, Section5_1_3_SignedCookieVerifiesAndRoundTrips) {
  StateCookieSigner signer(secret(1));
  const auto cookie = signer.sign(sample());
  auto decoded = signer.verify(cookie);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, sample());
}

TEST(StateCookie, Section5_1_5_Step2_AnyFlippedBitIsRejectedAsForged) {
  StateCookieSigner signer(secret(1));
  const auto cookie = signer.sign(sample());
  for (size_t i = 0; i < cookie.size(); ++i) {
    for (int bit = 0; bit < 8; bit += 3) {
      auto forged = cookie;
      forged[i] ^= uint8_t(1 << bit);
      auto result = signer.verify(forged);
      ASSERT_FALSE(result) << "byte " << i << " bit " << bit;
      EXPECT_EQ(result.error(), CookieError::kBadMac);
    }
  }
}

TEST(StateCookie, Section5_1_5_Step2_CookieOfAnotherSecretIsRejected) {
  StateCookieSigner mine(secret(1));
  StateCookieSigner theirs(secret(2));
  auto result = mine.verify(theirs.sign(sample()));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error(), CookieError::kBadMac);
}

TEST(StateCookie, WrongSizeIsMalformed) {
  StateCookieSigner signer(secret(1));
  const auto cookie = signer.sign(sample());
  for (size_t n : {size_t(0), size_t(1), cookie.size() - 1}) {
    auto result = signer.verify(ByteSpan(cookie.data(), n));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error(), CookieError::kMalformed);
  }
  std::vector<uint8_t> longer(cookie.begin(), cookie.end());
  longer.push_back(0);
  EXPECT_FALSE(signer.verify(longer));
}

TEST(StateCookie, Section5_1_5_Step4_StalenessInMicroseconds) {
  StateCookieContents c = sample();
  EXPECT_EQ(cookie_staleness_us(c, c.created), std::nullopt);
  EXPECT_EQ(cookie_staleness_us(c, c.created + c.lifespan), std::nullopt);
  EXPECT_EQ(cookie_staleness_us(c, c.created + c.lifespan + DurationMs(1)), 1000u);
  EXPECT_EQ(cookie_staleness_us(c, c.created + c.lifespan + DurationMs(2500)), 2500000u);
  // Saturates instead of wrapping.
  EXPECT_EQ(cookie_staleness_us(c, c.created + DurationMs(int64_t(1) << 40)), 0xFFFFFFFFu);
}

TEST(PeerCapabilities, BitsRoundTrip) {
  for (unsigned bits = 0; bits < 16; ++bits) {
    EXPECT_EQ(PeerCapabilities::from_bits(uint8_t(bits)).to_bits(), bits);
  }
}

}  // namespace
}  // namespace sctp
