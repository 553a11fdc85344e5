// ASCONF chunk (RFC 5061 section 4.1.1).
//
// |   Type = 0xC1 |  Chunk Flags  |      Chunk Length             |
// |                       Serial Number                           |
// /                    Address Parameter                          /
// /                    ASCONF Parameter #1..N                     /
//
// The Address Parameter (IPv4 or IPv6) is mandatory: a chunk too short to
// hold one is kLengthTooShort, and a first parameter of another type is
// kInvalidValue. The ASCONF parameters (Add/Delete IP Address, Set Primary
// Address, Adaptation Layer Indication, ...) are parsed as a list, unknown
// types as UnknownParameter; judging them (an unknown type's upper bits, a
// request the endpoint refuses) is the socket's, answered in ASCONF-ACK
// (RFC 5061 section 5.2). An ASCONF with no request parameter parses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter.h"
#include "packet/parameters/address_parameter.h"
#include "packet/raw_chunk.h"

namespace sctp {

struct AsconfChunk {
  static constexpr ChunkType kType = ChunkType::kAsconf;
  static constexpr size_t kFixedValueSize = 4;  // serial number

  uint32_t serial_number = 0;  // RFC 5061 section 5.1: serial arithmetic is the socket's
  AddressParameter address;
  std::vector<Parameter> parameters;

  static ParseResult<AsconfChunk> parse(const RawChunk& raw);
  [[nodiscard]] size_t length() const;
  void serialize(ByteWriter& writer) const;
  bool operator==(const AsconfChunk&) const = default;
};

}  // namespace sctp
