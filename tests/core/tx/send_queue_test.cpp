// SendQueue and stream schedulers: fragmentation (RFC 9260 6.9, RFC 8260
// 2.1), SSN/MID assignment, PR-SCTP lifetime (RFC 7496), buffered-amount
// events, stream reset support (RFC 6525 5.1.2), FCFS and round robin
// (RFC 8260 3.1, 3.2).
#include "tx/send_queue.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "tx/fcfs_scheduler.h"
#include "tx/priority_scheduler.h"
#include "tx/round_robin_scheduler.h"

namespace sctp {
namespace {

constexpr TimeMs kNow{5000};

std::vector<uint8_t> bytes(const std::string& s) {
  return {s.begin(), s.end()};
}
std::string text(const OutgoingFragment& f) {
  const ByteSpan p = f.payload();
  return {p.begin(), p.end()};
}
SendOptions ordered(uint32_t ppid = 0) {
  SendOptions o;
  o.ppid = Ppid(ppid);
  return o;
}
SendOptions unordered_opts() {
  SendOptions o;
  o.unordered = true;
  return o;
}

SendQueue make_queue(StreamSchedulerKind kind = StreamSchedulerKind::kRoundRobin,
                     size_t limit = 1 << 20) {
  return SendQueue(make_stream_scheduler(kind), limit);
}

TEST(SendQueue, SmallMessageIsOneFragmentWithBAndE) {
  SendQueue q = make_queue();
  ASSERT_EQ(q.add(kNow, StreamId(2), bytes("hello"), ordered(51)), SendQueue::AddResult::kOk);
  auto f = q.produce(kNow, 1000);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->beginning);
  EXPECT_TRUE(f->ending);
  EXPECT_EQ(f->stream_id, StreamId(2));
  EXPECT_EQ(f->ppid, Ppid(51));
  EXPECT_EQ(f->ssn, Ssn(0));
  EXPECT_EQ(text(*f), "hello");
  EXPECT_FALSE(q.produce(kNow, 1000));
  EXPECT_FALSE(q.has_data_to_send());
}

TEST(SendQueue, RefusesEmptyMessageAndRespectsTotalLimit) {
  SendQueue q = make_queue(StreamSchedulerKind::kRoundRobin, 10);
  EXPECT_EQ(q.add(kNow, StreamId(0), {}, ordered()), SendQueue::AddResult::kEmpty);
  EXPECT_EQ(q.add(kNow, StreamId(0), bytes("123456"), ordered()), SendQueue::AddResult::kOk);
  EXPECT_EQ(q.add(kNow, StreamId(1), bytes("12345"), ordered()), SendQueue::AddResult::kBufferFull);
  EXPECT_EQ(q.add(kNow, StreamId(1), bytes("1234"), ordered()), SendQueue::AddResult::kOk);
}

TEST(SendQueue, FragmentsToTheRoomGivenWithFsnAndFlags) {
  // RFC 9260 section 6.9 / RFC 8260 section 2.1: B on the first fragment, E
  // on the last, FSN counting from 0; all share SSN/MID.
  SendQueue q = make_queue();
  (void)q.add(kNow, StreamId(1), bytes("abcdefgh"), ordered());
  std::vector<std::string> parts;
  std::vector<uint32_t> fsns;
  while (auto f = q.produce(kNow, 3)) {
    parts.push_back(text(*f));
    fsns.push_back(f->fsn.value());
    EXPECT_EQ(f->beginning, parts.size() == 1);
    EXPECT_EQ(f->ssn, Ssn(0));
    EXPECT_EQ(f->mid, Mid(0));
    if (f->ending) break;
  }
  EXPECT_EQ(parts, (std::vector<std::string>{"abc", "def", "gh"}));
  EXPECT_EQ(fsns, (std::vector<uint32_t>{0, 1, 2}));
}

TEST(SendQueue, FragmentsShareThePayloadWithoutCopying) {
  SendQueue q = make_queue();
  (void)q.add(kNow, StreamId(1), bytes("abcdef"), ordered());
  auto a = q.produce(kNow, 3);
  auto b = q.produce(kNow, 3);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->data.bytes().data(), b->data.bytes().data());
  EXPECT_EQ(a->payload().data() + 3, b->payload().data());
  // The queue let go of the fully produced message: the fragments hold it.
  EXPECT_EQ(a->data.use_count(), 2u);
}

