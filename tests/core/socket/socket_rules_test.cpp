// Single protocol rules of the socket, each checked with hand-built packets.
#include <gtest/gtest.h>

#include "packet/chunks/data_chunk.h"
#include "packet/chunks/shutdown_ack_chunk.h"
#include "packet/chunks/shutdown_complete_chunk.h"
#include "packet/error_causes/stale_cookie_cause.h"
#include "packet/error_causes/unrecognized_chunk_type_cause.h"
#include "packet/error_causes/unrecognized_parameters_cause.h"
#include "raw_peer.h"

namespace sctp::testing {
namespace {

constexpr uint8_t type_of(ChunkType t) {
  return uint8_t(t);
}

// ------------------------------------------------------------ INIT rules

TEST(SocketRules, Section3_3_2_InitWithInitiateTagZeroIsDiscardedSilently) {
  RawPeer peer;
  peer.deliver(VerificationTag(0), peer.make_init(0));
  EXPECT_TRUE(peer.sent.empty());
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
  EXPECT_EQ(peer.socket().metrics().packets_discarded, 1u);
  // A valid INIT that follows is answered (usrsctp fails this one).
  peer.deliver(VerificationTag(0), peer.make_init());
  ASSERT_EQ(peer.sent.size(), 1u);
  EXPECT_EQ(peer.sent[0].types(), std::vector<uint8_t>{type_of(ChunkType::kInitAck)});
}

TEST(SocketRules, Section8_5_1_A_InitWithNonZeroVerificationTagIsDiscarded) {
  RawPeer peer;
  peer.deliver(VerificationTag(77), peer.make_init());
  EXPECT_TRUE(peer.sent.empty());
}

TEST(SocketRules, Section3_3_2_InitBundledWithAnotherChunkIsDiscarded) {
  RawPeer peer;
  peer.deliver(VerificationTag(0), peer.make_init(), CookieAckChunk{});
  EXPECT_TRUE(peer.sent.empty());
}

class InvalidInit : public ::testing::TestWithParam<int> {};

TEST_P(InvalidInit, Section3_3_2_AbortedWithoutTouchingThePendingAssociation) {
  RawPeer peer;
  peer.socket().connect();  // COOKIE-WAIT: a pending association exists
  ASSERT_EQ(peer.sent.size(), 1u);
  const auto our_init = InitChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(our_init);
  InitChunk bad = peer.make_init();
  switch (GetParam()) {
    case 0:
      bad.outbound_streams = 0;
      break;
    case 1:
      bad.inbound_streams = 0;
      break;
    default:
      bad.a_rwnd = 1499;
      break;
  }
  peer.deliver(VerificationTag(0), bad);
  ASSERT_EQ(peer.sent.size(), 2u);
  const SentPacket& reply = peer.sent[1];
  ASSERT_EQ(reply.types(), std::vector<uint8_t>{type_of(ChunkType::kAbort)});
  // Section 8.4 rule 3: tagged with the INIT's Initiate Tag, T bit clear.
  EXPECT_EQ(reply.tag(), VerificationTag(RawPeer::kPeerTag));
  EXPECT_FALSE(AbortChunk::parse(reply.chunk(0))->tag_reflected);
  // The pending association is untouched: still connecting, and a valid
  // INIT is answered as an INIT collision with our original tag (5.2.1).
  EXPECT_EQ(peer.socket().state(), SocketState::kConnecting);
  EXPECT_TRUE(peer.aborted.empty());
  peer.deliver(VerificationTag(0), peer.make_init());
  ASSERT_EQ(peer.sent.size(), 3u);
  const auto ack = InitAckChunk::parse(peer.sent[2].chunk(0));
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->initiate_tag, our_init->initiate_tag);
  EXPECT_EQ(ack->initial_tsn, our_init->initial_tsn);
}

INSTANTIATE_TEST_SUITE_P(ZeroOsZeroMisSmallRwnd, InvalidInit, ::testing::Values(0, 1, 2));

TEST(SocketRules, Section3_3_2_InvalidInitDoesNotDisturbAnEstablishedAssociation) {
  RawPeer peer;
  peer.establish();
  InitChunk bad = peer.make_init(0x5555);
  bad.outbound_streams = 0;
  peer.deliver(VerificationTag(0), bad);
  EXPECT_EQ(peer.sent.back().types(), std::vector<uint8_t>{type_of(ChunkType::kAbort)});
  EXPECT_EQ(peer.sent.back().tag(), VerificationTag(0x5555));
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
  EXPECT_TRUE(peer.aborted.empty());
}

TEST(SocketRules, Section3_2_1_UnknownInitParametersByTheirUpperBits) {
  RawPeer peer;
  InitChunk init = peer.make_init();
  const std::vector<uint8_t> v = {1, 2, 3, 4};
  init.parameters.emplace_back(UnknownParameter{0xBFF0, v, {}});  // 10: skip
  init.parameters.emplace_back(UnknownParameter{0xFFF0, v, {}});  // 11: skip, report
  init.parameters.emplace_back(ForwardTsnSupportedParameter{});   // processed
  init.parameters.emplace_back(UnknownParameter{0x7FF0, v, {}});  // 01: stop, report
  init.parameters.emplace_back(SupportedExtensionsParameter{{uint8_t(ChunkType::kReConfig)}});
  peer.establish_as_initiator(init);
  const auto ack = InitAckChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(ack);
  std::vector<uint16_t> reported;
  for (const Parameter& p : ack->parameters) {
    if (const auto* u = std::get_if<UnrecognizedParameterParameter>(&p)) {
      reported.push_back(u->unrecognized_type());
    }
  }
  EXPECT_EQ(reported, (std::vector<uint16_t>{0xFFF0, 0x7FF0}));
  // Parameters before the "stop" one count, those after it do not.
  const Metrics m = peer.socket().metrics();
  EXPECT_TRUE(m.uses_partial_reliability);
  EXPECT_FALSE(m.uses_stream_reconfiguration);
}

TEST(SocketRules, Section3_2_2_UnknownInitAckParametersReportedWithCookieEcho) {
  RawPeer peer;
  peer.socket().connect();
  const auto init = InitChunk::parse(peer.sent[0].chunk(0));
  InitAckChunk ack;
  ack.initiate_tag = VerificationTag(RawPeer::kPeerTag);
  ack.a_rwnd = 65536;
  ack.outbound_streams = 8;
  ack.inbound_streams = 8;
  ack.initial_tsn = Tsn(5);
  const std::vector<uint8_t> cookie = {9, 9, 9, 9};
  const std::vector<uint8_t> v = {7, 7};
  ack.parameters.emplace_back(StateCookieParameter{cookie});
  ack.parameters.emplace_back(UnknownParameter{0xC123, v, {}});  // 11: skip, report
  peer.deliver(init->initiate_tag, ack);
  ASSERT_EQ(peer.sent.size(), 2u);
  const SentPacket& p = peer.sent[1];
  ASSERT_EQ(p.types(),
            (std::vector<uint8_t>{type_of(ChunkType::kCookieEcho), type_of(ChunkType::kError)}));
  EXPECT_EQ(p.tag(), VerificationTag(RawPeer::kPeerTag));
  const auto error = ErrorChunk::parse(p.chunk(1));
  ASSERT_TRUE(error);
  ASSERT_EQ(error->causes.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<UnrecognizedParametersCause>(error->causes[0]));
  EXPECT_EQ(peer.socket().state(), SocketState::kConnecting);
}

TEST(SocketRules, Section3_3_3_InitAckWithoutStateCookieAborts) {
  RawPeer peer;
  peer.socket().connect();
  const auto init = InitChunk::parse(peer.sent[0].chunk(0));
  InitAckChunk ack;
  ack.initiate_tag = VerificationTag(RawPeer::kPeerTag);
  ack.a_rwnd = 65536;
  ack.outbound_streams = 8;
  ack.inbound_streams = 8;
  peer.deliver(init->initiate_tag, ack);
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
  ASSERT_EQ(peer.aborted.size(), 1u);
  EXPECT_EQ(peer.sent.back().types(), std::vector<uint8_t>{type_of(ChunkType::kAbort)});
}

// ------------------------------------------------------------ cookies

TEST(SocketRules, Section5_1_5_ForgedCookieIsDiscardedSilently) {
  RawPeer peer;
  peer.deliver(VerificationTag(0), peer.make_init());
  const auto ack = InitAckChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(ack);
  const auto* param = ack->find<StateCookieParameter>();
  ASSERT_NE(param, nullptr);
  std::vector<uint8_t> forged(param->cookie.begin(), param->cookie.end());
  ASSERT_GT(forged.size(), 20u);
  forged.at(20) ^= 0x01;  // e.g. a different peer tag
  peer.deliver(ack->initiate_tag, CookieEchoChunk{forged});
  EXPECT_EQ(peer.sent.size(), 1u);  // nothing more sent
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
  EXPECT_EQ(peer.connected, 0);
}

TEST(SocketRules, Section5_1_5_Step3_CookieEchoWithAnotherTagIsDiscarded) {
  RawPeer peer;
  peer.deliver(VerificationTag(0), peer.make_init());
  const auto ack = InitAckChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(ack);
  const auto* cookie = ack->find<StateCookieParameter>();
  ASSERT_NE(cookie, nullptr);
  peer.deliver(VerificationTag(ack->initiate_tag.value() + 1), CookieEchoChunk{cookie->cookie});
  EXPECT_EQ(peer.sent.size(), 1u);
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
}

TEST(SocketRules, Section5_1_5_Step4_StaleCookieGetsErrorWithStaleness) {
  SocketOptions o;
  o.valid_cookie_life = DurationMs(1000);
  RawPeer peer(o);
  peer.deliver(VerificationTag(0), peer.make_init());
  const auto ack = InitAckChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(ack);
  const auto* param = ack->find<StateCookieParameter>();
  ASSERT_NE(param, nullptr);
  std::vector<uint8_t> cookie(param->cookie.begin(), param->cookie.end());
  peer.advance(DurationMs(1250));
  peer.deliver(ack->initiate_tag, CookieEchoChunk{cookie});
  ASSERT_EQ(peer.sent.size(), 2u);
  EXPECT_EQ(peer.sent[1].tag(), VerificationTag(RawPeer::kPeerTag));
  const auto error = ErrorChunk::parse(peer.sent[1].chunk(0));
  ASSERT_TRUE(error);
  ASSERT_EQ(error->causes.size(), 1u);
  const auto* stale = std::get_if<StaleCookieCause>(&error->causes[0]);
  ASSERT_NE(stale, nullptr);
  EXPECT_EQ(stale->staleness_us, 250000u);
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
}

TEST(SocketRules, Section5_2_2_UnexpectedInitWhileEstablishedGetsInitAckWithANewTag) {
  RawPeer peer;
  peer.establish();
  const size_t before = peer.sent.size();
  peer.deliver(VerificationTag(0), peer.make_init());
  ASSERT_EQ(peer.sent.size(), before + 1);
  const auto second = InitAckChunk::parse(peer.sent.back().chunk(0));
  ASSERT_TRUE(second);
  EXPECT_NE(second->initiate_tag, peer.socket_tag);  // 5.2.2: a new tag
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
  EXPECT_EQ(peer.connected, 1);
}

// ------------------------------------------------------------ OOTB (8.4)

TEST(SocketRules, Section8_4_Rule8_OotbPacketGetsAbortWithTBitAndReflectedTag) {
  RawPeer peer;
  const std::vector<uint8_t> payload = {1};
  DataChunk data;
  data.tsn = Tsn(1);
  data.beginning = data.ending = true;
  data.payload = payload;
  peer.deliver(VerificationTag(0x4242), data);
  ASSERT_EQ(peer.sent.size(), 1u);
  EXPECT_EQ(peer.sent[0].tag(), VerificationTag(0x4242));
  const auto abort = AbortChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(abort);
  EXPECT_TRUE(abort->tag_reflected);
  EXPECT_TRUE(peer.sent[0].has_valid_crc());
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
}

TEST(SocketRules, Section8_4_Rule5_OotbShutdownAckGetsShutdownCompleteWithTBit) {
  RawPeer peer;
  peer.deliver(VerificationTag(0x4343), ShutdownAckChunk{});
  ASSERT_EQ(peer.sent.size(), 1u);
  EXPECT_EQ(peer.sent[0].tag(), VerificationTag(0x4343));
  const auto complete = ShutdownCompleteChunk::parse(peer.sent[0].chunk(0));
  ASSERT_TRUE(complete);
  EXPECT_TRUE(complete->tag_reflected);
}

TEST(SocketRules, Section8_4_Rules2_6_7_OotbAbortShutdownCompleteCookieAckErrorAreIgnored) {
  RawPeer peer;
  peer.deliver(VerificationTag(1), AbortChunk{});
  peer.deliver(VerificationTag(1), ShutdownCompleteChunk{});
  peer.deliver(VerificationTag(1), CookieAckChunk{});
  ErrorChunk stale;
  stale.causes.emplace_back(StaleCookieCause{5});
  peer.deliver(VerificationTag(1), stale);
  EXPECT_TRUE(peer.sent.empty());
  EXPECT_EQ(peer.socket().metrics().packets_discarded, 4u);
}

TEST(SocketRules, Section8_5_1_E_ShutdownAckInCookieWaitIsTreatedAsOotb) {
  RawPeer peer;
  peer.socket().connect();
  peer.deliver(VerificationTag(0x99), ShutdownAckChunk{});
  ASSERT_EQ(peer.sent.size(), 2u);
  EXPECT_EQ(peer.sent[1].tag(), VerificationTag(0x99));
  EXPECT_TRUE(ShutdownCompleteChunk::parse(peer.sent[1].chunk(0))->tag_reflected);
  EXPECT_EQ(peer.socket().state(), SocketState::kConnecting);
}

// ------------------------------------------------------------ tags (8.5)

TEST(SocketRules, Section8_5_PacketWithWrongTagIsDiscarded) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  const size_t before = peer.sent.size();
  const std::array<uint8_t, 4> info = {1, 2, 3, 4};
  peer.deliver(VerificationTag(tag.value() ^ 1), HeartbeatChunk{HeartbeatInfoParameter{info}});
  EXPECT_EQ(peer.sent.size(), before);
  peer.deliver(tag, HeartbeatChunk{HeartbeatInfoParameter{info}});
  ASSERT_EQ(peer.sent.size(), before + 1);
  EXPECT_EQ(peer.sent.back().types(), std::vector<uint8_t>{type_of(ChunkType::kHeartbeatAck)});
  EXPECT_EQ(peer.sent.back().tag(), VerificationTag(RawPeer::kPeerTag));
}

