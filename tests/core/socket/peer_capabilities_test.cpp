// Extension negotiation: RFC 5061 4.2.7, RFC 3758 3.1, RFC 8260 2.3, RFC 9653 5.
#include "socket/peer_capabilities.h"

#include <gtest/gtest.h>

namespace sctp {
namespace {

std::vector<Parameter> offered_by(const SocketOptions& options) {
  std::vector<Parameter> params;
  append_capability_parameters(options, params);
  return params;
}

TEST(PeerCapabilities, BothEndsOfferingEverythingUseEverything) {
  SocketOptions o;
  o.enable_message_interleaving = true;
  o.enable_zero_checksum = true;
  const PeerCapabilities c = negotiate_capabilities(o, offered_by(o));
  EXPECT_TRUE(c.partial_reliability);
  EXPECT_TRUE(c.stream_reconfiguration);
  EXPECT_TRUE(c.message_interleaving);
  EXPECT_TRUE(c.zero_checksum);
}

TEST(PeerCapabilities, AFeatureIsUsedOnlyWhenBothOfferIt) {
  SocketOptions ours;
  SocketOptions peer;
  peer.enable_partial_reliability = false;
  peer.enable_stream_reconfiguration = false;
  PeerCapabilities c = negotiate_capabilities(ours, offered_by(peer));
  EXPECT_FALSE(c.partial_reliability);
  EXPECT_FALSE(c.stream_reconfiguration);
  ours.enable_partial_reliability = false;
  c = negotiate_capabilities(ours, offered_by(SocketOptions{}));
  EXPECT_FALSE(c.partial_reliability);
  EXPECT_TRUE(c.stream_reconfiguration);
}

TEST(PeerCapabilities, Rfc3758_ForwardTsnSupportedParameterAloneAnnouncesPrSctp) {
  SocketOptions ours;
  const std::vector<Parameter> params = {ForwardTsnSupportedParameter{}};
  EXPECT_TRUE(negotiate_capabilities(ours, params).partial_reliability);
}

TEST(PeerCapabilities, Rfc9653_ZeroChecksumNeedsTheSameEdmidAndIsPerDirection) {
  SocketOptions ours;  // we do not accept zero checksums ourselves...
  SocketOptions peer;
  peer.enable_zero_checksum = true;
  // ...but the peer does, with EDMID 1 = ours: we may send them.
  EXPECT_TRUE(negotiate_capabilities(ours, offered_by(peer)).zero_checksum);
  peer.zero_checksum_edmid = 2;
  EXPECT_FALSE(negotiate_capabilities(ours, offered_by(peer)).zero_checksum);
  // The peer not offering it: never.
  EXPECT_FALSE(negotiate_capabilities(ours, offered_by(SocketOptions{})).zero_checksum);
}

TEST(PeerCapabilities, Rfc8260_InterleavingNeedsBothEnds) {
  SocketOptions ours;
  ours.enable_message_interleaving = true;
  EXPECT_FALSE(negotiate_capabilities(ours, offered_by(SocketOptions{})).message_interleaving);
}

}  // namespace
}  // namespace sctp
