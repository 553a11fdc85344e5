#include "packet/packet_view.h"

#include "packet/tlv.h"

namespace sctp {

ParseResult<PacketView> PacketView::parse(ByteSpan packet) {
  if (packet.size() < kCommonHeaderSize) {
    return parse_error(ParseErrorCode::kTruncated, "SCTP common header");
  }
  PacketView view;
  view.bytes_ = packet;
  ByteReader reader(packet);
  view.header_.source_port = reader.u16(0);
  view.header_.destination_port = reader.u16(2);
  view.header_.verification_tag = VerificationTag(reader.u32(4));
  view.header_.checksum = reader.u32(8);
  view.chunks_ = packet.subspan(kCommonHeaderSize);
  // RFC 9260 section 3.2: every chunk, the last included, is padded to 4 bytes.
  std::optional<ParseError> err =
      for_each_tlv(view.chunks_, "chunk", /*last_padding_optional=*/false,
                   [&](const RawTlv&) -> std::optional<ParseError> {
                     ++view.chunk_count_;
                     return std::nullopt;
                   });
  if (err) return Unexpected(*err);
  return view;
}

RawChunk PacketView::Iterator::operator*() const {
  const uint8_t* p = chunks_.data() + offset_;
  const uint16_t length = load_be16(p + 2);
  return RawChunk{p[0], p[1], ByteSpan(p + kTlvHeaderSize, length - kTlvHeaderSize),
                  ByteSpan(p, length)};
}

PacketView::Iterator& PacketView::Iterator::operator++() {
  const uint16_t length = load_be16(chunks_.data() + offset_ + 2);
  offset_ += pad4(length);
  return *this;
}

}  // namespace sctp
