// Restart of an Association with New Addresses error cause (RFC 9260 section 3.3.10.11): an INIT
// restarting an association added addresses (RFC 9260 section 5.2.2), sent in the ABORT refusing
// it.
//
// |     Cause Code=11             |      Cause Length=Variable    |
// /                        New Address TLVs                       /
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/tlv.h"

namespace sctp {

struct RestartWithNewAddressesCause {
  static constexpr ErrorCauseCode kCode = ErrorCauseCode::kRestartWithNewAddresses;

  // The complete TLVs of the new addresses. Raw bytes; parsing checks that
  // they frame one or more TLVs (the last one's padding optional).
  ByteSpan addresses;

  static ParseResult<RestartWithNewAddressesCause> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + addresses.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const RestartWithNewAddressesCause& other) const;
};

}  // namespace sctp
