// A minimal value-or-error type (C++20 has no std::expected).
//
// Errors are values in sctp-core: parsing returns Expected<T, ParseError>,
// API calls return Status codes. Nothing in the public API throws.
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace sctp {

template <typename E>
class Unexpected {
 public:
  constexpr explicit Unexpected(E error) : error_(std::move(error)) {}
  [[nodiscard]] constexpr const E& error() const& { return error_; }
  [[nodiscard]] constexpr E&& error() && { return std::move(error_); }

 private:
  E error_;
};

template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename T, typename E>
class [[nodiscard]] Expected {
 public:
  template <typename U = T>
  requires std::is_constructible_v<T, U&&>
  constexpr Expected(U&& value) : storage_(std::in_place_index<0>, std::forward<U>(value)) {}
  template <typename G>
  requires std::is_constructible_v<E, const G&>
  constexpr Expected(const Unexpected<G>& error)
      : storage_(std::in_place_index<1>, E(error.error())) {}

  [[nodiscard]] constexpr bool has_value() const { return storage_.index() == 0; }
  constexpr explicit operator bool() const { return has_value(); }

  [[nodiscard]] constexpr T& value() & {
    assert(has_value());
    return std::get<0>(storage_);
  }
  [[nodiscard]] constexpr const T& value() const& {
    assert(has_value());
    return std::get<0>(storage_);
  }
  [[nodiscard]] constexpr T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(storage_));
  }
  constexpr T& operator*() & { return value(); }
  constexpr const T& operator*() const& { return value(); }
  constexpr T* operator->() { return &value(); }
  constexpr const T* operator->() const { return &value(); }

  [[nodiscard]] constexpr const E& error() const {
    assert(!has_value());
    return std::get<1>(storage_);
  }

 private:
  std::variant<T, E> storage_;
};

}  // namespace sctp
