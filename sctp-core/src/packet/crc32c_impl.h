// The implementations behind crc32c.h; internal to sctp-core.
#pragma once

#include <cstdint>

#include "common/byte_io.h"

namespace sctp::crc32c_detail {

// Both advance a raw CRC register (reflected, not complemented) over `data`.
[[nodiscard]] uint32_t update_portable(uint32_t state, ByteSpan data);

// Defined only where the instruction exists at compile time (x86-64); the
// caller must have checked cpu_has_sse42() first.
[[nodiscard]] bool cpu_has_sse42();
[[nodiscard]] uint32_t update_sse42(uint32_t state, ByteSpan data);

}  // namespace sctp::crc32c_detail
