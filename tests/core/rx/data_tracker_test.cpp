// DataTracker: cumulative TSN, gap ack blocks, duplicates and SACK timing
// (RFC 9260 sections 3.3.4, 6.2, 6.7; RFC 7053; RFC 3758 section 3.6).
#include "rx/data_tracker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace sctp {
namespace {

using Timing = DataTracker::SackTiming;
using Obs = DataTracker::Observation;

constexpr TimeMs kT0{1000};

std::vector<GapAckBlock> gaps_of(const SackInfo& sack) {
  return {sack.gap_ack_blocks.begin(), sack.gap_ack_blocks.end()};
}
std::vector<Tsn> dups_of(const SackInfo& sack) {
  return {sack.duplicate_tsns.begin(), sack.duplicate_tsns.end()};
}

TEST(DataTracker, CumulativeAckStartsOneBelowInitialTsn) {
  // RFC 9260 section 6.1: the Cumulative TSN Ack point starts at Initial TSN - 1.
  DataTracker t(Tsn(100));
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(99));
  EXPECT_FALSE(t.has_gaps());
}

TEST(DataTracker, InOrderDataAdvancesCumulativeAck) {
  DataTracker t(Tsn(100));
  EXPECT_EQ(t.observe(Tsn(100)), Obs::kNew);
  EXPECT_EQ(t.observe(Tsn(101)), Obs::kNew);
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(101));
  const SackInfo sack = t.make_sack(5000);
  EXPECT_EQ(sack.cumulative_tsn_ack, Tsn(101));
  EXPECT_EQ(sack.a_rwnd, 5000u);
  EXPECT_TRUE(sack.gap_ack_blocks.empty());
  EXPECT_TRUE(sack.duplicate_tsns.empty());
}

TEST(DataTracker, WrapsAroundTheTsnSpace) {
  // Initial TSN just below 2^32: serial arithmetic carries the ack point over 0.
  DataTracker t(Tsn(0xFFFFFFFE));
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(0xFFFFFFFD));
  EXPECT_EQ(t.observe(Tsn(0xFFFFFFFE)), Obs::kNew);
  EXPECT_EQ(t.observe(Tsn(0xFFFFFFFF)), Obs::kNew);
  EXPECT_EQ(t.observe(Tsn(0)), Obs::kNew);
  EXPECT_EQ(t.observe(Tsn(2)), Obs::kNew);
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(0));
  SackInfo sack = t.make_sack(1);
  EXPECT_EQ(gaps_of(sack), (std::vector<GapAckBlock>{{2, 2}}));
  EXPECT_EQ(t.observe(Tsn(0xFFFFFFFF)), Obs::kDuplicate);
  EXPECT_EQ(t.observe(Tsn(1)), Obs::kNew);
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(2));
  EXPECT_FALSE(t.has_gaps());
}

TEST(DataTracker, GapAckBlocksAreOffsetsFromCumulativeAck) {
  // RFC 9260 section 3.3.4: start/end are offsets relative to the Cumulative
  // TSN Ack; a block covers TSNs cum+start .. cum+end.
  DataTracker t(Tsn(1));
  for (uint32_t tsn : {1u, 2u, 4u, 5u, 8u, 10u, 11u})
    EXPECT_EQ(t.observe(Tsn(tsn)), Obs::kNew);
  const SackInfo sack = t.make_sack(0);
  EXPECT_EQ(sack.cumulative_tsn_ack, Tsn(2));
  EXPECT_EQ(gaps_of(sack), (std::vector<GapAckBlock>{{2, 3}, {6, 6}, {8, 9}}));
  EXPECT_EQ(t.highest_received_tsn(), Tsn(11));
}

TEST(DataTracker, FillingAHoleMergesBlocksAndAdvancesCum) {
  DataTracker t(Tsn(1));
  for (uint32_t tsn : {1u, 3u, 5u})
    (void)t.observe(Tsn(tsn));
  (void)t.observe(Tsn(4));  // joins 3 and 5
  EXPECT_EQ(gaps_of(t.make_sack(0)), (std::vector<GapAckBlock>{{2, 4}}));
  (void)t.observe(Tsn(2));  // fills the last hole
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(5));
  EXPECT_FALSE(t.has_gaps());
}

TEST(DataTracker, NumberOfGapBlocksIsBounded) {
  // Every other TSN missing: more gaps than one SACK carries. The lowest are
  // reported (those matter for the sender's fast retransmit).
  DataTracker t(Tsn(1));
  for (uint32_t i = 0; i < 200; ++i)
    (void)t.observe(Tsn(2 + 2 * i));
  const SackInfo sack = t.make_sack(0);
  ASSERT_EQ(sack.gap_ack_blocks.size(), kMaxGapAckBlocks);
  EXPECT_EQ(sack.gap_ack_blocks[0], (GapAckBlock{2, 2}));
  EXPECT_EQ(sack.gap_ack_blocks[kMaxGapAckBlocks - 1],
            (GapAckBlock{2 * kMaxGapAckBlocks, 2 * kMaxGapAckBlocks}));
}

