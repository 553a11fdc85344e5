// What went wrong while parsing bytes from the wire.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "sctp/expected.h"

namespace sctp {

enum class ParseErrorCode : uint8_t {
  kTruncated,       // fewer bytes than a header or a length field says
  kLengthTooShort,  // a length field smaller than the fixed part it must cover
  kLengthTooLong,   // a length field pointing past the end of its container
  kMisaligned,      // a length or size that must be a multiple of N is not
  kBadPadding,      // padding longer than 3 bytes or missing where required
  kInvalidValue,    // a field holds a value the specification forbids
  kInconsistent,    // fields disagree with each other
  kWrongType,       // a typed parser was handed another chunk/parameter type
  kTooMany,         // more items than this implementation accepts
};

[[nodiscard]] const char* to_string(ParseErrorCode code);

struct ParseError {
  ParseErrorCode code;
  // Static string naming the field or structure at fault, e.g. "DATA chunk length".
  const char* what;

  bool operator==(const ParseError&) const = default;
};

[[nodiscard]] std::string to_string(const ParseError& error);

template <typename T>
using ParseResult = Expected<T, ParseError>;

[[nodiscard]] inline Unexpected<ParseError> parse_error(ParseErrorCode code, const char* what) {
  return Unexpected<ParseError>(ParseError{code, what});
}

}  // namespace sctp
