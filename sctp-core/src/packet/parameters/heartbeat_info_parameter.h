// Heartbeat Info parameter (RFC 9260 section 3.3.5): opaque to the receiver,
// echoed back in HEARTBEAT ACK.
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/tlv.h"

namespace sctp {

struct HeartbeatInfoParameter {
  static constexpr ParameterType kType = ParameterType::kHeartbeatInfo;

  ByteSpan info;  // view into the parsed chunk or the caller's buffer

  static ParseResult<HeartbeatInfoParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + info.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const HeartbeatInfoParameter& other) const;
};

}  // namespace sctp
