// RetransmissionQueue: SACK processing and validation (RFC 9260 6.2.1,
// 3.3.4), miss indications and fast retransmit (7.2.4, HTNA), T3-rtx
// (6.3.3), Karn's rule (6.3.1 C5), PR-SCTP abandonment and the
// Advanced.Peer.Ack.Point (RFC 3758 3.5, RFC 7496).
#include "tx/retransmission_queue.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <vector>

#include "rx/data_tracker.h"

namespace sctp {
namespace {

using Status = SackOutcome::Status;
using T3 = SackOutcome::T3Action;

constexpr TimeMs kT0{10000};

struct FragmentSpec {
  uint16_t stream = 1;
  uint32_t length = 100;
  uint64_t message = 0;  // 0: a new message per fragment
  bool unordered = false;
  uint16_t ssn = 0;
  uint32_t mid = 0;
  std::optional<TimeMs> expires_at = std::nullopt;
  std::optional<uint16_t> max_retransmissions = std::nullopt;
};

uint64_t g_next_message = 1000;

OutgoingFragment fragment(const FragmentSpec& spec = {}) {
  OutgoingFragment f;
  f.message_id = OutgoingMessageId(spec.message ? spec.message : g_next_message++);
  f.stream_id = StreamId(spec.stream);
  f.unordered = spec.unordered;
  f.ssn = Ssn(spec.ssn);
  f.mid = Mid(spec.mid);
  f.beginning = f.ending = true;
  f.expires_at = spec.expires_at;
  f.max_retransmissions = spec.max_retransmissions;
  f.data = SharedPayload::copy_of(std::vector<uint8_t>(spec.length, uint8_t(0xAB)));
  f.length = spec.length;
  return f;
}

// Sends `n` 100-byte chunks starting at TSN `initial`.
RetransmissionQueue queue_with(uint32_t initial, int n, TimeMs at = kT0) {
  RetransmissionQueue q{Tsn(initial)};
  for (int i = 0; i < n; ++i)
    (void)q.add_sent(fragment(), at);
  return q;
}

std::vector<GapAckBlock> gaps(std::initializer_list<GapAckBlock> g) {
  return g;
}

TEST(RetransmissionQueue, AssignsConsecutiveTsnsAcrossWraparound) {
  RetransmissionQueue q{Tsn(0xFFFFFFFE)};
  EXPECT_EQ(q.add_sent(fragment(), kT0), Tsn(0xFFFFFFFE));
  EXPECT_EQ(q.add_sent(fragment(), kT0), Tsn(0xFFFFFFFF));
  EXPECT_EQ(q.add_sent(fragment(), kT0), Tsn(0));
  EXPECT_EQ(q.bytes_in_flight(), 300u);
  const SackOutcome o = q.handle_sack(Tsn(0), {}, false, kT0 + DurationMs(50));
  EXPECT_EQ(o.status, Status::kProcessed);
  EXPECT_EQ(o.ack_sample.bytes_acked, 300u);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.next_tsn(), Tsn(1));
}

TEST(RetransmissionQueue, CumulativeAckRemovesChunksAndMeasuresRtt) {
  RetransmissionQueue q = queue_with(100, 4);
  const SackOutcome o = q.handle_sack(Tsn(101), {}, false, kT0 + DurationMs(80));
  EXPECT_EQ(o.ack_sample.bytes_acked, 200u);
  EXPECT_TRUE(o.ack_sample.cumulative_tsn_advanced);
  EXPECT_EQ(o.ack_sample.flight_size_before, 400u);
  EXPECT_EQ(o.ack_sample.flight_size_after, 200u);
  EXPECT_EQ(o.rtt_sample, DurationMs(80));
  EXPECT_EQ(o.t3, T3::kRestart);  // RFC 9260 6.3.2 R3
  EXPECT_EQ(q.chunk_count(), 2u);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(101));
}

TEST(RetransmissionQueue, AllAckedStopsT3) {
  // RFC 9260 6.3.2 R2.
  RetransmissionQueue q = queue_with(1, 2);
  EXPECT_EQ(q.handle_sack(Tsn(2), {}, false, kT0).t3, T3::kStop);
}

