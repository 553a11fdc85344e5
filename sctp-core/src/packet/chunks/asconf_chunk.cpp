#include "packet/chunks/asconf_chunk.h"

#include <utility>

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"
#include "packet/tlv.h"

namespace sctp {

ParseResult<AsconfChunk> AsconfChunk::parse(const RawChunk& raw) {
  // The smallest ASCONF holds the serial number and an address TLV header.
  if (auto err = check_chunk_at_least(raw, kType, kFixedValueSize + kTlvHeaderSize,
                                      "ASCONF chunk length")) {
    return Unexpected(*err);
  }
  const ByteReader r(raw.value);
  const ByteSpan tlvs = r.rest(kFixedValueSize);
  TlvIterator it(tlvs, "ASCONF address parameter", /*last_padding_optional=*/true);
  auto first = it.next();
  if (!first) return Unexpected(first.error());
  // At least a TLV header is present, so next() gave an item, not the end.
  auto address = parse_address_parameter(**first);
  if (!address) return Unexpected(address.error());
  auto parameters = parse_parameters(tlvs.subspan(it.offset()));
  if (!parameters) return Unexpected(parameters.error());
  return AsconfChunk{r.u32(0), std::move(*address), std::move(*parameters)};
}

size_t AsconfChunk::length() const {
  const size_t address_length = address_parameter_length(address);
  // The address is the last TLV only when no request follows it (RFC 9260
  // section 3.2: only the last parameter's padding is left out).
  const size_t address_part = parameters.empty() ? address_length : pad4(address_length);
  return kChunkHeaderSize + kFixedValueSize + address_part + parameter_list_length(parameters);
}

void AsconfChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  writer.u32(serial_number);
  serialize_address_parameter(address, writer);
  serialize_parameters(parameters, writer);
}

}  // namespace sctp
