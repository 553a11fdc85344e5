// Outgoing SSN Reset Request parameter (RFC 6525 section 4.1).
//
// |     Parameter Type = 13       | Parameter Length = 16 + 2 * N |
// |           Re-configuration Request Sequence Number            |
// |           Re-configuration Response Sequence Number           |
// |                Sender's Last Assigned TSN                     |
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

struct OutgoingSsnResetRequestParameter {
  static constexpr ParameterType kType = ParameterType::kOutgoingSsnResetRequest;
  static constexpr size_t kFixedSize = 12;  // value bytes before the stream list

  ReconfigRequestSn request_sn;
  ReconfigRequestSn response_sn;
  Tsn sender_last_assigned_tsn;
  // Empty means "all streams" (RFC 6525 section 4.1).
  std::vector<StreamId> streams;

  static ParseResult<OutgoingSsnResetRequestParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + kFixedSize + 2 * streams.size(); }
  void serialize(ByteWriter& writer) const;
  bool operator==(const OutgoingSsnResetRequestParameter&) const = default;
};

}  // namespace sctp