TEST(RetransmissionQueue, GapAckedChunksLeaveFlightButAreKept) {
  // RFC 9260 6.2.1: gap-acked data is not removed: the receiver may renege.
  RetransmissionQueue q = queue_with(1, 4);
  const SackOutcome o = q.handle_sack(Tsn(0), gaps({{2, 3}}), false, kT0);
  EXPECT_EQ(o.ack_sample.bytes_acked, 200u);
  EXPECT_FALSE(o.ack_sample.cumulative_tsn_advanced);
  EXPECT_EQ(q.bytes_in_flight(), 200u);
  EXPECT_EQ(q.outstanding_bytes(), 200u);
  EXPECT_EQ(q.chunk_count(), 4u);
  EXPECT_EQ(o.t3, T3::kNone);
}

TEST(RetransmissionQueue, StaleSackIsDropped) {
  // RFC 9260 6.2.1 D i: a Cumulative TSN Ack behind ours is old.
  RetransmissionQueue q = queue_with(1, 4);
  (void)q.handle_sack(Tsn(2), {}, false, kT0);
  EXPECT_EQ(q.handle_sack(Tsn(1), gaps({{2, 2}}), false, kT0).status, Status::kStale);
  EXPECT_EQ(q.bytes_in_flight(), 200u);
}

TEST(RetransmissionQueue, SackAckingUnsentTsnIsRejected) {
  RetransmissionQueue q = queue_with(1, 2);
  EXPECT_EQ(q.handle_sack(Tsn(3), {}, false, kT0).status, Status::kAcksUnsentTsn);
  EXPECT_EQ(q.chunk_count(), 2u);
}

TEST(RetransmissionQueue, MalformedGapBlocksAreIgnored) {
  // RFC 9260 3.3.4: blocks sorted, non-overlapping, start >= 1, start <= end;
  // and never beyond the highest TSN sent. Anything else is ignored (the
  // cumulative ack is still used).
  const std::vector<std::vector<GapAckBlock>> bad = {
      {{0, 1}},          // start 0 would be the cumulative ack itself
      {{3, 2}},          // start > end
      {{4, 5}, {2, 2}},  // unsorted
      {{2, 4}, {4, 5}},  // overlapping
      {{2, 10}},         // beyond what was sent
  };
  for (const auto& blocks : bad) {
    RetransmissionQueue q = queue_with(1, 6);
    const SackOutcome o = q.handle_sack(Tsn(1), blocks, false, kT0);
    EXPECT_EQ(o.status, Status::kProcessed);
    EXPECT_TRUE(o.gap_blocks_ignored);
    EXPECT_EQ(o.ack_sample.bytes_acked, 100u);
    EXPECT_EQ(q.bytes_in_flight(), 500u);
  }
  RetransmissionQueue q = queue_with(1, 6);
  EXPECT_FALSE(q.handle_sack(Tsn(1), gaps({{2, 2}, {3, 5}}), false, kT0).gap_blocks_ignored);
}

TEST(RetransmissionQueue, FastRetransmitOnExactlyTheThirdMiss) {
  // RFC 9260 7.2.4: three miss indications -> mark for fast retransmission.
  RetransmissionQueue q = queue_with(1, 6);
  SackOutcome o = q.handle_sack(Tsn(1), gaps({{2, 2}}), false, kT0);  // 3 acked, 2 missing
  EXPECT_EQ(q.miss_indications(Tsn(2)), 1);
  EXPECT_FALSE(o.new_fast_retransmits);
  o = q.handle_sack(Tsn(1), gaps({{2, 3}}), false, kT0);
  EXPECT_EQ(q.miss_indications(Tsn(2)), 2);
  EXPECT_FALSE(o.new_fast_retransmits);
  EXPECT_FALSE(q.is_marked_for_retransmission(Tsn(2)));
  o = q.handle_sack(Tsn(1), gaps({{2, 4}}), false, kT0);
  EXPECT_TRUE(o.new_fast_retransmits);
  EXPECT_TRUE(q.is_marked_for_retransmission(Tsn(2)));
  EXPECT_EQ(q.bytes_in_flight(), 100u);  // only TSN 6 still in flight
  auto r = q.next_retransmission(kT0, 1000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->tsn, Tsn(2));
  EXPECT_FALSE(q.next_retransmission(kT0, 1000));
}

