// The list of 16-bit stream numbers ending the RFC 6525 reset requests.
#pragma once

#include <span>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "sctp/strong_types.h"

namespace sctp {

// `bytes` must hold a whole number of 16-bit stream numbers (kMisaligned
// otherwise); `what` names the enclosing parameter in errors.
[[nodiscard]] ParseResult<std::vector<StreamId>> parse_stream_list(ByteSpan bytes,
                                                                   const char* what);
void serialize_stream_list(std::span<const StreamId> streams, ByteWriter& writer);

}  // namespace sctp
