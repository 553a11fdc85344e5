// CRC32c throughput of each available implementation, at packet-like and
// bulk sizes. Not a test: prints numbers. Run it directly or with
// `meson test --benchmark -C BUILD crc32c`.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "packet/crc32c.h"

namespace {

// Runs crc32c over `size` bytes repeatedly for at least `min_seconds` and
// returns bytes per second.
double measure(sctp::Crc32cPath path, const std::vector<uint8_t>& data, size_t size,
               double min_seconds) {
  using Clock = std::chrono::steady_clock;
  const sctp::ByteSpan span(data.data(), size);
  uint32_t sink = 0;
  uint64_t bytes = 0;
  size_t iterations = 1;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < min_seconds) {
    for (size_t i = 0; i < iterations; ++i) {
      sink ^= sctp::crc32c(span, path);
      bytes += size;
    }
    iterations *= 2;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  // Keeps the compiler from discarding the loop.
  if (sink == 0x12345678u) std::printf(" ");
  return static_cast<double>(bytes) / elapsed;
}

}  // namespace

int main() {
  std::mt19937 rng(1);
  std::vector<uint8_t> data(1 << 20);
  for (uint8_t& b : data)
    b = static_cast<uint8_t>(rng());
  std::printf("crc32c throughput (selected path: %s)\n",
              sctp::to_string(sctp::crc32c_selected_path()));
  std::printf("%-26s %10s %12s\n", "path", "bytes", "GB/s");
  for (sctp::Crc32cPath path : {sctp::Crc32cPath::kPortable, sctp::Crc32cPath::kSse42}) {
    if (!sctp::crc32c_path_available(path)) {
      std::printf("%-26s not available on this CPU\n", sctp::to_string(path));
      continue;
    }
    for (size_t size : {size_t{64}, size_t{1200}, size_t{65536}, data.size()}) {
      const double rate = measure(path, data, size, 0.25);
      std::printf("%-26s %10zu %12.2f\n", sctp::to_string(path), size, rate / 1e9);
    }
  }
  return 0;
}