TEST(SocketRules, Section8_5_1_B_AbortTagRulesWithTheTBit) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  // The peer's tag without the T bit: not ours, discarded.
  peer.deliver(VerificationTag(RawPeer::kPeerTag), AbortChunk{false, {}});
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
  // Our tag with the T bit: discarded too.
  peer.deliver(tag, AbortChunk{true, {}});
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
  // The peer's own tag reflected with the T bit: accepted.
  peer.deliver(VerificationTag(RawPeer::kPeerTag), AbortChunk{true, {}});
  EXPECT_EQ(peer.socket().state(), SocketState::kClosed);
  ASSERT_EQ(peer.aborted.size(), 1u);
  EXPECT_EQ(peer.aborted[0].first, ErrorKind::kPeerReported);
}

// ------------------------------------------------------------ checksums

TEST(SocketRules, Section6_8_BadChecksumIsDiscardedAndCounted) {
  RawPeer peer;
  auto packet = peer.build(VerificationTag(0), ChecksumMode::kCrc32c, peer.make_init());
  packet[8] ^= 0xFF;
  peer.socket().receive_packet(packet);
  EXPECT_TRUE(peer.sent.empty());
  EXPECT_EQ(peer.socket().metrics().packets_discarded, 1u);
}

TEST(SocketRules, Rfc9653_ZeroChecksumAcceptedOnlyWhenAnnouncedAndNeverOnInit) {
  SocketOptions accepting;
  accepting.enable_zero_checksum = true;
  RawPeer peer(accepting);
  // An INIT with a zero checksum is never accepted.
  peer.socket().receive_packet(
      peer.build(VerificationTag(0), ChecksumMode::kZero, peer.make_init()));
  EXPECT_TRUE(peer.sent.empty());
  const VerificationTag tag = peer.establish();
  const std::array<uint8_t, 4> info = {1, 2, 3, 4};
  const size_t before = peer.sent.size();
  peer.socket().receive_packet(
      peer.build(tag, ChecksumMode::kZero, HeartbeatChunk{HeartbeatInfoParameter{info}}));
  EXPECT_EQ(peer.sent.size(), before + 1);

  RawPeer strict;  // did not announce it
  const VerificationTag strict_tag = strict.establish();
  const size_t strict_before = strict.sent.size();
  strict.socket().receive_packet(
      strict.build(strict_tag, ChecksumMode::kZero, HeartbeatChunk{HeartbeatInfoParameter{info}}));
  EXPECT_EQ(strict.sent.size(), strict_before);
  EXPECT_EQ(strict.socket().metrics().packets_discarded, 1u);
}

