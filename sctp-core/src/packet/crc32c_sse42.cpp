// SSE4.2 CRC32c. Compiled for baseline x86-64: only these functions carry the
// sse4.2 target attribute, and crc32c.cpp calls them only after
// __builtin_cpu_supports("sse4.2") said yes. On other architectures this file
// compiles to nothing.
#include "packet/crc32c_impl.h"

#if defined(__x86_64__)

#include <nmmintrin.h>

#include <array>
#include <cstring>

namespace sctp::crc32c_detail {

bool cpu_has_sse42() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse4.2") != 0;
}

namespace {

// The CRC32 instruction has a latency of three cycles and a throughput of
// one per cycle, so one dependency chain uses a third of the unit. Long
// inputs are therefore cut into three interleaved blocks of kBlock bytes whose
// CRCs run in parallel and are then combined. The combination uses linearity:
// the register after A||B equals (register after A, advanced over |B| zero
// bytes) XOR (register of B started from zero). Advancing over kBlock zero
// bytes is linear in the register, so it is four table lookups.
constexpr size_t kBlock = 128;

using ShiftTable = std::array<std::array<uint32_t, 256>, 4>;

constexpr uint32_t advance_over_zeros(uint32_t state, size_t n) {
  for (size_t i = 0; i < n * 8; ++i)
    state = (state >> 1) ^ ((state & 1u) ? 0x82F63B78u : 0u);
  return state;
}

constexpr ShiftTable make_shift_table() {
  // Images of the 32 single-bit registers, then every byte value at each of
  // the four byte positions as the XOR of its bits' images.
  std::array<uint32_t, 32> basis{};
  for (size_t bit = 0; bit < 32; ++bit)
    basis[bit] = advance_over_zeros(uint32_t{1} << bit, kBlock);
  ShiftTable table{};
  for (size_t position = 0; position < 4; ++position) {
    for (size_t value = 0; value < 256; ++value) {
      uint32_t image = 0;
      for (size_t bit = 0; bit < 8; ++bit) {
        if ((value >> bit) & 1u) image ^= basis[position * 8 + bit];
      }
      table[position][value] = image;
    }
  }
  return table;
}

constexpr ShiftTable kShiftBlock = make_shift_table();

inline uint32_t shift_block(uint32_t state) {
  return kShiftBlock[0][state & 0xFFu] ^ kShiftBlock[1][(state >> 8) & 0xFFu] ^
         kShiftBlock[2][(state >> 16) & 0xFFu] ^ kShiftBlock[3][state >> 24];
}

inline uint64_t load64(const uint8_t* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

}  // namespace

__attribute__((target("sse4.2"))) uint32_t update_sse42(uint32_t state, ByteSpan data) {
  const uint8_t* p = data.data();
  size_t n = data.size();
  uint32_t crc = state;
  // Byte steps up to an 8-byte boundary, so the main loops' loads are aligned
  // (memcpy keeps them free of undefined behaviour either way).
  while (n > 0 && (reinterpret_cast<uintptr_t>(p) & 7u) != 0) {
    crc = _mm_crc32_u8(crc, *p++);
    --n;
  }
  while (n >= 3 * kBlock) {
    uint64_t a = crc;
    uint64_t b = 0;
    uint64_t c = 0;
    for (size_t i = 0; i < kBlock; i += 8) {
      a = _mm_crc32_u64(a, load64(p + i));
      b = _mm_crc32_u64(b, load64(p + kBlock + i));
      c = _mm_crc32_u64(c, load64(p + 2 * kBlock + i));
    }
    crc = shift_block(shift_block(static_cast<uint32_t>(a)) ^ static_cast<uint32_t>(b)) ^
          static_cast<uint32_t>(c);
    p += 3 * kBlock;
    n -= 3 * kBlock;
  }
  uint64_t crc64 = crc;
  while (n >= 8) {
    crc64 = _mm_crc32_u64(crc64, load64(p));
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
