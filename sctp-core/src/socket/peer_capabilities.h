// What both ends of an association support, as negotiated in INIT and INIT
// ACK (RFC 5061 section 4.2.7 Supported Extensions, RFC 3758 section 3.1,
// RFC 9653 section 3). Each flag is true only when both ends offered it.
#pragma once

#include <cstdint>
#include <span>

#include "packet/parameter.h"
#include "sctp/options.h"

namespace sctp {

struct PeerCapabilities {
  bool partial_reliability = false;     // FORWARD TSN (RFC 3758)
  bool stream_reconfiguration = false;  // RE-CONFIG (RFC 6525)
  bool message_interleaving = false;    // I-DATA + I-FORWARD TSN (RFC 8260)
  // The peer accepts zero checksums with our EDMID (RFC 9653 section 5.2):
  // we may SEND packets with a zero checksum. What we accept is decided by
  // our own options alone.
  bool zero_checksum = false;

  bool operator==(const PeerCapabilities&) const = default;

  // One byte for the state cookie.
  [[nodiscard]] uint8_t to_bits() const;
  static PeerCapabilities from_bits(uint8_t bits);
};

// Intersects what `options` offers with what the peer's INIT or INIT ACK
// parameters announce.
[[nodiscard]] PeerCapabilities negotiate_capabilities(const SocketOptions& options,
                                                      std::span<const Parameter> peer_parameters);

// The parameters announcing our own extensions, to put in INIT / INIT ACK:
// Supported Extensions, Forward-TSN-Supported, Zero Checksum Acceptable.
void append_capability_parameters(const SocketOptions& options, std::vector<Parameter>& out);

}  // namespace sctp