TEST(SocketRules, Rfc9653_ZeroChecksumSentOnlyToAPeerThatAcceptsItAndNotOnHandshake) {
  RawPeer peer;  // we do not accept zero checksums; the peer does
  InitChunk init = peer.make_init();
  init.parameters.emplace_back(ZeroChecksumAcceptableParameter{1});
  const VerificationTag tag = peer.establish_as_initiator(init);
  ASSERT_EQ(peer.sent.size(), 2u);
  EXPECT_TRUE(peer.sent[0].has_valid_crc());  // INIT ACK
  EXPECT_TRUE(peer.sent[1].has_valid_crc());  // COOKIE ACK
  EXPECT_TRUE(peer.socket().metrics().uses_zero_checksum);
  const std::array<uint8_t, 4> info = {1, 2, 3, 4};
  peer.deliver(tag, HeartbeatChunk{HeartbeatInfoParameter{info}});
  ASSERT_EQ(peer.sent.size(), 3u);
  EXPECT_TRUE(peer.sent[2].has_zero_checksum());

  RawPeer other;  // a peer announcing another EDMID gets CRC32c
  InitChunk init2 = other.make_init();
  init2.parameters.emplace_back(ZeroChecksumAcceptableParameter{2});
  const VerificationTag tag2 = other.establish_as_initiator(init2);
  other.deliver(tag2, HeartbeatChunk{HeartbeatInfoParameter{info}});
  EXPECT_TRUE(other.sent.back().has_valid_crc());
}

