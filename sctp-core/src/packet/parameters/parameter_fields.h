// Field types carried by parameters that are not general SCTP numbers.
#pragma once

#include <cstdint>

#include "sctp/strong_types.h"

namespace sctp {

struct ReconfigRequestSnTag {};
struct AsconfCorrelationIdTag {};

// Re-configuration Request Sequence Number (RFC 6525 section 4.1). RFC 6525
// section 5.2.x compares these with serial arithmetic, hence SerialNumber.
using ReconfigRequestSn = SerialNumber<ReconfigRequestSnTag, uint32_t>;

// ASCONF-Request Correlation ID (RFC 5061 section 4.2.1): opaque to the
// receiver, echoed back in the response parameter.
using AsconfCorrelationId = StrongId<AsconfCorrelationIdTag, uint32_t>;

// Result field of the Re-configuration Response parameter (RFC 6525
// section 4.4). Values outside this list are kept as-is: the wire field is
// 32 bits and future documents may add results.
enum class ReconfigResult : uint32_t {
  kSuccessNothingToDo = 0,
  kSuccessPerformed = 1,
  kDenied = 2,
  kErrorWrongSsn = 3,
  kErrorRequestAlreadyInProgress = 4,
  kErrorBadSequenceNumber = 5,
  kInProgress = 6,
};

}  // namespace sctp
