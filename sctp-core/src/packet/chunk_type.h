// Chunk type codes (RFC 9260 section 3.2 and the extension RFCs).
#pragma once

#include <cstdint>

namespace sctp {

enum class ChunkType : uint8_t {
  kData = 0,               // RFC 9260 3.3.1
  kInit = 1,               // RFC 9260 3.3.2
  kInitAck = 2,            // RFC 9260 3.3.3
  kSack = 3,               // RFC 9260 3.3.4
  kHeartbeat = 4,          // RFC 9260 3.3.5
  kHeartbeatAck = 5,       // RFC 9260 3.3.6
  kAbort = 6,              // RFC 9260 3.3.7
  kShutdown = 7,           // RFC 9260 3.3.8
  kShutdownAck = 8,        // RFC 9260 3.3.9
  kError = 9,              // RFC 9260 3.3.10
  kCookieEcho = 10,        // RFC 9260 3.3.11
  kCookieAck = 11,         // RFC 9260 3.3.12
  kEcne = 12,              // RFC 9260 appendix A / RFC 3168
  kCwr = 13,               // RFC 9260 appendix A / RFC 3168
  kShutdownComplete = 14,  // RFC 9260 3.3.13
  kAuth = 15,              // RFC 4895 4.1
  kIData = 64,             // RFC 8260 2.1
  kAsconfAck = 128,        // RFC 5061 4.1.2 (0x80)
  kReConfig = 130,         // RFC 6525 3.1 (0x82)
  kPad = 132,              // RFC 4820 3 (0x84)
  kForwardTsn = 192,       // RFC 3758 3.2 (0xC0)
  kAsconf = 193,           // RFC 5061 4.1.1 (0xC1)
  kIForwardTsn = 194,      // RFC 8260 2.2 (0xC2)
};

// RFC 9260 section 3.2: the two highest bits of an unrecognized chunk type
// say what to do with it.
enum class UnrecognizedChunkAction : uint8_t {
  kStopDiscard = 0,        // 00: stop processing the packet, discard it
  kStopDiscardReport = 1,  // 01: same, and report in an ERROR chunk
  kSkip = 2,               // 10: skip this chunk, continue
  kSkipReport = 3,         // 11: skip, continue, and report
};
[[nodiscard]] constexpr UnrecognizedChunkAction unrecognized_chunk_action(uint8_t type) {
  return static_cast<UnrecognizedChunkAction>(type >> 6);
}

// RFC 9260 section 3.2.1: the same for parameter types (upper two bits of 16).
enum class UnrecognizedParameterAction : uint8_t {
  kStopDiscard = 0,        // 00: stop processing this chunk, discard it
  kStopDiscardReport = 1,  // 01: same, and report as Unrecognized Parameter
  kSkip = 2,               // 10: skip the parameter, continue
  kSkipReport = 3,         // 11: skip, continue, and report
};
[[nodiscard]] constexpr UnrecognizedParameterAction unrecognized_parameter_action(uint16_t type) {
  return static_cast<UnrecognizedParameterAction>(type >> 14);
}

[[nodiscard]] const char* chunk_type_name(uint8_t type);

}  // namespace sctp
