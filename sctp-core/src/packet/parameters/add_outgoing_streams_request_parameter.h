// Add Outgoing Streams Request parameter (RFC 6525 section 4.5).
//
// |     Parameter Type = 17       |      Parameter Length = 12    |
// |          Re-configuration Request Sequence Number             |
// |      Number of new streams    |         Reserved              |
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"

namespace sctp {

struct AddOutgoingStreamsRequestParameter {
  static constexpr ParameterType kType = ParameterType::kAddOutgoingStreamsRequest;
  static constexpr size_t kValueSize = 8;

  ReconfigRequestSn request_sn;
  uint16_t new_streams = 0;

  static ParseResult<AddOutgoingStreamsRequestParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kValueSize; }
  void serialize(ByteWriter& writer) const;
  bool operator==(const AddOutgoingStreamsRequestParameter&) const = default;
};

}  // namespace sctp
