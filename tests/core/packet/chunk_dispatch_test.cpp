// parse_chunk / serialize_chunk / chunk_type_of / chunk_length over every
// chunk type, unknown types with each upper-two-bit action, and whole
// packets of bundled chunks through PacketView.
#include "packet/chunk.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

#include "chunk_test_util.h"
#include "packet/packet_view.h"

namespace sctp {
namespace {

using test::Bytes;
using test::raw_of;

template <typename T, size_t I = 0>
constexpr size_t index_of() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, AnyChunk>, T>) {
    return I;
  } else {
    return index_of<T, I + 1>();
  }
}

struct TypedCase {
  uint8_t type;
  size_t expected_index;
  Bytes bytes;  // a small well-formed chunk of that type, padded
};

// One well-formed chunk per type, written from the RFC figures.
const std::vector<TypedCase>& typed_cases() {
  static const std::vector<TypedCase> cases = {
      {0, index_of<DataChunk>(), {0x00, 0x03, 0x00, 0x11, 0, 0, 0,    1, 0, 1,
                                  0,    0,    0,    0,    0, 0, 0xAA, 0, 0, 0}},
      {1, index_of<InitChunk>(), {0x01, 0, 0, 0x18, 0, 0, 0, 9, 0,    1, 0, 0,
                                  0,    1, 0, 1,    0, 0, 0, 5, 0x80, 0, 0, 4}},
      {2, index_of<InitAckChunk>(), {0x02, 0, 0, 0x19, 0, 0, 0, 9, 0, 1, 0,    0, 0, 1,
                                     0,    1, 0, 0,    0, 5, 0, 7, 0, 5, 0xC0, 0, 0, 0}},
      {3, index_of<SackChunk>(), {0x03, 0, 0, 0x14, 0, 0, 0, 5, 0, 0,
                                  0x10, 0, 0, 1,    0, 0, 0, 2, 0, 2}},
      {4, index_of<HeartbeatChunk>(), {0x04, 0, 0, 0x0C, 0, 1, 0, 8, 1, 2, 3, 4}},
      {5, index_of<HeartbeatAckChunk>(), {0x05, 0, 0, 0x0C, 0, 1, 0, 8, 1, 2, 3, 4}},
      {6, index_of<AbortChunk>(), {0x06, 0x01, 0, 0x08, 0, 12, 0, 4}},
      {7, index_of<ShutdownChunk>(), {0x07, 0, 0, 8, 0, 0, 0, 4}},
      {8, index_of<ShutdownAckChunk>(), {0x08, 0, 0, 4}},
      {9, index_of<ErrorChunk>(), {0x09, 0, 0, 0x0C, 0, 1, 0, 8, 0, 3, 0, 0}},
      {10, index_of<CookieEchoChunk>(), {0x0A, 0, 0, 6, 0xC0, 0x0C, 0, 0}},
      {11, index_of<CookieAckChunk>(), {0x0B, 0, 0, 4}},
      {12, index_of<EcneChunk>(), {0x0C, 0, 0, 8, 0, 0, 0, 7}},
      {13, index_of<CwrChunk>(), {0x0D, 0, 0, 8, 0, 0, 0, 7}},
      {14, index_of<ShutdownCompleteChunk>(), {0x0E, 0x01, 0, 4}},
      {15, index_of<AuthChunk>(), {0x0F, 0, 0, 0x0A, 0, 1, 0, 3, 0xAB, 0xCD, 0, 0}},
      {64, index_of<IDataChunk>(), {0x40, 0x03, 0, 0x15, 0, 0, 0, 1, 0,    1, 0, 0,
                                    0,    0,    0, 0,    0, 0, 0, 0, 0xAA, 0, 0, 0}},
      {128, index_of<AsconfAckChunk>(), {0x80, 0, 0, 8, 0, 0, 0, 3}},
      {130, index_of<ReConfigChunk>(), {0x82, 0, 0, 0x0C, 0, 15, 0, 8, 0, 0, 0, 1}},
      {132, index_of<PadChunk>(), {0x84, 0, 0, 7, 0, 0, 0, 0}},
      {192, index_of<ForwardTsnChunk>(), {0xC0, 0, 0, 0x0C, 0, 0, 0, 9, 0, 1, 0, 2}},
      {193, index_of<AsconfChunk>(), {0xC1, 0, 0, 0x10, 0, 0, 0, 3, 0, 5, 0, 8, 10, 0, 0, 1}},
      {194, index_of<IForwardTsnChunk>(), {0xC2, 0, 0, 0x10, 0, 0, 0, 9, 0, 1, 0, 1, 0, 0, 0, 2}},
  };
  return cases;
}

