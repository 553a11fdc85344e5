#include "packet/chunks/heartbeat_value.h"

#include "packet/tlv.h"

namespace sctp {

ParseResult<HeartbeatInfoParameter> parse_heartbeat_value(ByteSpan value, const char* what) {
  if (value.size() < kTlvHeaderSize) return parse_error(ParseErrorCode::kLengthTooShort, what);
  TlvIterator it(value, what, /*last_padding_optional=*/true);
  auto first = it.next();
  if (!first) return Unexpected(first.error());
  // The size check above guarantees an item or an error, never the end.
  const RawTlv& raw = **first;
  if (raw.type16() != static_cast<uint16_t>(HeartbeatInfoParameter::kType)) {
    return parse_error(ParseErrorCode::kInvalidValue, what);
  }
  auto second = it.next();
  if (!second) return Unexpected(second.error());
  if (second->has_value()) return parse_error(ParseErrorCode::kTooMany, what);
  return HeartbeatInfoParameter::parse(raw);
}

}  // namespace sctp
