// NewReno congestion control with the numbers of RFC 9260 section 7.2, the
// peer receive window and zero window probing (section 6.1 rules A and B).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tx/new_reno.h"
#include "tx/peer_receive_window.h"

namespace sctp {
namespace {

constexpr size_t kMtu = 1200;

NewRenoCongestionController make_cc(size_t ssthresh = 100000, int max_burst = 4) {
  return NewRenoCongestionController(CongestionControlConfig{kMtu, ssthresh, max_burst});
}

AckSample ack(size_t bytes, size_t flight_before, uint32_t cum = 10, bool advanced = true) {
  AckSample s;
  s.bytes_acked = bytes;
  s.cumulative_tsn_advanced = advanced;
  s.cumulative_tsn_ack = Tsn(cum);
  s.flight_size_before = flight_before;
  s.flight_size_after = flight_before - bytes;
  return s;
}

TEST(NewReno, InitialCwndIsMin4MtuMax2Mtu4404) {
  // RFC 9260 7.2.1: min(4*MTU, max(2*MTU, 4404)).
  EXPECT_EQ(NewRenoCongestionController::initial_cwnd(1200), 4404u);  // 4800 vs 4404
  EXPECT_EQ(NewRenoCongestionController::initial_cwnd(1500), 4404u);
  EXPECT_EQ(NewRenoCongestionController::initial_cwnd(1000), 4000u);   // 4*MTU smaller
  EXPECT_EQ(NewRenoCongestionController::initial_cwnd(9000), 18000u);  // 2*MTU larger
  EXPECT_EQ(make_cc().cwnd(), 4404u);
  EXPECT_EQ(make_cc(65536).ssthresh(), 65536u);
}

TEST(NewReno, SlowStartGrowsByAckedBytesCappedAtMtu) {
  // RFC 9260 7.2.1: cwnd += min(bytes acked, MTU) when cwnd is fully used
  // and the cumulative ack advances.
  auto cc = make_cc();
  cc.on_sack(ack(500, 4404));
  EXPECT_EQ(cc.cwnd(), 4904u);
  cc.on_sack(ack(3000, 4904));
  EXPECT_EQ(cc.cwnd(), 6104u);  // capped at one MTU (ACK-splitting defence)
}

TEST(NewReno, SlowStartNeedsFullyUsedWindow) {
  auto cc = make_cc();
  cc.on_sack(ack(1000, 2000));  // only 2000 of 4404 in flight
  EXPECT_EQ(cc.cwnd(), 4404u);
}

TEST(NewReno, SlowStartNeedsCumulativeAckAdvance) {
  auto cc = make_cc();
  cc.on_sack(ack(1000, 4404, 10, /*advanced=*/false));  // gap-acked only
  EXPECT_EQ(cc.cwnd(), 4404u);
}

TEST(NewReno, CongestionAvoidanceAddsOneMtuPerCwndOfAckedBytes) {
  // RFC 9260 7.2.2: above ssthresh, partial_bytes_acked accumulates; when it
  // reaches cwnd (window fully used) cwnd += MTU and pba -= cwnd.
  auto cc = make_cc(/*ssthresh=*/4000);
  ASSERT_GT(cc.cwnd(), cc.ssthresh());
  cc.on_sack(ack(2000, 4404));
  EXPECT_EQ(cc.partial_bytes_acked(), 2000u);
  EXPECT_EQ(cc.cwnd(), 4404u);
  cc.on_sack(ack(2404, 4404));
  EXPECT_EQ(cc.cwnd(), 4404u + kMtu);
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  cc.on_sack(ack(3000, 5604));
  cc.on_sack(ack(3000, 5604));
  EXPECT_EQ(cc.cwnd(), 5604u + kMtu);
  EXPECT_EQ(cc.partial_bytes_acked(), 396u);  // 6000 - 5604
}

TEST(NewReno, CongestionAvoidanceDoesNotGrowWhenWindowUnused) {
  // RFC 9260 7.2.2: flight size below cwnd before the SACK: pba is capped at
  // cwnd and cwnd stays.
  auto cc = make_cc(/*ssthresh=*/4000);
  AckSample s = ack(3000, 3500);
  s.flight_size_after = 100;
  cc.on_sack(s);
  cc.on_sack(s);
  EXPECT_EQ(cc.cwnd(), 4404u);
  EXPECT_EQ(cc.partial_bytes_acked(), 4404u);
}

TEST(NewReno, PartialBytesAckedResetsWhenAllDataAcked) {
  // RFC 9260 7.2.2: once all data sent is acknowledged, pba = 0.
  auto cc = make_cc(/*ssthresh=*/4000);
  cc.on_sack(ack(1000, 4404));
  EXPECT_EQ(cc.partial_bytes_acked(), 1000u);
  cc.on_sack(ack(3404, 3404));  // flight after = 0
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
}

TEST(NewReno, T3TimeoutHalvesSsthreshAndCollapsesCwnd) {
  // RFC 9260 7.2.3: ssthresh = max(cwnd/2, 4*MTU); cwnd = 1*MTU.
  auto cc = make_cc();
  for (int i = 0; i < 20; ++i)
    cc.on_sack(ack(kMtu, cc.cwnd()));
  ASSERT_EQ(cc.cwnd(), 4404u + 20 * kMtu);  // 28404
  cc.on_retransmission_timeout();
  EXPECT_EQ(cc.ssthresh(), 14202u);
  EXPECT_EQ(cc.cwnd(), kMtu);
  // Small windows: the 4*MTU floor.
  cc.on_retransmission_timeout();
  EXPECT_EQ(cc.ssthresh(), 4 * kMtu);
  EXPECT_EQ(cc.cwnd(), kMtu);
}

TEST(NewReno, FastRetransmitEntersFastRecoveryOnce) {
  // RFC 9260 7.2.4: on fast retransmit, if not in Fast Recovery: ssthresh =
  // max(cwnd/2, 4*MTU), cwnd = ssthresh; enter Fast Recovery with the
  // highest outstanding TSN as exit point; no further reduction inside it.
  auto cc = make_cc();
  for (int i = 0; i < 10; ++i)
    cc.on_sack(ack(kMtu, cc.cwnd()));
  ASSERT_EQ(cc.cwnd(), 16404u);
  EXPECT_TRUE(cc.on_fast_retransmit(Tsn(50)));
  EXPECT_TRUE(cc.in_fast_recovery());
  EXPECT_EQ(cc.ssthresh(), 8202u);
  EXPECT_EQ(cc.cwnd(), 8202u);
  EXPECT_FALSE(cc.on_fast_retransmit(Tsn(60)));
  EXPECT_EQ(cc.cwnd(), 8202u);
}

TEST(NewReno, NoGrowthDuringFastRecoveryAndExitAtExitPoint) {
  auto cc = make_cc();
  for (int i = 0; i < 10; ++i)
    cc.on_sack(ack(kMtu, cc.cwnd()));
  (void)cc.on_fast_retransmit(Tsn(50));
  const size_t cwnd = cc.cwnd();
  cc.on_sack(ack(kMtu, 20000, /*cum=*/49));
  EXPECT_TRUE(cc.in_fast_recovery());
  EXPECT_EQ(cc.cwnd(), cwnd);  // 7.2.1 condition: not in Fast Recovery
  cc.on_sack(ack(kMtu, 20000, /*cum=*/50));
  EXPECT_FALSE(cc.in_fast_recovery());
}

TEST(NewReno, T3TimeoutEndsFastRecovery) {
  auto cc = make_cc();
  (void)cc.on_fast_retransmit(Tsn(5));
  cc.on_retransmission_timeout();
  EXPECT_FALSE(cc.in_fast_recovery());
  EXPECT_EQ(cc.cwnd(), kMtu);
}

TEST(NewReno, IdlePathHalvesCwndPerRtoDownTo4Mtu) {
  // RFC 9260 7.2.1: cwnd adjusted to max(cwnd/2, 4*MTU) per RTO without data.
  auto cc = make_cc();
  for (int i = 0; i < 20; ++i)
    cc.on_sack(ack(kMtu, cc.cwnd()));
  ASSERT_EQ(cc.cwnd(), 28404u);
  cc.on_data_sent(TimeMs{0});
  cc.on_before_send(TimeMs{999}, DurationMs(1000));  // less than one RTO
  EXPECT_EQ(cc.cwnd(), 28404u);
  cc.on_before_send(TimeMs{1000}, DurationMs(1000));
  EXPECT_EQ(cc.cwnd(), 14202u);
  cc.on_data_sent(TimeMs{1000});
  cc.on_before_send(TimeMs{4000}, DurationMs(1000));  // three RTOs
  EXPECT_EQ(cc.cwnd(), 4 * kMtu);                     // 7101 -> 4800 floor
  // Never raised by idleness.
  cc.on_retransmission_timeout();
  cc.on_data_sent(TimeMs{5000});
  cc.on_before_send(TimeMs{9000}, DurationMs(1000));
  EXPECT_EQ(cc.cwnd(), kMtu);
}

TEST(NewReno, SendAllowanceFollowsRuleBAndMaxBurst) {
  // RFC 9260 6.1 rule B: new data only while flight size < cwnd, the chunk
  // crossing cwnd may exceed it by less than one MTU.
  auto rule_b = make_cc(100000, /*max_burst=*/100);
  EXPECT_EQ(rule_b.send_allowance(0), 4404u + kMtu - 1);
  EXPECT_EQ(rule_b.send_allowance(4000), 404u + kMtu - 1);
  EXPECT_EQ(rule_b.send_allowance(4404), 0u);
  EXPECT_EQ(rule_b.send_allowance(5000), 0u);
  auto cc = make_cc(100000, /*max_burst=*/4);
  EXPECT_EQ(cc.send_allowance(0), 4 * kMtu);
  // RFC 9260 6.1 D: Max.Burst * MTU at once, even with a large cwnd.
  for (int i = 0; i < 20; ++i)
    cc.on_sack(ack(kMtu, cc.cwnd()));
  EXPECT_EQ(cc.send_allowance(0), 4 * kMtu);
  EXPECT_EQ(cc.cwnd(), 28404u);  // not changed by the burst limit
}

TEST(PeerReceiveWindow, SackSetsRwndToAdvertisedMinusOutstanding) {
  // RFC 9260 6.2.1 D iv.
  PeerReceiveWindow w(100000);
  w.on_sack(50000, 12000);
  EXPECT_EQ(w.rwnd(), 38000u);
  w.on_sack(1000, 5000);
  EXPECT_EQ(w.rwnd(), 0u);
}

TEST(PeerReceiveWindow, SendingReducesRwnd) {
  // RFC 9260 6.2.1: each (re)transmitted DATA chunk reduces rwnd.
  PeerReceiveWindow w(3000);
  w.on_data_sent(1200);
  EXPECT_EQ(w.rwnd(), 1800u);
  w.on_data_sent(2000);
  EXPECT_EQ(w.rwnd(), 0u);
}

TEST(PeerReceiveWindow, ZeroWindowAllowsOneProbeWhenNothingInFlight) {
  // RFC 9260 6.1 rule A: no new data beyond rwnd, except that one DATA chunk
  // may always be in flight.
  PeerReceiveWindow w(0);
  EXPECT_TRUE(w.allows(1000, 0));
  EXPECT_TRUE(w.is_zero_window_probe(1000, 0));
  EXPECT_FALSE(w.allows(1000, 1000));
  w.on_sack(5000, 0);
  EXPECT_TRUE(w.allows(1000, 1000));
  EXPECT_FALSE(w.is_zero_window_probe(1000, 0));
  EXPECT_FALSE(w.allows(6000, 1000));
}

}  // namespace
}  // namespace sctp

