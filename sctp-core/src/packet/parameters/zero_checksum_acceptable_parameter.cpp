#include "packet/parameters/zero_checksum_acceptable_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<ZeroChecksumAcceptableParameter> ZeroChecksumAcceptableParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Zero Checksum Acceptable parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  // Unknown EDMIDs parse: RFC 9653 section 5.1 makes "not supported" a
  // negotiation outcome, not a malformed packet.
  return ZeroChecksumAcceptableParameter{ByteReader(raw.value).u32(0)};
}

void ZeroChecksumAcceptableParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(error_detection_method);
  tlv.finish();
}

}  // namespace sctp
