// Time in sctp-core comes from the embedder (sans-IO): the socket never reads
// a clock of its own. These are the types it is exchanged in.
#pragma once

#include <chrono>
#include <cstdint>

namespace sctp {

// A duration in milliseconds (RFC 9260 expresses every protocol timer in
// milliseconds or seconds; finer resolution buys nothing here).
using DurationMs = std::chrono::milliseconds;

// A point on the embedder's monotonic clock, in milliseconds since an
// arbitrary epoch. Only differences between TimeMs values are meaningful.
struct TimeMs {
  int64_t ms = 0;

  constexpr auto operator<=>(const TimeMs&) const = default;
  friend constexpr TimeMs operator+(TimeMs t, DurationMs d) { return TimeMs{t.ms + d.count()}; }
  friend constexpr TimeMs operator-(TimeMs t, DurationMs d) { return TimeMs{t.ms - d.count()}; }
  friend constexpr DurationMs operator-(TimeMs a, TimeMs b) { return DurationMs(a.ms - b.ms); }
};

}  // namespace sctp