TEST(DataTracker, DuplicatesAreReportedOnceAndCleared) {
  // RFC 9260 section 6.2: duplicates are listed in the next SACK only.
  DataTracker t(Tsn(10));
  (void)t.observe(Tsn(10));
  (void)t.observe(Tsn(12));
  EXPECT_EQ(t.observe(Tsn(10)), Obs::kDuplicate);  // below cum
  EXPECT_EQ(t.observe(Tsn(12)), Obs::kDuplicate);  // inside a gap block
  EXPECT_EQ(t.observe(Tsn(9)), Obs::kDuplicate);   // before the initial TSN
  EXPECT_EQ(dups_of(t.make_sack(0)), (std::vector<Tsn>{Tsn(10), Tsn(12), Tsn(9)}));
  EXPECT_TRUE(t.make_sack(0).duplicate_tsns.empty());
}

TEST(DataTracker, DuplicateListIsBounded) {
  DataTracker t(Tsn(10));
  (void)t.observe(Tsn(10));
  for (int i = 0; i < 50; ++i)
    EXPECT_EQ(t.observe(Tsn(10)), Obs::kDuplicate);
  EXPECT_EQ(t.make_sack(0).duplicate_tsns.size(), kMaxDuplicateTsns);
}

TEST(DataTracker, RefusesTsnBeyondGapBlockRange) {
  // A gap ack block offset is 16 bits: TSNs further ahead cannot be reported.
  DataTracker t(Tsn(1));
  EXPECT_EQ(t.observe(Tsn(1 + 65536)), Obs::kOutOfWindow);
  EXPECT_EQ(t.observe(Tsn(65535)), Obs::kNew);  // cum 0 + 65535
  EXPECT_EQ(gaps_of(t.make_sack(0)), (std::vector<GapAckBlock>{{65535, 65535}}));
}

TEST(DataTracker, FirstPacketIsDelayedSecondIsAckedImmediately) {
  // RFC 9260 section 6.2: SACK at least every second packet, and within
  // 200 ms of the arrival of unacknowledged DATA.
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(1));
  (void)t.observe(Tsn(2));  // two chunks, one packet
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kDelayed);
  EXPECT_EQ(t.delayed_sack_deadline(), kT0 + DurationMs(200));
  (void)t.observe(Tsn(3));
  EXPECT_EQ(t.on_packet_end(kT0 + DurationMs(10)), Timing::kImmediate);
  (void)t.make_sack(0);
  EXPECT_EQ(t.delayed_sack_deadline(), std::nullopt);
}

TEST(DataTracker, DelayedSackTimerFiresAfterConfiguredTimeout) {
  DataTracker t(Tsn(1), DataTrackerOptions{DurationMs(50), 2});
  (void)t.observe(Tsn(1));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kDelayed);
  EXPECT_FALSE(t.on_delayed_sack_timeout(kT0 + DurationMs(49)));
  EXPECT_TRUE(t.on_delayed_sack_timeout(kT0 + DurationMs(50)));
  // The deadline is measured from the first unacknowledged arrival.
  (void)t.observe(Tsn(2));
  (void)t.on_packet_end(kT0 + DurationMs(30));
  EXPECT_EQ(t.delayed_sack_deadline(), kT0 + DurationMs(50));
}

TEST(DataTracker, GapTriggersImmediateSackAndEveryPacketWhileItLasts) {
  // RFC 9260 section 6.7: on a gap, SACK immediately and after each packet
  // that does not fill it.
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(2));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
  (void)t.make_sack(0);
  (void)t.observe(Tsn(3));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
  (void)t.make_sack(0);
  // The hole filled: also immediate (RFC 9260 section 6.2 / 6.7).
  (void)t.observe(Tsn(1));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
  (void)t.make_sack(0);
  // Back to in-order data: delayed again.
  (void)t.observe(Tsn(4));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kDelayed);
}

TEST(DataTracker, PartiallyFillingAHoleIsAckedImmediately) {
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(1));
  (void)t.observe(Tsn(5));
  (void)t.on_packet_end(kT0);
  (void)t.make_sack(0);
  (void)t.observe(Tsn(3));  // lands inside the hole 2..4
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
}

TEST(DataTracker, DuplicateOnlyPacketIsAckedImmediately) {
  // RFC 9260 section 6.2: a packet with duplicate DATA and no new DATA MUST
  // be acknowledged immediately.
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(1));
  (void)t.on_packet_end(kT0);
  (void)t.make_sack(0);
  (void)t.observe(Tsn(1));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
  EXPECT_EQ(dups_of(t.make_sack(0)), (std::vector<Tsn>{Tsn(1)}));
}

TEST(DataTracker, IBitRequestsImmediateSack) {
  // RFC 7053 section 4.2: the I bit asks the receiver not to delay the SACK.
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(1), /*immediate_sack=*/true);
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
}

TEST(DataTracker, RequestImmediateSackAfterDroppedData) {
  // RFC 9260 section 6.2: DATA dropped for lack of buffer space is
  // followed by an immediate SACK.
  DataTracker t(Tsn(1));
  t.request_immediate_sack();
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
}

