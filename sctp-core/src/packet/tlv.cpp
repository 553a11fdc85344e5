#include "packet/tlv.h"

namespace sctp {

ParseResult<std::optional<RawTlv>> TlvIterator::next() {
  const size_t left = data_.size() - offset_;
  if (left == 0) return std::optional<RawTlv>();
  if (left < kTlvHeaderSize) return parse_error(ParseErrorCode::kTruncated, what_);
  const uint8_t* p = data_.data() + offset_;
  const uint16_t length = load_be16(p + 2);
  if (length < kTlvHeaderSize) return parse_error(ParseErrorCode::kLengthTooShort, what_);
  if (length > left) return parse_error(ParseErrorCode::kLengthTooLong, what_);
  const size_t padded = pad4(length);
  if (padded > left) {
    // Only the last item may lack its padding, and only where allowed.
    if (!last_padding_optional_) return parse_error(ParseErrorCode::kBadPadding, what_);
    offset_ = data_.size();
  } else {
    offset_ += padded;
  }
  RawTlv item;
  item.byte0 = p[0];
  item.byte1 = p[1];
  item.whole = ByteSpan(p, length);
  item.value = ByteSpan(p + kTlvHeaderSize, length - kTlvHeaderSize);
  return std::optional<RawTlv>(item);
}

}  // namespace sctp
