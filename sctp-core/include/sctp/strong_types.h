// Strong types for the numbers SCTP puts on the wire.
//
// A TSN is not a stream id and neither is a plain integer: each protocol number
// gets its own type so the compiler rejects mixing them. Sequence numbers that
// wrap (TSN, SSN, MID, FSN) compare with serial-number arithmetic (RFC 1982),
// implemented once here, so no wraparound bug can live in business logic.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>

namespace sctp {

// A plain identifier or quantity with no ordering beyond equality and the
// natural numeric order (stream ids, PPIDs, verification tags).
template <typename Tag, std::unsigned_integral T>
class StrongId {
 public:
  using ValueType = T;
  constexpr StrongId() = default;
  constexpr explicit StrongId(T value) : value_(value) {}
  [[nodiscard]] constexpr T value() const { return value_; }
  constexpr auto operator<=>(const StrongId&) const = default;

 private:
  T value_ = 0;
};

// A sequence number in serial-number space (RFC 1982). Ordering is only
// meaningful between numbers less than half the space apart; operator< and
// friends implement exactly that rule. Equality is plain equality.
template <typename Tag, std::unsigned_integral T>
class SerialNumber {
 public:
  using ValueType = T;
  static constexpr T kHalf = T(T(1) << (std::numeric_limits<T>::digits - 1));

  constexpr SerialNumber() = default;
  constexpr explicit SerialNumber(T value) : value_(value) {}
  [[nodiscard]] constexpr T value() const { return value_; }

  constexpr bool operator==(const SerialNumber&) const = default;

  // RFC 1982 section 3.2: s1 < s2 iff (i1 < i2 and i2 - i1 < 2^(SERIAL_BITS-1))
  // or (i1 > i2 and i1 - i2 > 2^(SERIAL_BITS-1)). The pair exactly half the
  // space apart is undefined by the RFC; we order it by "a is behind b", which
  // keeps the relation total and antisymmetric for all inputs we generate.
  friend constexpr bool operator<(SerialNumber a, SerialNumber b) {
    const T diff = T(b.value_ - a.value_);
    return diff != 0 && (diff < kHalf || (diff == kHalf && a.value_ < b.value_));
  }
  friend constexpr bool operator>(SerialNumber a, SerialNumber b) { return b < a; }
  friend constexpr bool operator<=(SerialNumber a, SerialNumber b) { return !(b < a); }
  friend constexpr bool operator>=(SerialNumber a, SerialNumber b) { return !(a < b); }

  // Serial addition (RFC 1982 section 3.1): wraps.
  [[nodiscard]] constexpr SerialNumber next() const { return SerialNumber(T(value_ + 1)); }
  [[nodiscard]] constexpr SerialNumber prev() const { return SerialNumber(T(value_ - 1)); }
  [[nodiscard]] constexpr SerialNumber plus(T n) const { return SerialNumber(T(value_ + n)); }
  [[nodiscard]] constexpr SerialNumber minus(T n) const { return SerialNumber(T(value_ - n)); }
  // Forward distance from `from` to this number, modulo 2^bits.
  [[nodiscard]] constexpr T distance_from(SerialNumber from) const {
    return T(value_ - from.value_);
  }

 private:
  T value_ = 0;
};

struct TsnTag {};
struct SsnTag {};
struct MidTag {};
struct FsnTag {};
struct StreamIdTag {};
struct PpidTag {};
struct VerificationTagTag {};

// Transmission Sequence Number (RFC 9260 section 3.3.1).
using Tsn = SerialNumber<TsnTag, uint32_t>;
// Stream Sequence Number (RFC 9260 section 3.3.1).
using Ssn = SerialNumber<SsnTag, uint16_t>;
// Message Identifier of I-DATA (RFC 8260 section 2.1).
using Mid = SerialNumber<MidTag, uint32_t>;
// Fragment Sequence Number of I-DATA (RFC 8260 section 2.1).
using Fsn = SerialNumber<FsnTag, uint32_t>;
// Stream Identifier (RFC 9260 section 3.3.1).
using StreamId = StrongId<StreamIdTag, uint16_t>;
// Payload Protocol Identifier (RFC 9260 section 3.3.1), opaque to SCTP.
using Ppid = StrongId<PpidTag, uint32_t>;
// Verification Tag (RFC 9260 section 3.1).
using VerificationTag = StrongId<VerificationTagTag, uint32_t>;

// Unwraps a 32-bit serial number to 64 bits relative to a reference that moves
// forward, so containers can key on a monotonic integer. Values behind the
// reference by less than half the space map below it.
template <typename Serial>
class SerialUnwrapper {
 public:
  using Wide = uint64_t;
  static_assert(std::numeric_limits<typename Serial::ValueType>::digits <= 32);

  constexpr SerialUnwrapper() = default;
  constexpr explicit SerialUnwrapper(Serial base)
      : last_(base), last_wide_(Wide(base.value()) + kOffset) {}

  // Unwraps without moving the reference.
  [[nodiscard]] constexpr Wide peek(Serial s) const {
    using T = typename Serial::ValueType;
    const T forward = s.distance_from(last_);
    if (forward < Serial::kHalf) return last_wide_ + forward;
    const T backward = last_.distance_from(s);
    return last_wide_ - backward;
  }
  // Unwraps and moves the reference forward if `s` is ahead of it.
  constexpr Wide unwrap(Serial s) {
    const Wide w = peek(s);
    if (w > last_wide_) {
      last_wide_ = w;
      last_ = s;
    }
    return w;
  }
  [[nodiscard]] constexpr Serial wrap(Wide w) const {
    return Serial(static_cast<typename Serial::ValueType>(w - kOffset));
  }

 private:
  // Start far from zero so values behind the base never underflow.
  static constexpr Wide kOffset = Wide(1) << 40;
  Serial last_{};
  Wide last_wide_ = kOffset;
};

}  // namespace sctp

template <typename Tag, typename T>
struct std::hash<sctp::StrongId<Tag, T>> {
  size_t operator()(sctp::StrongId<Tag, T> v) const noexcept { return std::hash<T>{}(v.value()); }
};
template <typename Tag, typename T>
struct std::hash<sctp::SerialNumber<Tag, T>> {
  size_t operator()(sctp::SerialNumber<Tag, T> v) const noexcept {
    return std::hash<T>{}(v.value());
  }
};
