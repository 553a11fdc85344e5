// Type-length-value framing shared by chunks (RFC 9260 section 3.2),
// parameters (section 3.2.1) and error causes (section 3.3.10).
//
// All three put a 16-bit length at offset 2 that counts the 4-byte header and
// the value but not the padding (0-3 zero bytes up to a multiple of 4). The
// iterators here split a span into such items, checking every length against
// what is left, and never read past the span.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/byte_io.h"
#include "common/parse_error.h"

namespace sctp {

inline constexpr size_t kTlvHeaderSize = 4;

// One raw item: the 4-byte header's first two bytes and the value bytes
// (header excluded, padding excluded).
struct RawTlv {
  uint8_t byte0 = 0;  // chunk: type;  parameter/cause: high byte of the type
  uint8_t byte1 = 0;  // chunk: flags; parameter/cause: low byte of the type
  ByteSpan value;     // the value, without header and padding
  ByteSpan whole;     // header + value, without padding
  [[nodiscard]] uint16_t type16() const { return uint16_t((uint16_t(byte0) << 8) | byte1); }
};

// Splits `data` into TLV items. `what` names the item kind in errors.
//
// Padding rules: every item but the last must be followed by padding up to a
// multiple of 4. The last item's padding may be absent when `last_padding_optional`
// is set: RFC 9260 section 3.2 says a chunk's length does not count the padding
// of its last parameter, so a chunk that ends exactly at its last parameter's
// unpadded end is well formed. At the packet level every chunk, the last one
// included, is padded (section 3.2: "The sender MUST pad the chunk"), so a
// packet whose length is not a multiple of 4 is rejected.
class TlvIterator {
 public:
  TlvIterator(ByteSpan data, const char* what, bool last_padding_optional)
      : data_(data), what_(what), last_padding_optional_(last_padding_optional) {}

  // Returns the next item, std::nullopt at the end, or an error. After an
  // error the iterator stays at the failing position and keeps failing.
  ParseResult<std::optional<RawTlv>> next();

  // Offset of the next item within the span.
  [[nodiscard]] size_t offset() const { return offset_; }

 private:
  ByteSpan data_;
  const char* what_;
  bool last_padding_optional_;
  size_t offset_ = 0;
};

// Calls `fn(const RawTlv&) -> std::optional<ParseError>` on each item;
// stops at the first error (from framing or from `fn`).
template <typename Fn>
std::optional<ParseError> for_each_tlv(ByteSpan data, const char* what, bool last_padding_optional,
                                       Fn&& fn) {
  TlvIterator it(data, what, last_padding_optional);
  for (;;) {
    auto item = it.next();
    if (!item) return item.error();
    if (!item->has_value()) return std::nullopt;
    if (std::optional<ParseError> err = fn(**item)) return err;
  }
}

// Writes a TLV header whose length is patched by `finish`.
class TlvWriter {
 public:
  TlvWriter(ByteWriter& writer, uint8_t byte0, uint8_t byte1)
      : writer_(writer), start_(writer.size()) {
    writer_.u8(byte0);
    writer_.u8(byte1);
    writer_.u16(0);
  }
  TlvWriter(ByteWriter& writer, uint16_t type16)
      : TlvWriter(writer, uint8_t(type16 >> 8), uint8_t(type16)) {}
  // Patches the length (without padding) and pads to 4 bytes.
  void finish() {
    writer_.patch_u16(start_ + 2, uint16_t(writer_.size() - start_));
    writer_.pad_to_4();
  }

 private:
  ByteWriter& writer_;
  size_t start_;
};

}  // namespace sctp