TEST(ParseChunk, DispatchesEveryKnownTypeToItsParser) {
  std::set<size_t> covered;
  for (const TypedCase& c : typed_cases()) {
    SCOPED_TRACE(chunk_type_name(c.type));
    ASSERT_EQ(c.bytes[0], c.type);
    auto chunk = parse_chunk(raw_of(c.bytes));
    ASSERT_TRUE(chunk) << to_string(chunk.error());
    EXPECT_EQ(chunk->index(), c.expected_index);
    EXPECT_EQ(chunk_type_of(*chunk), c.type);
    EXPECT_EQ(chunk_length(*chunk), load_be16(c.bytes.data() + 2));
    std::array<uint8_t, 64> buffer{};
    ByteWriter writer(buffer);
    serialize_chunk(*chunk, writer);
    ASSERT_FALSE(writer.overflowed());
    EXPECT_EQ(Bytes(writer.written().begin(), writer.written().end()), c.bytes);
    covered.insert(c.expected_index);
  }
  // Every typed alternative of AnyChunk has a case: 23 chunk types.
  EXPECT_EQ(covered.size(), kTypedChunkCount);
  EXPECT_EQ(kTypedChunkCount, 23u);
}

TEST(ParseChunk, EveryOtherTypeCodeIsKeptAsUnknownChunk) {
  std::set<uint8_t> known;
  for (const TypedCase& c : typed_cases())
    known.insert(c.type);
  size_t unknown_count = 0;
  for (int type = 0; type < 256; ++type) {
    if (known.count(uint8_t(type)) != 0) continue;
    const Bytes bytes = {uint8_t(type), 0x5A, 0x00, 0x06, 0x01, 0x02, 0x00, 0x00};
    auto chunk = parse_chunk(raw_of(bytes));
    ASSERT_TRUE(chunk) << type;
    const auto* unknown = std::get_if<UnknownChunk>(&*chunk);
    ASSERT_NE(unknown, nullptr) << type;
    EXPECT_EQ(unknown->type, type);
    EXPECT_EQ(unknown->flags, 0x5A);
    EXPECT_EQ(unknown->value.data(), bytes.data() + 4);
    EXPECT_EQ(chunk_type_of(*chunk), type);
    EXPECT_STREQ(chunk_type_name(uint8_t(type)), "unknown");
    ++unknown_count;
  }
  EXPECT_EQ(unknown_count, 256u - 23u);
}

TEST(ParseChunk, UnknownTypesKeepTheirBytesForEachUpperTwoBitAction) {
  // RFC 9260 section 3.2: 00 stop, 01 stop + report, 10 skip, 11 skip + report.
  struct Case {
    uint8_t type;
    UnrecognizedChunkAction action;
  };
  const Case cases[] = {
      {0x3F, UnrecognizedChunkAction::kStopDiscard},
      {0x7E, UnrecognizedChunkAction::kStopDiscardReport},
      {0xBE, UnrecognizedChunkAction::kSkip},
      {0xFE, UnrecognizedChunkAction::kSkipReport},
  };
  for (const Case& c : cases) {
    const Bytes bytes = {c.type, 0xA5, 0x00, 0x07, 0x11, 0x22, 0x33, 0x00};
    auto chunk = parse_chunk(raw_of(bytes));
    ASSERT_TRUE(chunk);
    const auto* unknown = std::get_if<UnknownChunk>(&*chunk);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->action(), c.action) << int(c.type);
    EXPECT_EQ(unknown->flags, 0xA5);
    ASSERT_EQ(unknown->value.size(), 3u);
    EXPECT_EQ(unknown->value[2], 0x33);
    EXPECT_EQ(chunk_length(*chunk), 7u);
    // Written back exactly as received (for an Unrecognized Chunk Type report).
    EXPECT_EQ(test::serialized(*unknown), bytes);
  }
}

