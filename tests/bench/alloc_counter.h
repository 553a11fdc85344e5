// Counts heap allocations made through operator new in a benchmark binary
// (alloc_counter.cpp replaces the global operator new/delete; link it into
// bench programs only). C code such as usrsctp calls malloc directly and is
// not counted, so the figure describes our stack and the bench's own C++.
#pragma once

#include <cstdint>

namespace sctp::bench {

// Number of operator new calls since the program started (any thread).
[[nodiscard]] uint64_t heap_allocations();

// Bytes requested through operator new since the program started (any
// thread; frees are not subtracted).
[[nodiscard]] uint64_t heap_bytes_requested();

}  // namespace sctp::bench
