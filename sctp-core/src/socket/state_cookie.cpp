#include "socket/state_cookie.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <iterator>
#include <limits>

namespace sctp {
namespace {

constexpr std::array<uint8_t, 4> kMagic = {'S', 'C', 'K', '1'};

// OpenSSL's atexit handler frees its global state while threads of the
// embedding process (GStreamer's pooled streaming threads) may still be
// exiting; their OpenSSL thread-exit destructor then touches freed memory
// (seen as a crash in libcrypto at process exit in the gst tests). Opting out
// of the atexit clean-up avoids that; the OS reclaims the memory anyway. It
// only takes effect if nothing in the process initialised OpenSSL before.
void init_openssl_once() {
  static const bool initialised = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
  (void)initialised;
}

// False if OpenSSL could not compute the MAC (out of memory); `out` is then
// zeroed, and verify() treats the cookie as not ours.
[[nodiscard]] bool compute_mac(const StateCookieSigner::Secret& secret, ByteSpan data,
                               uint8_t (&out)[StateCookieSigner::kMacSize]) {
  init_openssl_once();
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), secret.data(), int(secret.size()), data.data(), data.size(), out, &len) ==
          nullptr ||
      len != StateCookieSigner::kMacSize) {
    std::fill(std::begin(out), std::end(out), uint8_t{0});
    return false;
  }
  return true;
}

}  // namespace

StateCookieSigner::Cookie StateCookieSigner::sign(const StateCookieContents& c) const {
  Cookie cookie{};
  ByteWriter w(cookie);
  w.bytes(kMagic);
  w.u64(uint64_t(c.created.ms));
  w.u32(uint32_t(std::clamp<int64_t>(c.lifespan.count(), 0, std::numeric_limits<uint32_t>::max())));
  w.u32(c.local_tag.value());
  w.u32(c.peer_tag.value());
  w.u32(c.local_initial_tsn.value());
  w.u32(c.peer_initial_tsn.value());
  w.u32(c.peer_a_rwnd);
  w.u16(c.peer_outbound_streams);
  w.u16(c.peer_inbound_streams);
  w.u32(c.local_tie_tag.value());
  w.u32(c.peer_tie_tag.value());
  w.u8(c.capabilities.to_bits());
  w.zeros(kSignedSize - w.size());
  uint8_t mac[kMacSize];
  // On failure the zero MAC makes the peer's COOKIE ECHO fail verification:
  // the handshake times out instead of accepting an unsigned cookie.
  (void)compute_mac(secret_, ByteSpan(cookie.data(), kSignedSize), mac);
  w.bytes(ByteSpan(mac, kMacSize));
  return cookie;
}

Expected<StateCookieContents, CookieError> StateCookieSigner::verify(ByteSpan cookie) const {
  if (cookie.size() != kCookieSize) return Unexpected(CookieError::kMalformed);
  uint8_t mac[kMacSize];
  if (!compute_mac(secret_, cookie.subspan(0, kSignedSize), mac) ||
      CRYPTO_memcmp(mac, cookie.data() + kSignedSize, kMacSize) != 0) {
    return Unexpected(CookieError::kBadMac);
  }
  // The MAC covers the magic, so a valid MAC with the wrong magic cannot
  // happen with our own secret; checked anyway for a format change.
  if (!std::equal(kMagic.begin(), kMagic.end(), cookie.begin())) {
    return Unexpected(CookieError::kMalformed);
  }
  ByteReader r(cookie);
  StateCookieContents c;
  c.created = TimeMs{int64_t(r.u64(4))};
  c.lifespan = DurationMs(r.u32(12));
  c.local_tag = VerificationTag(r.u32(16));
  c.peer_tag = VerificationTag(r.u32(20));
  c.local_initial_tsn = Tsn(r.u32(24));
  c.peer_initial_tsn = Tsn(r.u32(28));
  c.peer_a_rwnd = r.u32(32);
  c.peer_outbound_streams = r.u16(36);
  c.peer_inbound_streams = r.u16(38);
  c.local_tie_tag = VerificationTag(r.u32(40));
  c.peer_tie_tag = VerificationTag(r.u32(44));
  c.capabilities = PeerCapabilities::from_bits(r.u8(48));
  return c;
}

std::optional<uint32_t> cookie_staleness_us(const StateCookieContents& contents, TimeMs now) {
  const TimeMs expires = contents.created + contents.lifespan;
  if (now <= expires) return std::nullopt;
  const int64_t us = (now - expires).count() * 1000;
  return uint32_t(std::min<int64_t>(us, std::numeric_limits<uint32_t>::max()));
}

}  // namespace sctp
