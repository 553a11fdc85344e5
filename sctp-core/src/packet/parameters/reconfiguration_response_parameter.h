// Re-configuration Response parameter (RFC 6525 section 4.4).
//
// |     Parameter Type = 16       |      Parameter Length         |
// |         Re-configuration Response Sequence Number             |
// |                            Result                             |
// |                   Sender's Next TSN (optional)                |
// |                  Receiver's Next TSN (optional)               |
//
// The two TSNs come together or not at all (RFC 6525 section 4.4: length 12
// or 20), so they are one optional field here.
#pragma once

#include <optional>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/parameter_fields.h"
#include "packet/tlv.h"
#include "sctp/strong_types.h"

namespace sctp {

struct ReconfigurationResponseParameter {
  static constexpr ParameterType kType = ParameterType::kReconfigurationResponse;
  static constexpr size_t kShortValueSize = 8;
  static constexpr size_t kLongValueSize = 16;

  struct NextTsns {
    Tsn sender_next_tsn;
    Tsn receiver_next_tsn;
    bool operator==(const NextTsns&) const = default;
  };

  ReconfigRequestSn response_sn;
  ReconfigResult result = ReconfigResult::kSuccessNothingToDo;
  std::optional<NextTsns> next_tsns;  // in answers to an SSN/TSN Reset Request

  static ParseResult<ReconfigurationResponseParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const {
    return kTlvHeaderSize + (next_tsns ? kLongValueSize : kShortValueSize);
  }
  void serialize(ByteWriter& writer) const;
  bool operator==(const ReconfigurationResponseParameter&) const = default;
};

}  // namespace sctp
