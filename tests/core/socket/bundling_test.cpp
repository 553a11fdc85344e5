// RFC 9260 section 6.10: when control chunks are bundled with DATA, they go
// first in the packet. usrsctp aborts the association ("DATA chunk followed
// by chunk of type 03") when a SACK follows DATA; found by the bulk interop
// test (tests/interop/usrsctp_bulk_test.cpp).
#include <gtest/gtest.h>

#include "packet/chunks/data_chunk.h"
#include "packet/chunks/sack_chunk.h"
#include "raw_peer.h"

namespace sctp::testing {
namespace {

bool is_user_data(uint8_t type) {
  return type == uint8_t(ChunkType::kData) || type == uint8_t(ChunkType::kIData);
}

TEST(Bundling, Section6_10_SackNeverFollowsDataInAPacket) {
  RawPeer peer;
  const VerificationTag tag = peer.establish();

  // More than the initial cwnd (section 7.2.1): the message's last
  // fragments wait for an acknowledgement, and the very last one is small,
  // leaving room in its packet.
  const std::vector<uint8_t> payload(6000, 0x22);
  ASSERT_EQ(peer.socket().send(StreamId(1), payload, {}), SendStatus::kSuccess);
  std::optional<Tsn> highest;
  for (const SentPacket& p : peer.sent) {
    for (const RawChunk& c : p.view()) {
      if (c.type != uint8_t(ChunkType::kData)) continue;
      auto data = DataChunk::parse(c);
      ASSERT_TRUE(data);
      if (!highest || data->tsn > *highest) highest = data->tsn;
    }
  }
  ASSERT_TRUE(highest.has_value());
  const size_t before = peer.sent.size();

  // One packet acknowledges all of it (the rest of the message may go) and
  // carries DATA after a gap (section 6.7: acknowledged at once).
  SackChunk sack;
  sack.cumulative_tsn_ack = *highest;
  sack.a_rwnd = 1024 * 1024;
  const std::vector<uint8_t> bytes(10, 0x33);
  DataChunk data;
  data.tsn = Tsn(RawPeer::kPeerInitialTsn + 1);
  data.stream_id = StreamId(0);
  data.ssn = Ssn(0);
  data.ppid = Ppid(51);
  data.beginning = true;
  data.ending = true;
  data.payload = bytes;
  peer.deliver(tag, sack, data);

  bool data_sent = false;
  bool sack_sent = false;
  for (size_t i = before; i < peer.sent.size(); ++i) {
    bool after_data = false;
    for (uint8_t type : peer.sent[i].types()) {
      if (is_user_data(type)) {
        after_data = true;
        data_sent = true;
        continue;
      }
      if (type == uint8_t(ChunkType::kSack)) sack_sent = true;
      EXPECT_FALSE(after_data) << "packet " << i << ": chunk type " << int(type) << " after DATA";
    }
  }
  EXPECT_TRUE(data_sent);
  EXPECT_TRUE(sack_sent);
}

}  // namespace
}  // namespace sctp::testing
