#include "packet/chunk.h"

#include <type_traits>
#include <utility>

namespace sctp {
namespace {

template <typename Chunk>
ParseResult<AnyChunk> parse_as(const RawChunk& raw) {
  auto parsed = Chunk::parse(raw);
  if (!parsed) return Unexpected(parsed.error());
  return AnyChunk(std::in_place_type<Chunk>, std::move(*parsed));
}

}  // namespace

ParseResult<AnyChunk> parse_chunk(const RawChunk& raw) {
  switch (static_cast<ChunkType>(raw.type)) {
    case ChunkType::kData:
      return parse_as<DataChunk>(raw);
    case ChunkType::kInit:
      return parse_as<InitChunk>(raw);
    case ChunkType::kInitAck:
      return parse_as<InitAckChunk>(raw);
    case ChunkType::kSack:
      return parse_as<SackChunk>(raw);
    case ChunkType::kHeartbeat:
      return parse_as<HeartbeatChunk>(raw);
    case ChunkType::kHeartbeatAck:
      return parse_as<HeartbeatAckChunk>(raw);
    case ChunkType::kAbort:
      return parse_as<AbortChunk>(raw);
    case ChunkType::kShutdown:
      return parse_as<ShutdownChunk>(raw);
    case ChunkType::kShutdownAck:
      return parse_as<ShutdownAckChunk>(raw);
    case ChunkType::kError:
      return parse_as<ErrorChunk>(raw);
    case ChunkType::kCookieEcho:
      return parse_as<CookieEchoChunk>(raw);
    case ChunkType::kCookieAck:
      return parse_as<CookieAckChunk>(raw);
    case ChunkType::kEcne:
      return parse_as<EcneChunk>(raw);
    case ChunkType::kCwr:
      return parse_as<CwrChunk>(raw);
    case ChunkType::kShutdownComplete:
      return parse_as<ShutdownCompleteChunk>(raw);
    case ChunkType::kAuth:
      return parse_as<AuthChunk>(raw);
    case ChunkType::kIData:
      return parse_as<IDataChunk>(raw);
    case ChunkType::kAsconfAck:
      return parse_as<AsconfAckChunk>(raw);
    case ChunkType::kReConfig:
      return parse_as<ReConfigChunk>(raw);
    case ChunkType::kPad:
      return parse_as<PadChunk>(raw);
    case ChunkType::kForwardTsn:
      return parse_as<ForwardTsnChunk>(raw);
    case ChunkType::kAsconf:
      return parse_as<AsconfChunk>(raw);
    case ChunkType::kIForwardTsn:
      return parse_as<IForwardTsnChunk>(raw);
  }
  // Not a listed type (the enum is not exhaustive over uint8_t).
  return AnyChunk(UnknownChunk{raw.type, raw.flags, raw.value});
}

size_t chunk_length(const AnyChunk& chunk) {
  return std::visit([](const auto& c) { return c.length(); }, chunk);
}

void serialize_chunk(const AnyChunk& chunk, ByteWriter& writer) {
  std::visit([&writer](const auto& c) { c.serialize(writer); }, chunk);
}

uint8_t chunk_type_of(const AnyChunk& chunk) {
  return std::visit(
      [](const auto& c) -> uint8_t {
        using Chunk = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<Chunk, UnknownChunk>) {
          return c.type;
        } else {
          return static_cast<uint8_t>(Chunk::kType);
        }
      },
      chunk);
}

const char* chunk_type_name(uint8_t type) {
  switch (static_cast<ChunkType>(type)) {
    case ChunkType::kData:
      return "DATA";
    case ChunkType::kInit:
      return "INIT";
    case ChunkType::kInitAck:
      return "INIT ACK";
    case ChunkType::kSack:
      return "SACK";
    case ChunkType::kHeartbeat:
      return "HEARTBEAT";
    case ChunkType::kHeartbeatAck:
      return "HEARTBEAT ACK";
    case ChunkType::kAbort:
      return "ABORT";
    case ChunkType::kShutdown:
      return "SHUTDOWN";
    case ChunkType::kShutdownAck:
      return "SHUTDOWN ACK";
    case ChunkType::kError:
      return "ERROR";
    case ChunkType::kCookieEcho:
      return "COOKIE ECHO";
    case ChunkType::kCookieAck:
      return "COOKIE ACK";
    case ChunkType::kEcne:
      return "ECNE";
    case ChunkType::kCwr:
      return "CWR";
    case ChunkType::kShutdownComplete:
      return "SHUTDOWN COMPLETE";
    case ChunkType::kAuth:
      return "AUTH";
    case ChunkType::kIData:
      return "I-DATA";
    case ChunkType::kAsconfAck:
      return "ASCONF-ACK";
    case ChunkType::kReConfig:
      return "RE-CONFIG";
    case ChunkType::kPad:
      return "PAD";
    case ChunkType::kForwardTsn:
      return "FORWARD TSN";
    case ChunkType::kAsconf:
      return "ASCONF";
    case ChunkType::kIForwardTsn:
      return "I-FORWARD TSN";
  }
  return "unknown";
}

}  // namespace sctp
