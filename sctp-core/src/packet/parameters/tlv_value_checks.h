// Checks shared by the parameter and error-cause parsers.
//
// Every typed parser validates the value bytes it was handed before reading a
// field: exact sizes for fixed layouts, element alignment for lists, and the
// framing of nested TLVs. Each check returns the error to report, or nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/tlv.h"

namespace sctp::tlv_checks {

[[nodiscard]] inline std::optional<ParseError> expect_type(const RawTlv& raw, uint16_t type,
                                                           const char* what) {
  if (raw.type16() != type) return ParseError{ParseErrorCode::kWrongType, what};
  return std::nullopt;
}

// A fixed layout: fewer bytes is "too short", more is "too long".
[[nodiscard]] inline std::optional<ParseError> expect_size(ByteSpan value, size_t size,
                                                           const char* what) {
  if (value.size() < size) return ParseError{ParseErrorCode::kLengthTooShort, what};
  if (value.size() > size) return ParseError{ParseErrorCode::kLengthTooLong, what};
  return std::nullopt;
}

[[nodiscard]] inline std::optional<ParseError> expect_min_size(ByteSpan value, size_t size,
                                                               const char* what) {
  if (value.size() < size) return ParseError{ParseErrorCode::kLengthTooShort, what};
  return std::nullopt;
}

// A list of fixed-size elements must hold a whole number of them.
[[nodiscard]] inline std::optional<ParseError> expect_multiple_of(size_t size, size_t element,
                                                                  const char* what) {
  if (size % element != 0) return ParseError{ParseErrorCode::kMisaligned, what};
  return std::nullopt;
}

// Reads big-endian 16-bit values; `bytes.size()` must be even (checked by the caller).
[[nodiscard]] inline std::vector<uint16_t> read_u16_list(ByteSpan bytes) {
  std::vector<uint16_t> out;
  out.reserve(bytes.size() / 2);
  for (size_t i = 0; i + 1 < bytes.size(); i += 2)
    out.push_back(load_be16(bytes.data() + i));
  return out;
}

// `bytes` must hold exactly one TLV, optionally followed by its padding (a
// copied parameter may or may not carry its padding). Bytes beyond the
// padding disagree with the enclosing length: kInconsistent.
[[nodiscard]] ParseResult<RawTlv> parse_single_tlv(ByteSpan bytes, const char* what);

// `bytes` must be a well-framed sequence of TLVs (the last one's padding
// optional), with at least one item when `require_nonempty`.
[[nodiscard]] std::optional<ParseError> check_tlv_sequence(ByteSpan bytes, const char* what,
                                                           bool require_nonempty);

}  // namespace sctp::tlv_checks
