// Incoming SSN Reset Request parameter (RFC 6525 section 4.2).
//
// |     Parameter Type = 14       |  Parameter Length = 8 + 2 * N |
// |          Re-configuration Request Sequence Number             |
// |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
// /                            ......                             /
// |  Stream Number N-1 (optional) |    Stream Number N (optional) |
#pragma once

#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"
#include "sctp/strong_types.h"

namespace sctp {

struct IncomingSsnResetRequestParameter {
  static constexpr ParameterType kType = ParameterType::kIncomingSsnResetRequest;
  static constexpr size_t kFixedSize = 4;  // value bytes before the stream list

  ReconfigRequestSn request_sn;
  // Empty means "all streams" (RFC 6525 section 4.2).
  std::vector<StreamId> streams;

  static ParseResult<IncomingSsnResetRequestParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kFixedSize + 2 * streams.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const IncomingSsnResetRequestParameter&) const = default;
};

}  // namespace sctp
