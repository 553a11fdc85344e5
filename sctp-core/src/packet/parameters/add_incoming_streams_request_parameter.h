// Add Incoming Streams Request parameter (RFC 6525 section 4.6).
//
// |     Parameter Type = 18       |      Parameter Length = 12    |
// |          Re-configuration Request Sequence Number             |
// |      Number of new streams    |         Reserved              |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct AddIncomingStreamsRequestParameter {
  static constexpr ParameterType kType = ParameterType::kAddIncomingStreamsRequest;
  static constexpr size_t kValueSize = 8;

  ReconfigRequestSn request_sn;
  uint16_t new_streams = 0;

  static ParseResult<AddIncomingStreamsRequestParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const AddIncomingStreamsRequestParameter&) const = default;
};

}  // namespace sctp
