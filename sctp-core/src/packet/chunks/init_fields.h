// The body shared by INIT (RFC 9260 section 3.3.2) and INIT ACK (3.3.3):
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// |   Type = 1/2  |  Chunk Flags  |      Chunk Length             |
// |                         Initiate Tag                          |
// |          Advertised Receiver Window Credit (a_rwnd)           |
// |  Number of Outbound Streams   |   Number of Inbound Streams   |
// |                          Initial TSN                          |
// /              Optional/Variable-Length Parameters              /
//
// Parsing is purely structural: every field is taken as sent and every
// parameter is parsed (unknown types as UnknownParameter). The semantic rules
// belong to the socket, which knows the association state and must answer
// each violation differently: an Initiate Tag of 0 in an INIT means "discard
// silently" (RFC 9260 section 3.3.2) but in an INIT ACK an ABORT (3.3.3); 0
// outbound or inbound streams means ABORT (3.3.2); an INIT ACK without a
// State Cookie means ABORT with Missing Mandatory Parameter (3.3.3); and the
// unknown parameters' upper two bits decide stop/skip/report (3.2.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <variant>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter.h"
#include "packet/raw_chunk.h"
#include "sctp/strong_types.h"

namespace sctp {

struct InitFields {
  static constexpr size_t kFixedValueSize = 16;

  VerificationTag initiate_tag;
  uint32_t a_rwnd = 0;
  uint16_t outbound_streams = 0;
  uint16_t inbound_streams = 0;
  Tsn initial_tsn;
  std::vector<Parameter> parameters;

  // The first parameter of type P, or null.
  template <typename P>
  [[nodiscard]] const P* find() const {
    for (const Parameter& p : parameters) {
      if (const P* found = std::get_if<P>(&p)) return found;
    }
    return nullptr;
  }

  bool operator==(const InitFields&) const = default;
};

// Parses the fixed fields and the parameters of a chunk of `type`.
[[nodiscard]] ParseResult<InitFields> parse_init_fields(const RawChunk& raw, ChunkType type,
                                                        const char* what);
// Chunk length without its padding.
[[nodiscard]] size_t init_chunk_length(const InitFields& fields);
// Writes a whole chunk of `type` (flags zero) and its padding.
void serialize_init_chunk(const InitFields& fields, ChunkType type, ByteWriter& writer);

}  // namespace sctp
