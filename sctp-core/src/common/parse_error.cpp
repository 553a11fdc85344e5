#include "common/parse_error.h"

namespace sctp {

const char* to_string(ParseErrorCode code) {
  switch (code) {
    case ParseErrorCode::kTruncated:
      return "truncated";
    case ParseErrorCode::kLengthTooShort:
      return "length too short";
    case ParseErrorCode::kLengthTooLong:
      return "length too long";
    case ParseErrorCode::kMisaligned:
      return "misaligned";
    case ParseErrorCode::kBadPadding:
      return "bad padding";
    case ParseErrorCode::kInvalidValue:
      return "invalid value";
    case ParseErrorCode::kInconsistent:
      return "inconsistent";
    case ParseErrorCode::kWrongType:
      return "wrong type";
    case ParseErrorCode::kTooMany:
      return "too many items";
  }
  return "unknown";
}

std::string to_string(const ParseError& error) {
  return std::string(error.what) + ": " + to_string(error.code);
}

}  // namespace sctp
