// Error cause codes (RFC 9260 section 3.3.10, RFC 4895 section 4.1 and
// RFC 5061 section 4.3).
#pragma once

#include <cstdint>

namespace sctp {

enum class ErrorCauseCode : uint16_t {
  kInvalidStreamIdentifier = 1,             // RFC 9260 3.3.10.1
  kMissingMandatoryParameter = 2,           // RFC 9260 3.3.10.2
  kStaleCookie = 3,                         // RFC 9260 3.3.10.3
  kOutOfResource = 4,                       // RFC 9260 3.3.10.4
  kUnresolvableAddress = 5,                 // RFC 9260 3.3.10.5
  kUnrecognizedChunkType = 6,               // RFC 9260 3.3.10.6
  kInvalidMandatoryParameter = 7,           // RFC 9260 3.3.10.7
  kUnrecognizedParameters = 8,              // RFC 9260 3.3.10.8
  kNoUserData = 9,                          // RFC 9260 3.3.10.9
  kCookieReceivedWhileShuttingDown = 10,    // RFC 9260 3.3.10.10
  kRestartWithNewAddresses = 11,            // RFC 9260 3.3.10.11
  kUserInitiatedAbort = 12,                 // RFC 9260 3.3.10.12
  kProtocolViolation = 13,                  // RFC 9260 3.3.10.13
  kRequestToDeleteLastAddress = 0x00A0,     // RFC 5061 4.3
  kOperationRefusedNoResources = 0x00A1,    // RFC 5061 4.3
  kRequestToDeleteSourceAddress = 0x00A2,   // RFC 5061 4.3
  kIllegalAsconfAck = 0x00A3,               // RFC 5061 4.3
  kRequestRefusedNoAuthorization = 0x00A4,  // RFC 5061 4.3
  kUnsupportedHmacIdentifier = 0x0105,      // RFC 4895 4.1 (IANA: 261)
};

[[nodiscard]] const char* error_cause_name(uint16_t code);

}  // namespace sctp