TEST(ParseChunk, AKnownTypeThatFailsItsParserIsAnErrorNotAnUnknownChunk) {
  const std::vector<test::MalformedChunk> cases = {
      {"DATA without fixed fields", {0x00, 0x03, 0x00, 0x04}, ParseErrorCode::kLengthTooShort},
      {"SACK with a bad count",
       {0x03, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0},
       ParseErrorCode::kInconsistent},
      {"SHUTDOWN too long",
       {0x07, 0, 0, 12, 0, 0, 0, 1, 0, 0, 0, 0},
       ParseErrorCode::kLengthTooLong},
      {"HEARTBEAT without info", {0x04, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
      {"FORWARD TSN misaligned",
       {0xC0, 0, 0, 10, 0, 0, 0, 1, 0, 1, 0, 0},
       ParseErrorCode::kMisaligned},
      {"RE-CONFIG empty", {0x82, 0, 0, 4}, ParseErrorCode::kLengthTooShort},
  };
  for (const auto& c : cases) {
    auto chunk = parse_chunk(raw_of(c.bytes));
    ASSERT_FALSE(chunk) << c.name;
    EXPECT_EQ(chunk.error().code, c.expected) << c.name;
  }
}

TEST(ChunkTypeName, NamesEveryKnownType) {
  const std::vector<std::pair<ChunkType, std::string>> names = {
      {ChunkType::kData, "DATA"},
      {ChunkType::kInit, "INIT"},
      {ChunkType::kInitAck, "INIT ACK"},
      {ChunkType::kSack, "SACK"},
      {ChunkType::kHeartbeat, "HEARTBEAT"},
      {ChunkType::kHeartbeatAck, "HEARTBEAT ACK"},
      {ChunkType::kAbort, "ABORT"},
      {ChunkType::kShutdown, "SHUTDOWN"},
      {ChunkType::kShutdownAck, "SHUTDOWN ACK"},
      {ChunkType::kError, "ERROR"},
      {ChunkType::kCookieEcho, "COOKIE ECHO"},
      {ChunkType::kCookieAck, "COOKIE ACK"},
      {ChunkType::kEcne, "ECNE"},
      {ChunkType::kCwr, "CWR"},
      {ChunkType::kShutdownComplete, "SHUTDOWN COMPLETE"},
      {ChunkType::kAuth, "AUTH"},
      {ChunkType::kIData, "I-DATA"},
      {ChunkType::kAsconfAck, "ASCONF-ACK"},
      {ChunkType::kReConfig, "RE-CONFIG"},
      {ChunkType::kPad, "PAD"},
      {ChunkType::kForwardTsn, "FORWARD TSN"},
      {ChunkType::kAsconf, "ASCONF"},
      {ChunkType::kIForwardTsn, "I-FORWARD TSN"},
  };
  for (const auto& [type, name] : names) {
    EXPECT_EQ(chunk_type_name(static_cast<uint8_t>(type)), name);
  }
}

// A hand-written packet: common header, then COOKIE ECHO, DATA, SACK,
// an unknown skip-type chunk (0xBF) and HEARTBEAT bundled.
const Bytes kPacket = {
    0x13, 0x88, 0x13, 0x89,  // ports 5000 -> 5001
    0xCA, 0xFE, 0xBA, 0xBE,  // verification tag
    0x00, 0x00, 0x00, 0x00,  // checksum (not checked by PacketView)
    0x0A, 0x00, 0x00, 0x07,  // COOKIE ECHO, length 7
    0x01, 0x02, 0x03, 0x00,  //   3-byte cookie + padding
    0x00, 0x03, 0x00, 0x12,  // DATA B|E, length 18
    0x00, 0x00, 0x00, 0x64,  //   TSN 100
    0x00, 0x02, 0x00, 0x00,  //   stream 2, SSN 0
    0x00, 0x00, 0x00, 0x33,  //   PPID 51
    'h',  'i',  0x00, 0x00,  //   "hi" + padding
    0x03, 0x00, 0x00, 0x10,  // SACK, length 16
    0x00, 0x00, 0x00, 0x63,  //   cum TSN ack 99
    0x00, 0x01, 0x00, 0x00,  //   a_rwnd 65536
    0x00, 0x00, 0x00, 0x00,  //   no gaps, no duplicates
    0xBF, 0x07, 0x00, 0x05,  // unknown 0xBF (skip), flags 7, length 5
    0xEE, 0x00, 0x00, 0x00,  //   one byte + padding
    0x04, 0x00, 0x00, 0x0C,  // HEARTBEAT, length 12
    0x00, 0x01, 0x00, 0x08,  //   Heartbeat Info, length 8
    0xDE, 0xAD, 0xBE, 0xEF,  //
};

TEST(BundledPacket, EveryChunkOfAHandWrittenPacketParses) {
  auto packet = PacketView::parse(kPacket);
  ASSERT_TRUE(packet) << to_string(packet.error());
  EXPECT_EQ(packet->header().verification_tag, VerificationTag(0xCAFEBABE));
  ASSERT_EQ(packet->chunk_count(), 5u);
  std::vector<AnyChunk> chunks;
  for (const RawChunk& raw : *packet) {
    auto chunk = parse_chunk(raw);
    ASSERT_TRUE(chunk) << chunk_type_name(raw.type) << ": " << to_string(chunk.error());
    chunks.push_back(*chunk);
  }
  ASSERT_EQ(chunks.size(), 5u);
  const auto* cookie = std::get_if<CookieEchoChunk>(&chunks[0]);
  ASSERT_NE(cookie, nullptr);
  EXPECT_EQ(cookie->cookie.size(), 3u);
  const auto* data = std::get_if<DataChunk>(&chunks[1]);
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->tsn, Tsn(100));
  EXPECT_EQ(data->stream_id, StreamId(2));
  EXPECT_TRUE(data->beginning && data->ending);
  ASSERT_EQ(data->payload.size(), 2u);
  EXPECT_EQ(data->payload[1], 'i');
  const auto* sack = std::get_if<SackChunk>(&chunks[2]);
  ASSERT_NE(sack, nullptr);
  EXPECT_EQ(sack->cumulative_tsn_ack, Tsn(99));
  EXPECT_EQ(sack->a_rwnd, 65536u);
  const auto* unknown = std::get_if<UnknownChunk>(&chunks[3]);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->type, 0xBF);
  EXPECT_EQ(unknown->action(), UnrecognizedChunkAction::kSkip);
  const auto* heartbeat = std::get_if<HeartbeatChunk>(&chunks[4]);
  ASSERT_NE(heartbeat, nullptr);
  EXPECT_EQ(heartbeat->info.info.size(), 4u);

  // Serializing the chunks after the same header rebuilds the packet.
  std::array<uint8_t, 256> buffer{};
  ByteWriter writer(buffer);
  writer.bytes(ByteSpan(kPacket).first(12));
  for (const AnyChunk& chunk : chunks)
    serialize_chunk(chunk, writer);
  ASSERT_FALSE(writer.overflowed());
  EXPECT_EQ(Bytes(writer.written().begin(), writer.written().end()), kPacket);
}

