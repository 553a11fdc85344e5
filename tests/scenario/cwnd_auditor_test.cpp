// The congestion-window auditor used by the data matrix: it must accept the
// moves RFC 9260 section 7.2 allows and flag the ones it does not, or the
// matrix's cwnd check would prove nothing.
#include "cwnd_auditor.h"

#include <gtest/gtest.h>

namespace sctp::scenario {
namespace {

constexpr size_t kMtu = 1200;

Metrics at(size_t cwnd, size_t ssthresh, uint64_t t3 = 0, uint64_t fast = 0) {
  Metrics m;
  m.state = SocketState::kConnected;
  m.cwnd = cwnd;
  m.ssthresh = ssthresh;
  m.t3_expirations = t3;
  m.fast_retransmissions = fast;
  return m;
}

size_t violations(std::initializer_list<Metrics> steps) {
  CwndAuditor auditor(kMtu);
  for (const Metrics& m : steps)
    auditor.observe(m);
  return auditor.violations().size();
}

TEST(CwndAuditor, AcceptsSlowStartAndCongestionAvoidanceGrowth) {
  EXPECT_EQ(violations({at(4404, 100000), at(5604, 100000), at(6804, 100000), at(7000, 100000)}),
            0u);
}

TEST(CwndAuditor, FlagsGrowthOfMoreThanOneMtuPerStep) {
  EXPECT_EQ(violations({at(4404, 100000), at(4404 + 2 * kMtu, 100000)}), 1u);
}

TEST(CwndAuditor, AllowsOneMtuPerAckChunkOfThePacket) {
  CwndAuditor auditor(kMtu);
  auditor.observe(at(4404, 100000));
  auditor.observe(at(4404 + 2 * kMtu, 100000), 2);
  EXPECT_TRUE(auditor.violations().empty());
  auditor.observe(at(4404 + 5 * kMtu, 100000), 2);
  EXPECT_EQ(auditor.violations().size(), 1u);
}

TEST(CwndAuditor, Section7_2_3_T3ExpiryMustGiveOneMtuAndHalfCwnd) {
  EXPECT_EQ(violations({at(20000, 100000), at(kMtu, 10000, 1)}), 0u);
  EXPECT_EQ(violations({at(6000, 100000), at(kMtu, 4 * kMtu, 1)}), 0u);
  EXPECT_EQ(violations({at(20000, 100000), at(2 * kMtu, 10000, 1)}), 1u);
  EXPECT_EQ(violations({at(20000, 100000), at(kMtu, 20000, 1)}), 1u);
}

TEST(CwndAuditor, Section7_2_4_FastRetransmitHalvesToSsthresh) {
  EXPECT_EQ(violations({at(20000, 100000), at(10000, 10000, 0, 1)}), 0u);
  // After a T3-rtx expiry, 7.2.3 taken literally raises cwnd to 4 MTU.
  EXPECT_EQ(violations({at(kMtu, 9000), at(4 * kMtu, 4 * kMtu, 0, 1)}), 0u);
  // ... then possibly the idle-path rule, when nothing was sent for an RTO.
  EXPECT_EQ(violations({at(11972, 100000), at(4 * kMtu, 5986, 0, 1)}), 0u);
  EXPECT_EQ(violations({at(20000, 100000), at(15000, 15000, 0, 1)}), 1u);
  EXPECT_EQ(violations({at(20000, 100000), at(9000, 10000, 0, 1)}), 1u);
  EXPECT_EQ(violations({at(20000, 100000), at(12000, 10000, 0, 1)}), 1u);
}

TEST(CwndAuditor, Section7_2_1_IdleReductionHalvesButNotBelowFourMtu) {
  EXPECT_EQ(violations({at(20000, 100000), at(10000, 100000)}), 0u);
  EXPECT_EQ(violations({at(20000, 100000), at(5000, 100000)}), 0u);
  EXPECT_EQ(violations({at(8000, 100000), at(4 * kMtu, 100000)}), 0u);
  EXPECT_EQ(violations({at(20000, 100000), at(7000, 100000)}), 1u);
}

TEST(CwndAuditor, FlagsSsthreshChangesWithoutALossEventAndCwndBelowOneMtu) {
  EXPECT_EQ(violations({at(20000, 100000), at(20000, 50000)}), 1u);
  EXPECT_EQ(violations({at(20000, 100000), at(600, 10000, 1)}), 2u);
}

TEST(CwndAuditor, RestartsWhenTheDataPathGoesAway) {
  Metrics closed;
  EXPECT_EQ(violations({at(20000, 100000), closed, at(4404, 1048576)}), 0u);
}

}  // namespace
}  // namespace sctp::scenario