TEST(RetransmissionQueue, MissIndicationsFollowHtna) {
  // RFC 9260 7.2.4: only TSNs below the highest newly acknowledged TSN get a
  // miss indication; a repeated SACK acknowledging nothing new gives none.
  RetransmissionQueue q = queue_with(1, 6);
  (void)q.handle_sack(Tsn(0), gaps({{3, 3}}), false, kT0);
  EXPECT_EQ(q.miss_indications(Tsn(1)), 1);
  EXPECT_EQ(q.miss_indications(Tsn(2)), 1);
  EXPECT_EQ(q.miss_indications(Tsn(4)), 0);
  (void)q.handle_sack(Tsn(0), gaps({{3, 3}}), false, kT0);
  EXPECT_EQ(q.miss_indications(Tsn(1)), 1);
  // Acking 6 newly: 4 and 5 are now below the HTNA.
  (void)q.handle_sack(Tsn(0), gaps({{3, 3}, {6, 6}}), false, kT0);
  EXPECT_EQ(q.miss_indications(Tsn(1)), 2);
  EXPECT_EQ(q.miss_indications(Tsn(4)), 1);
}

TEST(RetransmissionQueue, InFastRecoveryCumAdvanceCountsAllReportedMissing) {
  // RFC 9260 7.2.4: in Fast Recovery, a SACK advancing the cumulative ack
  // increments miss indications for all TSNs it reports missing.
  RetransmissionQueue q = queue_with(1, 6);
  (void)q.handle_sack(Tsn(0), gaps({{5, 5}}), false, kT0);  // 5 acked
  EXPECT_EQ(q.miss_indications(Tsn(3)), 1);
  (void)q.handle_sack(Tsn(1), gaps({{4, 4}}), true, kT0);  // nothing above 1 newly acked
  EXPECT_EQ(q.miss_indications(Tsn(3)), 2);
  EXPECT_EQ(q.miss_indications(Tsn(6)), 0);
}

TEST(RetransmissionQueue, ChunkIsFastRetransmittedOnlyOnce) {
  // RFC 9260 7.2.4 step 5: ineligible for a subsequent fast retransmit.
  RetransmissionQueue q = queue_with(1, 8);
  for (uint16_t end : {2, 3, 4})
    (void)q.handle_sack(Tsn(0), gaps({{2, end}}), false, kT0);
  ASSERT_TRUE(q.next_retransmission(kT0, 1000));
  for (uint16_t end : {5, 6, 7}) {
    EXPECT_FALSE(q.handle_sack(Tsn(0), gaps({{2, end}}), false, kT0).new_fast_retransmits);
  }
  EXPECT_FALSE(q.is_marked_for_retransmission(Tsn(1)));
}

TEST(RetransmissionQueue, KarnNoRttFromRetransmittedChunk) {
  // RFC 9260 6.3.1 C5.
  RetransmissionQueue q = queue_with(1, 1);
  q.handle_t3_expiry();
  ASSERT_TRUE(q.next_retransmission(kT0 + DurationMs(1000), 1000));
  const SackOutcome o = q.handle_sack(Tsn(1), {}, false, kT0 + DurationMs(1100));
  EXPECT_EQ(o.ack_sample.bytes_acked, 100u);
  EXPECT_FALSE(o.rtt_sample.has_value());
}

TEST(RetransmissionQueue, AtMostOneRttSamplePerRoundTrip) {
  // RFC 9260 6.3.1 C4: a new measurement once per round trip, no more.
  RetransmissionQueue q = queue_with(1, 2);
  EXPECT_EQ(q.handle_sack(Tsn(1), {}, false, kT0 + DurationMs(50)).rtt_sample, DurationMs(50));
  EXPECT_FALSE(q.handle_sack(Tsn(2), {}, false, kT0 + DurationMs(60)).rtt_sample);
  (void)q.add_sent(fragment(), kT0 + DurationMs(100));
  EXPECT_EQ(q.handle_sack(Tsn(3), {}, false, kT0 + DurationMs(170)).rtt_sample, DurationMs(70));
}