// ------------------------------------------------------------ unknown chunks (3.2)

class UnknownChunkType : public ::testing::TestWithParam<uint8_t> {};

TEST_P(UnknownChunkType, Section3_2_HandledByTheUpperTwoBits) {
  const uint8_t type = GetParam();
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  const size_t before = peer.sent.size();
  const std::vector<uint8_t> value = {0xAA, 0xBB};
  const std::array<uint8_t, 4> info = {1, 2, 3, 4};
  peer.deliver(tag, UnknownChunk{type, 0, value}, HeartbeatChunk{HeartbeatInfoParameter{info}});
  const bool report = (type & 0x40) != 0;
  const bool skip = (type & 0x80) != 0;
  std::vector<uint8_t> got;
  for (size_t i = before; i < peer.sent.size(); ++i) {
    for (uint8_t t : peer.sent[i].types())
      got.push_back(t);
  }
  std::vector<uint8_t> want;
  if (report) want.push_back(type_of(ChunkType::kError));
  if (skip) want.push_back(type_of(ChunkType::kHeartbeatAck));
  EXPECT_EQ(got, want);
  if (report) {
    const auto error = ErrorChunk::parse(peer.sent[before].chunk(0));
    ASSERT_TRUE(error);
    const auto* cause = std::get_if<UnrecognizedChunkTypeCause>(&error->causes.at(0));
    ASSERT_NE(cause, nullptr);
    EXPECT_EQ(cause->chunk_type(), type);
    EXPECT_EQ(cause->chunk.size(), 6u);  // the whole chunk, header included
  }
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
}