namespace sctp {
namespace {

// Randomized, fixed seed: any sequence of SACKs, fast retransmits, timeouts
// and idle periods keeps the RFC 9260 7.2 invariants: cwnd >= 1 MTU; any
// reduction leaves ssthresh >= 4 MTU; cwnd never grows by more than one MTU
// per SACK, never grows in Fast Recovery, and never grows from a SACK that
// does not advance the cumulative ack.
TEST(NewReno, RandomizedEventsKeepInvariants) {
  std::mt19937 rng(77);
  NewRenoCongestionController cc(CongestionControlConfig{kMtu, 200000, 4});
  TimeMs now{0};
  uint32_t cum = 100;
  for (int i = 0; i < 20000; ++i) {
    const size_t before = cc.cwnd();
    const bool was_in_recovery = cc.in_fast_recovery();
    switch (rng() % 10) {
      case 0: {
        (void)cc.on_fast_retransmit(Tsn(cum + 50));
        if (!was_in_recovery) {
          EXPECT_GE(cc.ssthresh(), 4 * kMtu);
        }
        EXPECT_LE(cc.cwnd(), std::max(before, 4 * kMtu));
        break;
      }
      case 1:
        cc.on_retransmission_timeout();
        EXPECT_EQ(cc.cwnd(), kMtu);
        EXPECT_GE(cc.ssthresh(), 4 * kMtu);
        break;
      case 2:
        now = now + DurationMs(rng() % 3000);
        cc.on_before_send(now, DurationMs(1000));
        EXPECT_LE(cc.cwnd(), before);
        cc.on_data_sent(now);
        break;
      default: {
        const bool advance = rng() % 4 != 0;
        if (advance) cum += 1 + rng() % 5;
        AckSample s;
        s.bytes_acked = rng() % (3 * kMtu);
        s.cumulative_tsn_advanced = advance;
        s.cumulative_tsn_ack = Tsn(cum);
        s.flight_size_before = before + rng() % kMtu - kMtu / 2;
        s.flight_size_after =
            s.flight_size_before > s.bytes_acked ? s.flight_size_before - s.bytes_acked : 0;
        cc.on_sack(s);
        EXPECT_LE(cc.cwnd(), before + kMtu);
        if (cc.cwnd() > before) {
          EXPECT_TRUE(advance);
          EXPECT_FALSE(cc.in_fast_recovery());
          EXPECT_GE(s.flight_size_before, before);  // window was in full use
        }
        break;
      }
    }
    ASSERT_GE(cc.cwnd(), kMtu);
  }
}

}  // namespace
}  // namespace sctp