TEST(RetransmissionQueue, T3MarksAllOutstandingExceptGapAcked) {
  // RFC 9260 6.3.3 E3: retransmit, lowest TSN first.
  RetransmissionQueue q = queue_with(1, 4);
  (void)q.handle_sack(Tsn(0), gaps({{2, 2}}), false, kT0);  // TSN 2 gap-acked
  q.handle_t3_expiry();
  EXPECT_EQ(q.bytes_in_flight(), 0u);
  EXPECT_EQ(q.outstanding_bytes(), 300u);
  std::vector<uint32_t> order;
  while (auto r = q.next_retransmission(kT0, 1000))
    order.push_back(r->tsn.value());
  EXPECT_EQ(order, (std::vector<uint32_t>{1, 3, 4}));
  EXPECT_EQ(q.bytes_in_flight(), 300u);
}

TEST(RetransmissionQueue, RetransmissionThatDoesNotFitWaits) {
  RetransmissionQueue q = queue_with(1, 1);
  q.handle_t3_expiry();
  EXPECT_FALSE(q.next_retransmission(kT0, 99));
  EXPECT_TRUE(q.has_retransmissions());
  EXPECT_TRUE(q.next_retransmission(kT0, 100));
}

TEST(RetransmissionQueue, RenegedChunkReturnsToFlight) {
  // RFC 9260 6.2.1 D: previously gap-acked, now missing: count a miss and
  // make sure T3 runs.
  RetransmissionQueue q = queue_with(1, 3);
  (void)q.handle_sack(Tsn(0), gaps({{2, 3}}), false, kT0);
  EXPECT_EQ(q.bytes_in_flight(), 100u);
  const SackOutcome o = q.handle_sack(Tsn(0), {}, false, kT0);
  EXPECT_EQ(o.t3, T3::kEnsureRunning);
  EXPECT_EQ(q.bytes_in_flight(), 300u);
  EXPECT_EQ(q.miss_indications(Tsn(2)), 1);
}

TEST(RetransmissionQueue, RtxPolicyZeroAbandonsOnFirstLoss) {
  // RFC 7496 RTX policy with 0 retransmissions: abandoned instead of resent;
  // RFC 3758 3.5: Advanced.Peer.Ack.Point moves over it, FORWARD-TSN due.
  RetransmissionQueue q{Tsn(1)};
  (void)q.add_sent(fragment({.stream = 3, .ssn = 7, .max_retransmissions = 0}), kT0);
  (void)q.add_sent(fragment(), kT0);
  q.handle_t3_expiry();
  EXPECT_TRUE(q.is_abandoned(Tsn(1)));
  EXPECT_FALSE(q.is_abandoned(Tsn(2)));
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(1));
  EXPECT_TRUE(q.should_send_forward_tsn());
  const auto skipped = q.skipped_ssns();
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0], (SkippedSsn{StreamId(3), Ssn(7)}));
  ASSERT_EQ(q.newly_abandoned().size(), 1u);
  EXPECT_EQ(q.newly_abandoned()[0].stream_id, StreamId(3));
  auto r = q.next_retransmission(kT0, 1000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->tsn, Tsn(2));
}

TEST(RetransmissionQueue, RtxPolicyAllowsExactlyNRetransmissions) {
  RetransmissionQueue q{Tsn(1)};
  (void)q.add_sent(fragment({.max_retransmissions = 1}), kT0);
  q.handle_t3_expiry();
  EXPECT_TRUE(q.next_retransmission(kT0, 1000));  // the one allowed
  q.handle_t3_expiry();
  EXPECT_TRUE(q.is_abandoned(Tsn(1)));
  EXPECT_FALSE(q.next_retransmission(kT0, 1000));
}

TEST(RetransmissionQueue, LifetimeExpiryAbandonsBeforeRetransmission) {
  // RFC 3758 3.5 A1 / RFC 7496 TTL: checked before retransmitting.
  RetransmissionQueue q{Tsn(1)};
  (void)q.add_sent(fragment({.expires_at = kT0 + DurationMs(500)}), kT0);
  q.handle_t3_expiry();
  EXPECT_FALSE(q.next_retransmission(kT0 + DurationMs(500), 1000));
  EXPECT_TRUE(q.is_abandoned(Tsn(1)));
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(1));
}

