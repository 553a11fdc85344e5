// Zero Checksum Acceptable parameter (RFC 9653 section 3): the sender accepts
// packets with a zero CRC32c when the named alternate error detection method
// protects them.
//
// |         Type = 0x8001         |          Length = 8           |
// |           Error Detection Method Identifier (EDMID)           |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct ZeroChecksumAcceptableParameter {
  static constexpr ParameterType kType = ParameterType::kZeroChecksumAcceptable;
  static constexpr size_t kValueSize = 4;
  // RFC 9653 section 7: EDMID 1 is "DTLS" (SCTP over DTLS, RFC 8261).
  static constexpr uint32_t kEdmidDtls = 1;

  uint32_t error_detection_method = 0;

  static ParseResult<ZeroChecksumAcceptableParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ZeroChecksumAcceptableParameter&) const = default;
};

}  // namespace sctp
