// The State Cookie (RFC 9260 sections 5.1.3 and 5.1.5): everything the
// responder needs to build the association, handed to the peer in INIT ACK
// and returned in COOKIE ECHO, so that the responder keeps no state before
// a valid COOKIE ECHO arrives.
//
// It is signed with HMAC-SHA-256 under a per-socket random secret. A cookie
// whose MAC does not verify is forged or corrupt and is discarded silently
// (5.1.5 step 2); a valid one older than its lifespan is stale (step 4).
//
// Layout (big-endian, 96 bytes):
//   0  magic "SCK1"                       4  created (TimeMs, 8 bytes)
//  12  lifespan ms (4)                   16  local tag     20  peer tag
//  24  local initial TSN                 28  peer initial TSN
//  32  peer a_rwnd                       36  peer OS (2)   38  peer MIS (2)
//  40  local tie-tag                     44  peer tie-tag
//  48  capability bits (1), 3 zero bytes
//  52  reserved (12 zero bytes, covered by the MAC)
//  64  HMAC-SHA-256 over bytes 0..63 (32)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/byte_io.h"
#include "sctp/expected.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"
#include "socket/peer_capabilities.h"

namespace sctp {

struct StateCookieContents {
  TimeMs created;
  DurationMs lifespan{0};
  VerificationTag local_tag;  // our Initiate Tag in the INIT ACK
  VerificationTag peer_tag;   // the Initiate Tag of the peer's INIT
  Tsn local_initial_tsn;
  Tsn peer_initial_tsn;
  uint32_t peer_a_rwnd = 0;
  uint16_t peer_outbound_streams = 0;
  uint16_t peer_inbound_streams = 0;
  // Section 5.2.2: the tags of the association that existed when the INIT
  // ACK was sent; zero when there was none (or in COOKIE-WAIT).
  VerificationTag local_tie_tag;
  VerificationTag peer_tie_tag;
  PeerCapabilities capabilities;

  bool operator==(const StateCookieContents&) const = default;
};

enum class CookieError : uint8_t {
  kMalformed,  // wrong size or magic
  kBadMac,     // forged or corrupted
};

class StateCookieSigner {
 public:
  static constexpr size_t kSecretSize = 32;
  static constexpr size_t kMacSize = 32;
  static constexpr size_t kSignedSize = 64;
  static constexpr size_t kCookieSize = kSignedSize + kMacSize;
  using Secret = std::array<uint8_t, kSecretSize>;
  using Cookie = std::array<uint8_t, kCookieSize>;

  explicit StateCookieSigner(const Secret& secret) : secret_(secret) {}

  [[nodiscard]] Cookie sign(const StateCookieContents& contents) const;
  // Checks size, magic and MAC (in constant time) and decodes.
  [[nodiscard]] Expected<StateCookieContents, CookieError> verify(ByteSpan cookie) const;

 private:
  Secret secret_;
};

// Section 5.1.5 step 4: how far past its lifespan a cookie is at `now`, in
// microseconds (the unit of the Stale Cookie cause, section 3.3.10.3), or
// nullopt while it is still valid.
[[nodiscard]] std::optional<uint32_t> cookie_staleness_us(const StateCookieContents& contents,
                                                          TimeMs now);

}  // namespace sctp