TEST(SendQueue, SsnAndMidPerStreamUnorderedHasItsOwnMid) {
  // RFC 9260 6.5: SSN per stream for ordered messages. RFC 8260 2.1: ordered
  // and unordered messages use separate MID sequences.
  SendQueue q = make_queue(StreamSchedulerKind::kFirstComeFirstServed);
  (void)q.add(kNow, StreamId(1), bytes("a"), ordered());
  (void)q.add(kNow, StreamId(1), bytes("b"), unordered_opts());
  (void)q.add(kNow, StreamId(1), bytes("c"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("d"), ordered());
  auto a = q.produce(kNow, 100);
  auto b = q.produce(kNow, 100);
  auto c = q.produce(kNow, 100);
  auto d = q.produce(kNow, 100);
  EXPECT_EQ(a->ssn, Ssn(0));
  EXPECT_EQ(a->mid, Mid(0));
  EXPECT_TRUE(b->unordered);
  EXPECT_EQ(b->mid, Mid(0));
  EXPECT_EQ(c->ssn, Ssn(1));
  EXPECT_EQ(c->mid, Mid(1));
  EXPECT_EQ(d->ssn, Ssn(0));
}

TEST(SendQueue, ExpiredMessageIsDroppedBeforeSendingWithoutUsingAnSsn) {
  // RFC 7496 TTL policy / RFC 3758: an expired message is abandoned; one
  // never sent must not leave an SSN gap.
  SendQueue q = make_queue();
  SendOptions ttl = ordered();
  ttl.lifetime = DurationMs(100);
  (void)q.add(kNow, StreamId(1), bytes("stale"), ttl);
  (void)q.add(kNow, StreamId(1), bytes("fresh"), ordered());
  auto f = q.produce(kNow + DurationMs(100), 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(text(*f), "fresh");
  EXPECT_EQ(f->ssn, Ssn(0));
  EXPECT_EQ(q.expired_message_count(), 1u);
  EXPECT_EQ(q.total_buffered_amount(), 0u);
  EXPECT_FALSE(q.has_abandoned_ends());  // never started: nothing to skip
}

TEST(SendQueue, LifetimeAndRetransmissionLimitTravelWithTheFragment) {
  SendQueue q = make_queue();
  SendOptions o = ordered();
  o.lifetime = DurationMs(300);
  o.max_retransmissions = 2;
  (void)q.add(kNow, StreamId(1), bytes("x"), o);
  auto f = q.produce(kNow + DurationMs(10), 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expires_at, kNow + DurationMs(300));
  EXPECT_EQ(f->max_retransmissions, 2);
}

TEST(SendQueue, ExpiryMidMessageDropsTheUnsentRest) {
  SendQueue q = make_queue();
  SendOptions ttl = ordered();
  ttl.lifetime = DurationMs(100);
  (void)q.add(kNow, StreamId(1), bytes("abcdef"), ttl);
  ASSERT_TRUE(q.produce(kNow, 2));
  EXPECT_EQ(q.buffered_amount(StreamId(1)), 4u);
  EXPECT_FALSE(q.produce(kNow + DurationMs(200), 2));
  EXPECT_EQ(q.buffered_amount(StreamId(1)), 0u);
  // The peer holds the B fragment: the unsent end is reported so that the
  // retransmission queue can make a FORWARD-TSN skip the message.
  ASSERT_TRUE(q.has_abandoned_ends());
  const std::vector<OutgoingFragment> ends = q.take_abandoned_ends();
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_TRUE(ends[0].ending);
  EXPECT_EQ(ends[0].ssn, Ssn(0));
  EXPECT_EQ(ends[0].fsn, Fsn(1));
  EXPECT_EQ(ends[0].length, 0u);
  EXPECT_FALSE(q.has_abandoned_ends());
}

TEST(SendQueue, DiscardDropsTheRestOfAnAbandonedMessage) {
  // RFC 3758 section 3.5: when a fragment is abandoned, so is its message.
  SendQueue q = make_queue();
  (void)q.add(kNow, StreamId(1), bytes("abcdef"), ordered());
  (void)q.add(kNow, StreamId(1), bytes("next"), ordered());
  auto first = q.produce(kNow, 2);
  ASSERT_TRUE(first);
  EXPECT_TRUE(q.discard(StreamId(1), first->message_id));
  EXPECT_FALSE(q.discard(StreamId(1), first->message_id));
  auto f = q.produce(kNow, 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(text(*f), "next");
  EXPECT_EQ(f->ssn, Ssn(1));
}

TEST(SendQueue, BufferedAmountLowFiresWhenCrossingThreshold) {
  SendQueue q = make_queue();
  std::vector<StreamId> low;
  int total_low = 0;
  q.on_buffered_amount_low = [&](StreamId s) { low.push_back(s); };
  q.on_total_buffered_amount_low = [&] { ++total_low; };
  q.set_buffered_amount_low_threshold(StreamId(1), 4);
  q.set_total_buffered_amount_low_threshold(5);
  (void)q.add(kNow, StreamId(1), bytes("0123456789"), ordered());
  EXPECT_EQ(q.buffered_amount(StreamId(1)), 10u);
  (void)q.produce(kNow, 5);  // 10 -> 5: above 4
  EXPECT_TRUE(low.empty());
  EXPECT_EQ(total_low, 1);   // 10 -> 5: at the total threshold
  (void)q.produce(kNow, 3);  // 5 -> 2: crosses 4
  EXPECT_EQ(low, std::vector<StreamId>{StreamId(1)});
  (void)q.produce(kNow, 3);  // 2 -> 0: already below, no new event
  EXPECT_EQ(low.size(), 1u);
  EXPECT_EQ(total_low, 1);
}

TEST(SendQueue, WithoutInterleavingAMessageIsNotInterrupted) {
  // DATA: fragments of one message need consecutive TSNs (RFC 9260 6.9), so
  // round robin may switch stream only between messages.
  SendQueue q = make_queue(StreamSchedulerKind::kRoundRobin);
  (void)q.add(kNow, StreamId(1), bytes("AAAA"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("BBBB"), ordered());
  std::string order;
  while (auto f = q.produce(kNow, 2))
    order += text(*f).substr(0, 1);
  EXPECT_EQ(order, "AABB");
}

TEST(SendQueue, WithInterleavingRoundRobinAlternatesFragments) {
  // RFC 8260 section 3.2 with I-DATA: the turn passes after each fragment, so
  // a large message does not block other streams.
  SendQueue q = make_queue(StreamSchedulerKind::kRoundRobin);
  q.set_interleaving(true);
  (void)q.add(kNow, StreamId(1), bytes("AAAAAA"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("BB"), ordered());
  std::string order;
  while (auto f = q.produce(kNow, 2))
    order += text(*f).substr(0, 1);
  EXPECT_EQ(order, "ABAA");
}

TEST(SendQueue, FcfsSendsInSubmissionOrderAcrossStreams) {
  // RFC 8260 section 3.1.
  SendQueue q = make_queue(StreamSchedulerKind::kFirstComeFirstServed);
  (void)q.add(kNow, StreamId(3), bytes("1"), ordered());
  (void)q.add(kNow, StreamId(1), bytes("2"), ordered());
  (void)q.add(kNow, StreamId(3), bytes("3"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("4"), ordered());
  std::string order;
  while (auto f = q.produce(kNow, 100))
    order += text(*f);
  EXPECT_EQ(order, "1234");
}

TEST(SendQueue, RoundRobinTakesOneMessagePerStreamInTurn) {
  // RFC 8260 section 3.2: streams are served in turn, one message each.
  SendQueue q = make_queue(StreamSchedulerKind::kRoundRobin);
  for (const char* m : {"a1", "a2", "a3"})
    (void)q.add(kNow, StreamId(1), bytes(m), ordered());
  for (const char* m : {"b1", "b2"})
    (void)q.add(kNow, StreamId(2), bytes(m), ordered());
  (void)q.add(kNow, StreamId(7), bytes("c1"), ordered());
  std::vector<std::string> order;
  while (auto f = q.produce(kNow, 100))
    order.push_back(text(*f));
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "b1", "c1", "a2", "b2", "a3"}));
}

TEST(SendQueue, PrioritySchedulerServesMoreUrgentStreamsFirst) {
  // RFC 8260 section 3.4: strict priority; equal priorities take turns.
  SendQueue q(std::make_unique<PriorityScheduler>(), 1 << 20);
  q.set_priority(StreamId(1), 100);
  q.set_priority(StreamId(3), 100);
  for (const char* m : {"b1", "b2"})
    (void)q.add(kNow, StreamId(2), bytes(m), ordered());
  for (const char* m : {"a1", "a2"})
    (void)q.add(kNow, StreamId(1), bytes(m), ordered());
  for (const char* m : {"c1", "c2"})
    (void)q.add(kNow, StreamId(3), bytes(m), ordered());
  std::vector<std::string> order;
  while (auto f = q.produce(kNow, 100))
    order.push_back(text(*f));
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "c1", "a2", "c2", "b1", "b2"}));
}

