#include "packet/parameters/tlv_value_checks.h"

namespace sctp::tlv_checks {

ParseResult<RawTlv> parse_single_tlv(ByteSpan bytes, const char* what) {
  TlvIterator it(bytes, what, /*last_padding_optional=*/true);
  auto first = it.next();
  if (!first) return Unexpected(first.error());
  if (!first->has_value()) return parse_error(ParseErrorCode::kLengthTooShort, what);
  if (it.offset() != bytes.size()) return parse_error(ParseErrorCode::kInconsistent, what);
  return **first;
}

std::optional<ParseError> check_tlv_sequence(ByteSpan bytes, const char* what,
                                             bool require_nonempty) {
  if (require_nonempty && bytes.empty()) return ParseError{ParseErrorCode::kLengthTooShort, what};
  return for_each_tlv(bytes, what, /*last_padding_optional=*/true,
                      [](const RawTlv&) -> std::optional<ParseError> { return std::nullopt; });
}

}  // namespace sctp::tlv_checks