TEST(RetransmissionQueue, AbandonExpiredAbandonsInFlightMessages) {
  RetransmissionQueue q{Tsn(1)};
  (void)q.add_sent(fragment({.expires_at = kT0 + DurationMs(100)}), kT0);
  (void)q.add_sent(fragment({.expires_at = kT0 + DurationMs(900)}), kT0);
  EXPECT_EQ(q.abandon_expired(kT0 + DurationMs(100)), 1u);
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(1));
  EXPECT_EQ(q.bytes_in_flight(), 100u);
}

TEST(RetransmissionQueue, AbandoningAFragmentAbandonsItsWholeMessage) {
  // RFC 3758 3.5: all fragments of the message go; the send queue is told.
  RetransmissionQueue q{Tsn(1)};
  for (int i = 0; i < 3; ++i) {
    (void)q.add_sent(fragment({.stream = 2, .message = 77, .ssn = 4, .max_retransmissions = 0}),
                     kT0);
  }
  (void)q.add_sent(fragment({.stream = 2, .ssn = 5}), kT0);
  (void)q.handle_sack(Tsn(0), gaps({{2, 2}, {4, 4}}), false, kT0);
  (void)q.handle_sack(Tsn(0), gaps({{2, 2}, {4, 4}}), false, kT0);
  q.handle_t3_expiry();  // TSN 1 (and 3) lost with RTX 0 -> message 77 abandoned
  EXPECT_TRUE(q.is_abandoned(Tsn(1)));
  EXPECT_TRUE(q.is_abandoned(Tsn(2)));
  EXPECT_TRUE(q.is_abandoned(Tsn(3)));
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(3));  // stops at TSN 4 (not abandoned)
  ASSERT_FALSE(q.newly_abandoned().empty());
  EXPECT_EQ(q.newly_abandoned()[0].message_id, OutgoingMessageId(77));
  // The peer acknowledges through the FORWARD-TSN point: all is gone.
  (void)q.handle_sack(Tsn(4), {}, false, kT0);
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.should_send_forward_tsn());
}

TEST(RetransmissionQueue, AbandoningAPartlySentMessageReservesATsnForItsEnd) {
  // The sent B fragment reached the peer; its SACK was lost, so T3 abandons
  // the message (RTX 0). If the peer's next SACK acked the B fragment, no
  // FORWARD-TSN would name SSN 4 and the peer would wait for the end
  // forever: the never-sent end gets an abandoned TSN of its own.
  RetransmissionQueue q{Tsn(1)};
  OutgoingFragment first =
      fragment({.stream = 2, .message = 88, .ssn = 4, .max_retransmissions = 0});
  first.ending = false;
  (void)q.add_sent(first, kT0);
  q.handle_t3_expiry();
  EXPECT_EQ(q.next_tsn(), Tsn(3));  // TSN 2 reserved for the end
  EXPECT_TRUE(q.is_abandoned(Tsn(2)));
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(2));
  (void)q.handle_sack(Tsn(1), {}, false, kT0);  // the peer had the B fragment
  EXPECT_TRUE(q.should_send_forward_tsn());
  ASSERT_EQ(q.skipped_ssns().size(), 1u);
  EXPECT_EQ(q.skipped_ssns()[0], (SkippedSsn{StreamId(2), Ssn(4)}));
  EXPECT_EQ(q.outstanding_bytes(), 0u);
  EXPECT_EQ(q.add_sent(fragment(), kT0), Tsn(3));
}

TEST(RetransmissionQueue, AbandonedEndFromSendQueueForcesForwardTsn) {
  // A TTL message expired in the send queue after its B fragment was sent
  // and acknowledged: the end reported by the send queue takes a TSN so a
  // FORWARD-TSN skips SSN 9 (RFC 3758 3.5).
  RetransmissionQueue q{Tsn(1)};
  OutgoingFragment first = fragment({.stream = 5, .message = 99, .ssn = 9});
  first.ending = false;
  (void)q.add_sent(first, kT0);
  (void)q.handle_sack(Tsn(1), {}, false, kT0);
  OutgoingFragment end = first;
  end.ending = true;
  end.fsn = Fsn(1);
  EXPECT_EQ(q.add_abandoned_end(end), Tsn(2));
  EXPECT_TRUE(q.should_send_forward_tsn());
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(2));
  ASSERT_EQ(q.skipped_ssns().size(), 1u);
  EXPECT_EQ(q.skipped_ssns()[0], (SkippedSsn{StreamId(5), Ssn(9)}));
  // Reported twice (e.g. also abandoned here): only one end.
  EXPECT_EQ(q.add_abandoned_end(end), std::nullopt);
}

