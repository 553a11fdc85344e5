// Every chunk type of the SCTP wire format as one variant, and the dispatch
// from a framed RawChunk to its typed parser.
//
// A chunk of a type not listed here parses as UnknownChunk with its type,
// flags and bytes, so the socket can apply RFC 9260 section 3.2's rules for
// the upper two bits (stop or skip, report or not) and quote the chunk in an
// Unrecognized Chunk Type cause. A listed type that fails its parser is an
// error, not an UnknownChunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <variant>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunks/abort_chunk.h"
#include "packet/chunks/asconf_ack_chunk.h"
#include "packet/chunks/asconf_chunk.h"
#include "packet/chunks/auth_chunk.h"
#include "packet/chunks/cookie_ack_chunk.h"
#include "packet/chunks/cookie_echo_chunk.h"
#include "packet/chunks/cwr_chunk.h"
#include "packet/chunks/data_chunk.h"
#include "packet/chunks/ecne_chunk.h"
#include "packet/chunks/error_chunk.h"
#include "packet/chunks/forward_tsn_chunk.h"
#include "packet/chunks/heartbeat_ack_chunk.h"
#include "packet/chunks/heartbeat_chunk.h"
#include "packet/chunks/idata_chunk.h"
#include "packet/chunks/iforward_tsn_chunk.h"
#include "packet/chunks/init_ack_chunk.h"
#include "packet/chunks/init_chunk.h"
#include "packet/chunks/pad_chunk.h"
#include "packet/chunks/reconfig_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "packet/chunks/shutdown_ack_chunk.h"
#include "packet/chunks/shutdown_chunk.h"
#include "packet/chunks/shutdown_complete_chunk.h"
#include "packet/chunks/unknown_chunk.h"
#include "packet/raw_chunk.h"

namespace sctp {

// UnknownChunk stays last: it is the fallback for every other type code.
using AnyChunk = std::variant<
    // RFC 9260
    DataChunk, InitChunk, InitAckChunk, SackChunk, HeartbeatChunk, HeartbeatAckChunk, AbortChunk,
    ShutdownChunk, ShutdownAckChunk, ErrorChunk, CookieEchoChunk, CookieAckChunk, EcneChunk,
    CwrChunk, ShutdownCompleteChunk,
    // RFC 4895, RFC 8260, RFC 5061, RFC 6525, RFC 4820, RFC 3758
    AuthChunk, IDataChunk, AsconfAckChunk, ReConfigChunk, PadChunk, ForwardTsnChunk, AsconfChunk,
    IForwardTsnChunk,
    // anything else
    UnknownChunk>;

// Number of chunk types with a typed parser (UnknownChunk excluded).
inline constexpr size_t kTypedChunkCount = std::variant_size_v<AnyChunk> - 1;

// Parses `raw` with the parser of its type; an unlisted type gives UnknownChunk.
[[nodiscard]] ParseResult<AnyChunk> parse_chunk(const RawChunk& raw);
// Unpadded length (what the Length field says).
[[nodiscard]] size_t chunk_length(const AnyChunk& chunk);
// Writes header, value and padding.
void serialize_chunk(const AnyChunk& chunk, ByteWriter& writer);
// The type code on the wire (UnknownChunk: the type it arrived with).
[[nodiscard]] uint8_t chunk_type_of(const AnyChunk& chunk);

}  // namespace sctp
