#include "packet/error_causes/invalid_stream_identifier_cause.h"

namespace sctp {

ParseResult<InvalidStreamIdentifierCause> InvalidStreamIdentifierCause::parse(const RawTlv& raw) {
  if (raw.type16() != static_cast<uint16_t>(kCode)) {
    return parse_error(ParseErrorCode::kWrongType, "Invalid Stream Identifier cause");
  }
  // RFC 9260 section 3.3.10.1: the cause length is exactly 8.
  if (raw.value.size() < 4) {
    return parse_error(ParseErrorCode::kLengthTooShort, "Invalid Stream Identifier cause length");
  }
  if (raw.value.size() > 4) {
    return parse_error(ParseErrorCode::kLengthTooLong, "Invalid Stream Identifier cause length");
  }
  return InvalidStreamIdentifierCause{StreamId(ByteReader(raw.value).u16(0))};
}

void InvalidStreamIdentifierCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.u16(stream_id.value());
  writer.u16(0);  // reserved
  tlv.finish();
}

}  // namespace sctp