TEST(RetransmissionQueue, SkippedMidsForIForwardTsnSeparateOrderedAndUnordered) {
  // RFC 8260 2.3.1: entries per stream and U flag with the highest MID.
  RetransmissionQueue q{Tsn(1)};
  (void)q.add_sent(fragment({.stream = 1, .mid = 3, .max_retransmissions = 0}), kT0);
  (void)q.add_sent(fragment({.stream = 1, .mid = 4, .max_retransmissions = 0}), kT0);
  (void)q.add_sent(fragment({.stream = 1, .unordered = true, .mid = 9, .max_retransmissions = 0}),
                   kT0);
  q.handle_t3_expiry();
  const auto mids = q.skipped_mids();
  ASSERT_EQ(mids.size(), 2u);
  EXPECT_EQ(mids[0], (SkippedMid{StreamId(1), false, Mid(4)}));
  EXPECT_EQ(mids[1], (SkippedMid{StreamId(1), true, Mid(9)}));
  EXPECT_TRUE(q.skipped_ssns().size() == 1u);  // unordered DATA has no SSN entry
}

// Randomized, fixed seed: a sender (this queue + NewReno-free fixed window)
// and a receiver (DataTracker) over a link losing 10% of DATA and 20% of
// SACKs, with T3 when nothing was acknowledged for a while. Invariants hold
// at every step and everything is eventually acknowledged exactly once.
TEST(RetransmissionQueue, RandomizedLossyLinkConverges) {
  std::mt19937 rng(424242);
  const Tsn initial(0xFFFFFF80);  // crosses the wrap
  RetransmissionQueue q{initial};
  DataTracker receiver{initial};
  constexpr int kMessages = 3000;
  constexpr size_t kWindow = 20;
  int sent_new = 0;
  std::vector<int> acked_bytes_per_round;
  size_t total_acked = 0;
  TimeMs now = kT0;
  int rounds_without_progress = 0;
  for (int round = 0; round < 100000 && !(sent_new == kMessages && q.empty()); ++round) {
    now = now + DurationMs(10);
    // Send: retransmissions first (RFC 9260 6.1 C), then new data.
    std::vector<Tsn> packet;
    while (packet.size() < kWindow) {
      if (auto r = q.next_retransmission(now, 1000)) {
        packet.push_back(r->tsn);
      } else if (sent_new < kMessages && q.chunk_count() < 2 * kWindow) {
        packet.push_back(q.add_sent(fragment(), now));
        ++sent_new;
      } else {
        break;
      }
    }
    for (Tsn tsn : packet) {
      if (rng() % 10 != 0) (void)receiver.observe(tsn);
    }
    (void)receiver.on_packet_end(now);
    const SackInfo sack = receiver.make_sack(1 << 20);
    if (rng() % 5 == 0) {
      if (++rounds_without_progress > 5) {
        q.handle_t3_expiry();
        rounds_without_progress = 0;
      }
      continue;
    }
    const SackOutcome o =
        q.handle_sack(sack.cumulative_tsn_ack, sack.gap_ack_blocks.span(), false, now);
    ASSERT_NE(o.status, Status::kAcksUnsentTsn);
    ASSERT_FALSE(o.gap_blocks_ignored);
    total_acked += o.ack_sample.bytes_acked;
    ASSERT_LE(q.bytes_in_flight(), q.outstanding_bytes());
    ASSERT_LE(q.outstanding_bytes(), q.chunk_count() * 100);
    if (o.ack_sample.bytes_acked == 0) {
      if (++rounds_without_progress > 5) {
        q.handle_t3_expiry();
        rounds_without_progress = 0;
      }
    } else {
      rounds_without_progress = 0;
    }
  }
  EXPECT_EQ(sent_new, kMessages);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(receiver.cumulative_tsn_ack(), initial.plus(kMessages - 1));
  // Each chunk's bytes counted as newly acknowledged exactly once (a renege
  // never happens with this receiver).
  EXPECT_EQ(total_acked, size_t(kMessages) * 100);
}

}  // namespace
}  // namespace sctp