INSTANTIATE_TEST_SUITE_P(UpperBits, UnknownChunkType,
                         ::testing::Values(uint8_t(0x3E), uint8_t(0x7E), uint8_t(0xBE),
                                           uint8_t(0xFE)));

TEST(SocketRules, Section3_3_10_PeerErrorIsReportedToTheUser) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  ErrorChunk error;
  const std::vector<uint8_t> quoted = {0x3E, 0, 0, 4};
  error.causes.emplace_back(UnrecognizedChunkTypeCause{quoted});
  peer.deliver(tag, error);
  ASSERT_EQ(peer.errors.size(), 1u);
  EXPECT_EQ(peer.errors[0].first, ErrorKind::kPeerReported);
  EXPECT_NE(peer.errors[0].second.find("Unrecognized Chunk Type"), std::string::npos)
      << peer.errors[0].second;
  EXPECT_EQ(peer.socket().state(), SocketState::kConnected);
}

// ------------------------------------------------------------ data receive

TEST(SocketRules, Section6_ReceivedDataIsDeliveredAndAcknowledged) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();
  const std::vector<uint8_t> payload = {'h', 'i'};
  DataChunk data;
  data.tsn = Tsn(RawPeer::kPeerInitialTsn);
  data.stream_id = StreamId(3);
  data.ppid = Ppid(51);
  data.beginning = data.ending = true;
  data.immediate_sack = true;
  data.payload = payload;
  const size_t before = peer.sent.size();
  peer.deliver(tag, data);
  ASSERT_EQ(peer.messages.size(), 1u);
  EXPECT_EQ(peer.messages[0].stream_id, StreamId(3));
  EXPECT_EQ(peer.messages[0].ppid, Ppid(51));
  EXPECT_EQ(peer.messages[0].payload, payload);
  ASSERT_EQ(peer.sent.size(), before + 1);
  EXPECT_EQ(peer.sent.back().types(), std::vector<uint8_t>{type_of(ChunkType::kSack)});
}

TEST(SocketRules, Section6_5_DataOnAnInvalidStreamGetsErrorAfterTheSack) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();  // 16 streams each way
  const std::vector<uint8_t> payload = {1};
  DataChunk data;
  data.tsn = Tsn(RawPeer::kPeerInitialTsn);
  data.stream_id = StreamId(100);
  data.beginning = data.ending = true;
  data.payload = payload;
  peer.deliver(tag, data);
  peer.advance(DurationMs(1000));
  std::vector<uint8_t> got;
  for (const auto& p : peer.sent) {
    for (uint8_t t : p.types()) {
      if (t == type_of(ChunkType::kSack) || t == type_of(ChunkType::kError)) got.push_back(t);
    }
  }
  EXPECT_EQ(got, (std::vector<uint8_t>{type_of(ChunkType::kSack), type_of(ChunkType::kError)}));
  EXPECT_TRUE(peer.messages.empty());
}

}  // namespace
}  // namespace sctp::testing
