// The data-transfer components wired together as the socket will wire them:
// SendQueue -> RetransmissionQueue (+ NewReno, peer rwnd) -> lossy link ->
// DataTracker -> ReassemblyQueue, with SACKs, fast retransmit, T3-rtx and
// PR-SCTP FORWARD-TSN going back. Fixed seeds; every reliable message must
// arrive exactly once, intact, in order on its ordered stream, and the
// partially reliable ones at most once.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "rx/data_tracker.h"
#include "rx/reassembly_queue.h"
#include "tx/new_reno.h"
#include "tx/peer_receive_window.h"
#include "tx/retransmission_queue.h"
#include "tx/send_queue.h"

namespace sctp {
namespace {

constexpr size_t kMtu = 1200;
constexpr size_t kPacketOverhead = 12;  // common header (RFC 9260 3.1)
constexpr size_t kChunkHeader = 16;     // DATA header; I-DATA is 20 (RFC 8260 2.1)
constexpr size_t kReceiveWindow = 64 * 1024;

struct Chunk {
  Tsn tsn;
  OutgoingFragment fragment;
};

struct Scenario {
  ReassemblyMode mode;
  uint32_t seed;
  int data_loss_percent;
  int sack_loss_percent;
};

void run(const Scenario& sc) {
  std::mt19937 rng(sc.seed);
  const bool idata = sc.mode == ReassemblyMode::kIData;
  const size_t chunk_header = idata ? 20 : kChunkHeader;
  const Tsn initial(0xFFFFFC00);

  SendQueue send_queue(make_stream_scheduler(StreamSchedulerKind::kRoundRobin), 1 << 26);
  send_queue.set_interleaving(idata);
  RetransmissionQueue rtx{initial};
  NewRenoCongestionController cc(CongestionControlConfig{kMtu, kReceiveWindow, 4});
  PeerReceiveWindow rwnd(kReceiveWindow);
  DataTracker tracker{initial};
  ReassemblyQueue reassembly(sc.mode, initial, kReceiveWindow);

  // Messages: index in the PPID, body derived from the index.
  constexpr int kMessages = 400;
  struct Sent {
    uint16_t stream;
    bool unordered;
    bool reliable;
    std::string body;
  };
  std::vector<Sent> sent;
  std::vector<SendOptions> send_options;
  TimeMs now{1000};
  for (int i = 0; i < kMessages; ++i) {
    Sent s{static_cast<uint16_t>(rng() % 4), rng() % 5 == 0, rng() % 6 != 0, {}};
    // Appended piecewise: GCC 12 at -O3 reports a false -Wrestrict for
    // "#" + std::to_string(i) + "#".
    s.body += '#';
    s.body += std::to_string(i);
    s.body += '#';
    s.body.append(rng() % 4000, static_cast<char>('A' + i % 26));
    SendOptions options;
    options.ppid = Ppid(static_cast<uint32_t>(i));
    options.unordered = s.unordered;
    if (!s.reliable) {
      if (i % 2 == 0) {
        options.max_retransmissions = 0;  // RFC 7496 RTX policy
      } else {
        options.lifetime = DurationMs(20 + rng() % 200);  // RFC 7496 TTL policy
      }
    }
    sent.push_back(std::move(s));
    send_options.push_back(options);
  }
  // The application sends a few messages every 10 ms.
  int next_to_send = 0;
  auto application_sends = [&] {
    for (int k = 0; k < 6 && next_to_send < kMessages; ++k, ++next_to_send) {
      const Sent& s = sent[next_to_send];
      ASSERT_EQ(send_queue.add(now, StreamId(s.stream),
                               std::vector<uint8_t>(s.body.begin(), s.body.end()),
                               send_options[next_to_send]),
                SendQueue::AddResult::kOk);
    }
  };

  std::vector<int> delivered(kMessages, 0);
  std::map<uint16_t, int> last_ordered;
  const DurationMs rto(300);
  // The unsent rest of an abandoned message leaves the send queue at once,
  // before more fragments are produced (RFC 3758 3.5).
  auto process_abandoned = [&] {
    for (AbandonedMessage a : rtx.newly_abandoned()) {
      (void)send_queue.discard(a.stream_id, a.message_id);
    }
    rtx.clear_newly_abandoned();
    for (OutgoingFragment& end : send_queue.take_abandoned_ends()) {
      (void)rtx.add_abandoned_end(std::move(end));
    }
  };
  TimeMs last_progress = now;
  int steps = 0;
  int fast_retransmits = 0, t3_expiries = 0, forward_tsns = 0;
  for (; steps < 20000; ++steps) {
    now = now + DurationMs(10);
    application_sends();
    if (next_to_send == kMessages && !send_queue.has_data_to_send() && rtx.empty()) break;

    // --- T3-rtx (RFC 9260 6.3.3; simplified: a fixed RTO since the last
    // acknowledgement that made progress).
    if (!rtx.empty() && now - last_progress >= rto) {
      rtx.handle_t3_expiry();
      ++t3_expiries;
      process_abandoned();
      cc.on_retransmission_timeout();
      last_progress = now;
    }

    // RFC 7496 TTL: in-flight messages past their lifetime are abandoned.
    (void)rtx.abandon_expired(now);
    process_abandoned();

    // --- Sender: up to Max.Burst packets, retransmissions first (6.1 C).
    cc.on_before_send(now, rto);
    std::vector<std::vector<Chunk>> packets;
    bool forward_tsn = rtx.should_send_forward_tsn();
    for (int p = 0; p < 4; ++p) {
      std::vector<Chunk> packet;
      size_t room = kMtu - kPacketOverhead;
      while (room > chunk_header) {
        auto r = rtx.next_retransmission(now, room - chunk_header);
        process_abandoned();
        if (r) {
          room -= chunk_header + pad4(r->fragment.length);
          rwnd.on_data_sent(r->fragment.length);
          packet.push_back(Chunk{r->tsn, std::move(r->fragment)});
          continue;
        }
        if (cc.send_allowance(rtx.bytes_in_flight()) == 0) break;
        const size_t max_payload = room - chunk_header;
        // RFC 9260 6.1 rule A: within rwnd, or one zero-window probe.
        const size_t fit =
            rtx.outstanding_bytes() == 0 ? max_payload : std::min<size_t>(max_payload, rwnd.rwnd());
        if (fit == 0) break;
        auto f = send_queue.produce(now, fit);
        process_abandoned();  // a TTL message may have expired mid-way
        if (!f) break;
        room -= chunk_header + pad4(f->length);
        rwnd.on_data_sent(f->length);
        const Tsn tsn = rtx.add_sent(*f, now);
        packet.push_back(Chunk{tsn, std::move(*f)});
      }
      if (packet.empty()) break;
      cc.on_data_sent(now);
      packets.push_back(std::move(packet));
    }

    // --- Link and receiver.
    bool sack_due = false;
    auto receive_forward_tsn = [&] {
      const Tsn new_cum = rtx.advanced_peer_ack_point();
      (void)tracker.handle_forward_tsn(new_cum);
      if (idata) {
        reassembly.handle_iforward_tsn(rtx.skipped_mids());
      } else {
        reassembly.handle_forward_tsn(new_cum, rtx.skipped_ssns());
      }
    };
    if (forward_tsn && static_cast<int>(rng() % 100) >= sc.data_loss_percent) {
      receive_forward_tsn();
      ++forward_tsns;
      sack_due |= tracker.on_packet_end(now) == DataTracker::SackTiming::kImmediate;
    }
    for (const auto& packet : packets) {
      if (static_cast<int>(rng() % 100) < sc.data_loss_percent) continue;
      for (const Chunk& c : packet) {
        const ByteSpan payload = c.fragment.payload();
        // RFC 9260 6.2: with no buffer space, new data beyond the highest
        // TSN received is dropped (and SACKed at once); data filling a hole
        // is accepted, or the association could deadlock on a full buffer.
        if (!reassembly.has_space_for(payload.size()) &&
            !(c.tsn < tracker.highest_received_tsn())) {
          tracker.request_immediate_sack();
          continue;
        }
        if (tracker.observe(c.tsn) != DataTracker::Observation::kNew) continue;
        ReceivedFragment rf;
        rf.tsn = c.tsn;
        rf.stream_id = c.fragment.stream_id;
        rf.ssn = c.fragment.ssn;
        rf.mid = c.fragment.mid;
        rf.fsn = c.fragment.fsn;
        rf.ppid = c.fragment.ppid;
        rf.unordered = c.fragment.unordered;
        rf.beginning = c.fragment.beginning;
        rf.ending = c.fragment.ending;
        rf.payload = payload;
        (void)reassembly.add(rf);
      }
      sack_due |= tracker.on_packet_end(now) == DataTracker::SackTiming::kImmediate;
    }
    ASSERT_EQ(reassembly.buffered_bytes(), reassembly.recount_buffered_bytes());
    while (auto m = reassembly.pop_message()) {
      const int index = static_cast<int>(m->ppid.value());
      ASSERT_LT(index, kMessages);
      ++delivered[index];
      ASSERT_EQ(std::string(m->payload.begin(), m->payload.end()), sent[index].body);
      ASSERT_EQ(m->unordered, sent[index].unordered);
      if (!m->unordered) {
        int& last = last_ordered[m->stream_id.value()];
        ASSERT_GT(index + 1, last) << "out of order on stream " << m->stream_id.value();
        last = index + 1;
      }
    }
    if (!sack_due && !tracker.on_delayed_sack_timeout(now)) continue;

    // --- SACK back to the sender.
    const SackInfo sack = tracker.make_sack(static_cast<uint32_t>(reassembly.remaining_capacity()));
    if (static_cast<int>(rng() % 100) < sc.sack_loss_percent) continue;
    const SackOutcome o = rtx.handle_sack(sack.cumulative_tsn_ack, sack.gap_ack_blocks.span(),
                                          cc.in_fast_recovery(), now);
    ASSERT_NE(o.status, SackOutcome::Status::kAcksUnsentTsn);
    ASSERT_FALSE(o.gap_blocks_ignored);
    if (o.status != SackOutcome::Status::kProcessed) continue;
    cc.on_sack(o.ack_sample);
    rwnd.on_sack(sack.a_rwnd, rtx.outstanding_bytes());
    process_abandoned();
    if (o.new_fast_retransmits) {
      ++fast_retransmits;
      (void)cc.on_fast_retransmit(rtx.highest_sent_tsn());
    }
    if (o.ack_sample.bytes_acked > 0) last_progress = now;
    ASSERT_LE(rtx.bytes_in_flight(), rtx.outstanding_bytes());
  }
  // The loop ends only when everything was acknowledged or abandoned.
  ASSERT_LT(steps, 20000) << "did not converge: rtx chunks " << rtx.chunk_count() << " cum "
                          << rtx.cumulative_tsn_ack().value() << " adv "
                          << rtx.advanced_peer_ack_point().value() << " receiver cum "
                          << tracker.cumulative_tsn_ack().value() << " highest "
                          << tracker.highest_received_tsn().value() << " in flight "
                          << rtx.bytes_in_flight() << " outstanding " << rtx.outstanding_bytes()
                          << " rtx pending " << rtx.has_retransmissions() << " queue "
                          << send_queue.has_data_to_send() << " rwnd " << rwnd.rwnd()
                          << " reassembly " << reassembly.buffered_bytes() << " cwnd " << cc.cwnd();
  int reliable = 0;
  for (int i = 0; i < kMessages; ++i) {
    if (sent[i].reliable) {
      ++reliable;
      EXPECT_EQ(delivered[i], 1) << "reliable message " << i;
    } else {
      EXPECT_LE(delivered[i], 1) << "partially reliable message " << i;
    }
  }
  EXPECT_GT(reliable, kMessages / 2);
  if (sc.data_loss_percent > 0) {
    // The lossy runs exercise every recovery path.
    EXPECT_GT(fast_retransmits, 0);
    EXPECT_GT(t3_expiries, 0);
    EXPECT_GT(forward_tsns, 0);
  }
  EXPECT_EQ(reassembly.buffered_bytes(), 0u);
}

TEST(DataPath, DataChunksOverCleanLink) {
  run({ReassemblyMode::kData, 1, 0, 0});
}
TEST(DataPath, DataChunksOverLossyLink) {
  run({ReassemblyMode::kData, 2, 8, 10});
}
TEST(DataPath, IDataChunksOverLossyLink) {
  run({ReassemblyMode::kIData, 3, 8, 10});
}
TEST(DataPath, DataChunksOverVeryLossyLink) {
  run({ReassemblyMode::kData, 4, 25, 25});
}

}  // namespace
}  // namespace sctp
