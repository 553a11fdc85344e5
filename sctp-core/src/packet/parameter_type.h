// Parameter type codes carried in INIT, INIT ACK, HEARTBEAT, RE-CONFIG,
// ASCONF and ASCONF-ACK chunks.
#pragma once

#include <cstdint>

namespace sctp {

enum class ParameterType : uint16_t {
  kHeartbeatInfo = 1,                   // RFC 9260 3.3.5
  kIpv4Address = 5,                     // RFC 9260 3.3.2.1
  kIpv6Address = 6,                     // RFC 9260 3.3.2.1
  kStateCookie = 7,                     // RFC 9260 3.3.3.1
  kUnrecognizedParameter = 8,           // RFC 9260 3.3.3.1
  kCookiePreservative = 9,              // RFC 9260 3.3.2.1
  kHostNameAddress = 11,                // RFC 9260 3.3.2.1 (deprecated, still parsed)
  kSupportedAddressTypes = 12,          // RFC 9260 3.3.2.1
  kOutgoingSsnResetRequest = 13,        // RFC 6525 4.1
  kIncomingSsnResetRequest = 14,        // RFC 6525 4.2
  kSsnTsnResetRequest = 15,             // RFC 6525 4.3
  kReconfigurationResponse = 16,        // RFC 6525 4.4
  kAddOutgoingStreamsRequest = 17,      // RFC 6525 4.5
  kAddIncomingStreamsRequest = 18,      // RFC 6525 4.6
  kEcnCapable = 0x8000,                 // RFC 9260 appendix A
  kZeroChecksumAcceptable = 0x8001,     // RFC 9653 3
  kRandom = 0x8002,                     // RFC 4895 3.1
  kChunkList = 0x8003,                  // RFC 4895 3.2
  kHmacAlgorithm = 0x8004,              // RFC 4895 3.3
  kPadding = 0x8005,                    // RFC 4820 4
  kSupportedExtensions = 0x8008,        // RFC 5061 4.2.7
  kForwardTsnSupported = 0xC000,        // RFC 3758 3.1
  kAddIpAddress = 0xC001,               // RFC 5061 4.2.1
  kDeleteIpAddress = 0xC002,            // RFC 5061 4.2.2
  kErrorCauseIndication = 0xC003,       // RFC 5061 4.2.3
  kSetPrimaryAddress = 0xC004,          // RFC 5061 4.2.4
  kSuccessIndication = 0xC005,          // RFC 5061 4.2.5
  kAdaptationLayerIndication = 0xC006,  // RFC 5061 4.2.6
};

[[nodiscard]] const char* parameter_type_name(uint16_t type);

}  // namespace sctp