TEST(DataTracker, PacketWithoutDataNeedsNoSack) {
  DataTracker t(Tsn(1));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kNone);
}

TEST(DataTracker, ForwardTsnMovesCumulativeAckAndAbsorbsFollowingBlocks) {
  // RFC 3758 section 3.6: the receiver updates its cumulative TSN to the
  // FORWARD-TSN value, then treats TSNs received beyond it as usual.
  DataTracker t(Tsn(1));
  for (uint32_t tsn : {1u, 3u, 6u, 7u, 9u})
    (void)t.observe(Tsn(tsn));
  EXPECT_TRUE(t.handle_forward_tsn(Tsn(5)));
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(7));  // 6 and 7 were already there
  EXPECT_EQ(gaps_of(t.make_sack(0)), (std::vector<GapAckBlock>{{2, 2}}));
  EXPECT_EQ(t.observe(Tsn(4)), Obs::kDuplicate);
}

TEST(DataTracker, ForwardTsnFollowsDataSackRules) {
  // RFC 3758 section 3.6: for SACK timing a FORWARD-TSN counts like DATA.
  DataTracker t(Tsn(1));
  EXPECT_TRUE(t.handle_forward_tsn(Tsn(4)));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kDelayed);
  EXPECT_TRUE(t.handle_forward_tsn(Tsn(6)));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);  // second packet
}

TEST(DataTracker, StaleForwardTsnIsIgnoredButAckedImmediately) {
  DataTracker t(Tsn(1));
  (void)t.observe(Tsn(1));
  (void)t.observe(Tsn(2));
  (void)t.on_packet_end(kT0);
  (void)t.make_sack(0);
  EXPECT_FALSE(t.handle_forward_tsn(Tsn(1)));
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(2));
  EXPECT_EQ(t.on_packet_end(kT0), Timing::kImmediate);
}

TEST(DataTracker, ForwardTsnAcrossWraparound) {
  DataTracker t(Tsn(0xFFFFFFF0));
  (void)t.observe(Tsn(3));
  EXPECT_TRUE(t.handle_forward_tsn(Tsn(2)));
  EXPECT_EQ(t.cumulative_tsn_ack(), Tsn(3));
  EXPECT_FALSE(t.has_gaps());
}

// Randomized: TSNs from a window starting near 2^32 - 1, shuffled and
// duplicated, in packets. Whatever the order, the tracker must end with
// cum = last TSN, report each TSN as new exactly once, and its SACKs must
// always describe exactly the set received (checked against a model).
TEST(DataTracker, RandomizedArrivalOrderMatchesModel) {
  std::mt19937 rng(20261125);
  const Tsn initial(0xFFFFFF00);
  constexpr uint32_t kCount = 2000;
  std::vector<uint32_t> arrivals;
  for (uint32_t i = 0; i < kCount; ++i) {
    arrivals.push_back(i);
    if (rng() % 4 == 0) arrivals.push_back(i);  // duplicate
  }
  // Local shuffles only: the sender's window bounds reordering.
  for (size_t i = 0; i + 1 < arrivals.size(); ++i) {
    const size_t j = i + rng() % std::min<size_t>(40, arrivals.size() - i);
    std::swap(arrivals[i], arrivals[j]);
  }
  DataTracker t(initial);
  std::vector<bool> seen(kCount, false);
  std::vector<int> new_count(kCount, 0);
  TimeMs now = kT0;
  size_t i = 0;
  while (i < arrivals.size()) {
    const size_t in_packet = 1 + rng() % 4;
    for (size_t k = 0; k < in_packet && i < arrivals.size(); ++k, ++i) {
      const uint32_t off = arrivals[i];
      const Obs o = t.observe(initial.plus(off));
      EXPECT_EQ(o == Obs::kNew, !seen[off]);
      if (o == Obs::kNew) ++new_count[off];
      seen[off] = true;
    }
    now = now + DurationMs(1);
    if (t.on_packet_end(now) == Timing::kImmediate || rng() % 3 == 0) {
      const SackInfo sack = t.make_sack(0);
      // Model check: cum is the last TSN of the received prefix...
      uint32_t prefix = 0;
      while (prefix < kCount && seen[prefix])
        ++prefix;
      ASSERT_EQ(sack.cumulative_tsn_ack, initial.plus(prefix).prev());
      // ...and each gap block covers received TSNs bounded by missing ones.
      for (const GapAckBlock& g : sack.gap_ack_blocks) {
        ASSERT_LE(g.start, g.end);
        const uint32_t first = prefix - 1 + g.start;
        const uint32_t last = prefix - 1 + g.end;
        ASSERT_FALSE(seen[first - 1]);
        for (uint32_t x = first; x <= last; ++x)
          ASSERT_TRUE(seen[x]);
        ASSERT_TRUE(last + 1 >= kCount || !seen[last + 1]);
      }
    }
  }
  EXPECT_EQ(t.cumulative_tsn_ack(), initial.plus(kCount - 1));
  EXPECT_FALSE(t.has_gaps());
  for (uint32_t k = 0; k < kCount; ++k)
    EXPECT_EQ(new_count[k], 1) << k;
}

}  // namespace
}  // namespace sctp