TEST(BundledPacket, AllChunkTypesBundledInOnePacketRoundTrip) {
  // Every well-formed case above, bundled behind one common header.
  Bytes packet = {0x13, 0x88, 0x13, 0x89, 0, 0, 0, 1, 0, 0, 0, 0};
  for (const TypedCase& c : typed_cases())
    packet.insert(packet.end(), c.bytes.begin(), c.bytes.end());
  const Bytes unknown = {0xFF, 0x00, 0x00, 0x04};
  for (uint8_t byte : unknown)
    packet.push_back(byte);

  auto view = PacketView::parse(packet);
  ASSERT_TRUE(view) << to_string(view.error());
  ASSERT_EQ(view->chunk_count(), typed_cases().size() + 1);
  size_t i = 0;
  std::array<uint8_t, 1024> buffer{};
  ByteWriter writer(buffer);
  writer.bytes(ByteSpan(packet).first(12));
  for (const RawChunk& raw : *view) {
    auto chunk = parse_chunk(raw);
    ASSERT_TRUE(chunk) << chunk_type_name(raw.type) << ": " << to_string(chunk.error());
    if (i < typed_cases().size()) {
      EXPECT_EQ(chunk->index(), typed_cases()[i].expected_index);
    } else {
      EXPECT_TRUE(std::holds_alternative<UnknownChunk>(*chunk));
    }
    serialize_chunk(*chunk, writer);
    ++i;
  }
  ASSERT_FALSE(writer.overflowed());
  EXPECT_EQ(Bytes(writer.written().begin(), writer.written().end()), packet);
}

TEST(BundledPacket, AMalformedChunkInsideAWellFramedPacketIsReportedByItsParser) {
  // Framing is fine (PacketView accepts it); the SHUTDOWN's value is not.
  const Bytes packet = {0x13, 0x88, 0x13, 0x89, 0,    0, 0, 1, 0, 0, 0, 0,
                        0x0B, 0x00, 0x00, 0x04, 0x07, 0, 0, 6, 0, 0, 0, 0};
  auto view = PacketView::parse(packet);
  ASSERT_TRUE(view);
  auto it = view->begin();
  EXPECT_TRUE(parse_chunk(*it));
  ++it;
  auto shutdown = parse_chunk(*it);
  ASSERT_FALSE(shutdown);
  EXPECT_EQ(shutdown.error().code, ParseErrorCode::kLengthTooShort);
}

}  // namespace
}  // namespace sctp
