// SSE4.2 CRC32c. Compiled for baseline x86-64: only these functions carry the
// sse4.2 target attribute, and crc32c.cpp calls them only after
// __builtin_cpu_supports("sse4.2") said yes. On other architectures this file
// compiles to nothing.
#include "packet/crc32c_impl.h"

#if defined(__x86_64__)

#include <nmmintrin.h>

#include <cstring>

namespace sctp::crc32c_detail {

bool cpu_has_sse42() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse4.2") != 0;
}

__attribute__((target("sse4.2"))) uint32_t update_sse42(uint32_t state, ByteSpan data) {
  const uint8_t* p = data.data();
  size_t n = data.size();
  uint32_t crc = state;
  // Byte steps up to an 8-byte boundary, so the main loop's loads are aligned
  // (memcpy keeps them free of undefined behaviour either way).
  while (n > 0 && (reinterpret_cast<uintptr_t>(p) & 7u) != 0) {
    crc = _mm_crc32_u8(crc, *p++);
    --n;
  }
  uint64_t crc64 = crc;
  while (n >= 32) {
    uint64_t w[4];
    std::memcpy(w, p, sizeof w);
    crc64 = _mm_crc32_u64(crc64, w[0]);
    crc64 = _mm_crc32_u64(crc64, w[1]);
    crc64 = _mm_crc32_u64(crc64, w[2]);
    crc64 = _mm_crc32_u64(crc64, w[3]);
    p += 32;
    n -= 32;
  }
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, sizeof w);
    crc64 = _mm_crc32_u64(crc64, w);
    p += 8;
    n -= 8;
  }
  crc = static_cast<uint32_t>(crc64);
  while (n > 0) {
    crc = _mm_crc32_u8(crc, *p++);
    --n;
  }
  return crc;
}

}  // namespace sctp::crc32c_detail

#endif  // __x86_64__
