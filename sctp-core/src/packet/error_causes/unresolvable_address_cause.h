// Unresolvable Address error cause (RFC 9260 section 3.3.10.5): the sender cannot resolve an
// address parameter of the peer (for example a Host Name Address).
//
// |     Cause Code=5              |      Cause Length=Variable    |
// /                      Unresolvable Address                     /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct UnresolvableAddressCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kUnresolvableAddress;

  // The complete address parameter TLV that could not be resolved. Raw bytes: header and
  // value, padding included when the sender copied it. Parsing checks that
  // they frame exactly one TLV.
  ByteSpan address;

  static ParseResult<UnresolvableAddressCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + address.size(); }
  void serialize(ByteWriter& writer) const;
  // Type of the quoted TLV; only valid on parsed values.
  [[nodiscard]] uint16_t quoted_type() const {
    return address.size() >= 2 ? load_be16(address.data()) : 0;
  }
  bool operator==(const UnresolvableAddressCause& other) const;
};

}  // namespace sctp