TEST(SendQueue, PrioritySchedulerSkipsPausedUrgentStream) {
  SendQueue q(std::make_unique<PriorityScheduler>(), 1 << 20);
  q.set_priority(StreamId(1), 1);
  (void)q.add(kNow, StreamId(1), bytes("urgent"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("normal"), ordered());
  const StreamId s1[] = {StreamId(1)};
  q.pause_streams(s1);
  auto f = q.produce(kNow, 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(text(*f), "normal");
}

TEST(SendQueue, PausedStreamFinishesItsMessageThenWaitsForReset) {
  // RFC 6525 section 5.1.2: stop assigning new SSNs on the stream; the
  // request goes out once nothing is partially sent.
  SendQueue q = make_queue();
  (void)q.add(kNow, StreamId(1), bytes("abcd"), ordered());
  (void)q.add(kNow, StreamId(1), bytes("after"), ordered());
  (void)q.add(kNow, StreamId(2), bytes("other"), ordered());
  ASSERT_TRUE(q.produce(kNow, 2));  // "ab" of stream 1
  const StreamId s1[] = {StreamId(1)};
  q.pause_streams(s1);
  EXPECT_FALSE(q.is_ready_for_reset(s1));
  auto f = q.produce(kNow, 2);  // "cd": the message in progress completes
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->ending);
  EXPECT_TRUE(q.is_ready_for_reset(s1));
  f = q.produce(kNow, 100);
  EXPECT_EQ(text(*f), "other");
  EXPECT_FALSE(q.produce(kNow, 100));  // stream 1 is paused
  q.commit_reset_streams(s1);
  f = q.produce(kNow, 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(text(*f), "after");
  EXPECT_EQ(f->ssn, Ssn(0));  // numbering restarted
}

TEST(SendQueue, ResumeAfterRefusedResetKeepsNumbering) {
  SendQueue q = make_queue();
  (void)q.add(kNow, StreamId(1), bytes("a"), ordered());
  (void)q.produce(kNow, 100);
  const StreamId s1[] = {StreamId(1)};
  q.pause_streams(s1);
  (void)q.add(kNow, StreamId(1), bytes("b"), ordered());
  EXPECT_FALSE(q.produce(kNow, 100));
  q.resume_streams(s1);
  auto f = q.produce(kNow, 100);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->ssn, Ssn(1));
}

// Randomized: many streams, random message sizes and room, round robin with
// and without interleaving. Every message's fragments must reassemble to it
// in order, SSNs must be consecutive per stream, and no stream may wait more
// than one full rotation of the others (fairness).
void run_random_send(bool interleaving, uint32_t seed) {
  std::mt19937 rng(seed);
  SendQueue q = make_queue(StreamSchedulerKind::kRoundRobin, 1 << 24);
  q.set_interleaving(interleaving);
  constexpr int kStreams = 6;
  std::map<uint16_t, std::vector<std::string>> sent;
  for (int i = 0; i < 400; ++i) {
    const uint16_t s = static_cast<uint16_t>(rng() % kStreams);
    std::string body = std::to_string(s) + "/" + std::to_string(i) + ":";
    body.append(rng() % 50, static_cast<char>('a' + i % 26));
    sent[s].push_back(body);
    ASSERT_EQ(q.add(kNow, StreamId(s), bytes(body), ordered()), SendQueue::AddResult::kOk);
  }
  std::map<uint16_t, std::vector<std::string>> received;
  std::map<uint16_t, std::string> partial;
  std::map<uint16_t, uint16_t> next_ssn;
  std::map<uint16_t, size_t> left;
  for (auto& [s, v] : sent)
    left[s] = v.size();
  // A turn is a message (no interleaving) or a fragment (interleaving).
  size_t turn = 0;
  bool all_active = left.size() == kStreams;
  while (auto f = q.produce(kNow, 1 + rng() % 20)) {
    const uint16_t s = f->stream_id.value();
    if (f->beginning) {
      EXPECT_TRUE(partial[s].empty());
      EXPECT_EQ(f->ssn, Ssn(next_ssn[s]++));
    }
    // Fairness: while every stream has data, turns go 0, 1, ..., 5, 0, ...
    if (all_active && (interleaving || f->beginning)) {
      EXPECT_EQ(s, turn % kStreams) << "turn " << turn;
      ++turn;
    }
    partial[s] += text(*f);
    if (f->ending) {
      received[s].push_back(partial[s]);
      partial[s].clear();
      if (--left[s] == 0) all_active = false;
    }
  }
  EXPECT_GT(turn, 50u);
  EXPECT_EQ(received, sent);
  EXPECT_EQ(q.total_buffered_amount(), 0u);
}

TEST(SendQueue, RandomizedRoundRobinIsFairAndIntact) {
  run_random_send(false, 3);
}
TEST(SendQueue, RandomizedInterleavedRoundRobinIsFairAndIntact) {
  run_random_send(true, 5);
}

}  // namespace
}  // namespace sctp
