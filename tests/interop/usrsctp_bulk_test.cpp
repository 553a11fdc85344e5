// Bulk transfer interop with usrsctp: our socket and a usrsctp socket send to
// each other at the same time, messages from 1 byte to 1 MiB, ordered and
// unordered, over 100 streams, across an in-memory link that may drop,
// duplicate and reorder packets. Every message must arrive exactly once,
// intact, with its stream and PPID, and in order within its stream when
// ordered (RFC 9260 section 6.6); with I-DATA (RFC 8260) as well, and with
// PR-SCTP (RFC 3758, RFC 7496 RTX policy) abandoned messages are counted and
// all the others delivered. Each run ends with a graceful shutdown, which
// also proves that both ends had nothing left to send.
//
// Each message's PPID is its index in the sender's plan, so the receiver can
// tell which message it got (stream, size and content follow from the plan).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "usrsctp_peer.h"

namespace sctp::interop {
namespace {

using std::chrono::milliseconds;

constexpr uint16_t kStreams = 100;
constexpr size_t kMaxMessage = 1024 * 1024;
constexpr uint32_t kPpidBase = 1000;

struct PlannedMessage {
  uint16_t stream = 0;
  bool unordered = false;
  bool partially_reliable = false;  // RTX policy, 0 retransmissions
  size_t size = 0;
  uint64_t seed = 0;
};

// Deterministic content from the message's seed (xorshift64*, 8 bytes a step).
std::vector<uint8_t> payload_of(const PlannedMessage& m) {
  std::vector<uint8_t> out(m.size);
  uint64_t x = m.seed | 1;
  for (size_t i = 0; i < out.size(); i += 8) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    const uint64_t v = x * 0x2545F4914F6CDD1DULL;
    for (size_t j = 0; j < 8 && i + j < out.size(); ++j)
      out[i + j] = uint8_t(v >> (8 * j));
  }
  return out;
}

struct PlanConfig {
  size_t bytes = 0;  // total payload, at least
  double unordered = 0.3;
  double partially_reliable = 0;
  uint64_t seed = 1;
};

// Sizes spread over 1 byte .. 1 MiB: many small messages, some spanning a
// few packets, a few huge ones; the extremes always occur.
std::vector<PlannedMessage> make_plan(const PlanConfig& config) {
  std::mt19937_64 rng(config.seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  auto between = [&](size_t lo, size_t hi) {
    return std::uniform_int_distribution<size_t>(lo, hi)(rng);
  };
  std::vector<PlannedMessage> plan;
  size_t total = 0;
  for (size_t i = 0; total < config.bytes; ++i) {
    PlannedMessage m;
    m.stream = uint16_t(between(0, kStreams - 1));
    m.unordered = uniform(rng) < config.unordered;
    m.partially_reliable = uniform(rng) < config.partially_reliable;
    m.seed = rng();
    const double r = uniform(rng);
    if (i == 1 || i == 7) {
      m.size = 1;
    } else if (i == 3 || i == 40) {
      m.size = kMaxMessage;
    } else if (r < 0.45) {
      m.size = between(1, 1200);
    } else if (r < 0.80) {
      m.size = between(1201, 64 * 1024);
    } else if (r < 0.97) {
      m.size = between(64 * 1024, 256 * 1024);
    } else {
      m.size = between(256 * 1024, kMaxMessage);
    }
    total += m.size;
    plan.push_back(m);
  }
  return plan;
}

// What a receiver got, whichever stack it is.
struct Delivered {
  uint16_t stream;
  uint32_t ppid;
  bool unordered;
  const std::vector<uint8_t>* payload;
};

// Checks one direction; returns how many planned messages arrived.
size_t check_direction(const char* direction, const std::vector<PlannedMessage>& plan,
                       const std::vector<Delivered>& got) {
  std::vector<bool> seen(plan.size(), false);
  std::map<uint16_t, size_t> last_ordered;  // per stream: index of the last ordered message + 1
  size_t delivered = 0;
  int reported = 0;
  auto fail = [&](const std::string& what) {
    if (++reported <= 10) ADD_FAILURE() << direction << ": " << what;
  };
  for (const Delivered& d : got) {
    const uint64_t index = uint64_t(d.ppid) - kPpidBase;
    if (d.ppid < kPpidBase || index >= plan.size()) {
      fail("unknown PPID " + std::to_string(d.ppid));
      continue;
    }
    const PlannedMessage& m = plan[index];
    const std::string name = "message " + std::to_string(index);
    if (seen[index]) {
      fail(name + " delivered twice");
      continue;
    }
    seen[index] = true;
    ++delivered;
    if (d.stream != m.stream) fail(name + " on stream " + std::to_string(d.stream));
    if (d.unordered != m.unordered) fail(name + " with the wrong U flag");
    if (d.payload->size() != m.size) {
      fail(name + " has " + std::to_string(d.payload->size()) + " bytes, sent " +
           std::to_string(m.size));
    } else if (*d.payload != payload_of(m)) {
      fail(name + " payload differs");
    }
    if (!m.unordered) {
      size_t& last = last_ordered[m.stream];
      if (index + 1 <= last) {
        fail(name + " out of order on stream " + std::to_string(m.stream));
      }
      last = std::max<size_t>(last, index + 1);
    }
  }
  for (size_t i = 0; i < plan.size(); ++i) {
    if (!seen[i] && !plan[i].partially_reliable) {
      fail("reliable message " + std::to_string(i) + " (" + std::to_string(plan[i].size) +
           " bytes) never arrived");
    }
  }
  return delivered;
}

std::string describe(const std::optional<struct sctp_status>& s) {
  if (!s) return ", usrsctp: no association";
  return ", usrsctp: rwnd " + std::to_string(s->sstat_rwnd) + ", unacked " +
         std::to_string(s->sstat_unackdata) + ", pending " + std::to_string(s->sstat_penddata) +
         ", cwnd " + std::to_string(s->sstat_primary.spinfo_cwnd);
}

struct BulkRun {
  size_t bytes_each_way = 0;
  LinkImpairment impairment;  // both directions
  bool interleaving = false;
  // Share of each side's messages sent with the RTX policy, 0 retransmissions.
  double ours_partially_reliable = 0;
  double usrsctp_partially_reliable = 0;
  // Share of our messages sent unordered.
  double ours_unordered = 0.3;
  uint64_t seed = 1;
  milliseconds timeout{60000};
};

// Drives one bulk run: both ends connect at once (as WebRTC peers do), send
// their plans concurrently, then our end shuts down gracefully.
void run_bulk(const BulkRun& run) {
  SocketOptions ours;
  ours.max_message_size = kMaxMessage;
  ours.enable_message_interleaving = run.interleaving;
  // With I-DATA usrsctp interleaves the messages of all streams it has
  // queued (up to its 2 MiB send buffer); we deliver only whole messages,
  // so the window must hold that many partial messages at once.
  if (run.interleaving) ours.receive_window = 4 * 1024 * 1024;
  UsrsctpOptions theirs;
  theirs.send_buffer = 2 * 1024 * 1024;
  theirs.receive_buffer = 2 * 1024 * 1024;
  theirs.streams = 1024;
  theirs.mtu = 1200;
  // As ours: usrsctp's defaults (RTO.Min 1 s, RTO.Initial 3 s) make every
  // tail loss a long stall.
  theirs.rto_min = 400;
  theirs.rto_initial = 1000;
  theirs.interleaving = run.interleaving;

  Bridge bridge(ours, theirs);
  bridge.impair_link(run.impairment, run.impairment, run.seed);

  PlanConfig config;
  config.bytes = run.bytes_each_way;
  config.partially_reliable = run.ours_partially_reliable;
  config.unordered = run.ours_unordered;
  config.seed = run.seed * 2;
  const std::vector<PlannedMessage> to_usrsctp = make_plan(config);
  config.unordered = 0.3;
  config.partially_reliable = run.usrsctp_partially_reliable;
  config.seed = run.seed * 2 + 1;
  const std::vector<PlannedMessage> to_ours = make_plan(config);

  const auto start = std::chrono::steady_clock::now();
  bridge.usrsctp_connect();
  bridge.socket().connect();
  ASSERT_TRUE(
      bridge.run_until([&](const UsrsctpEvents& e) { return e.comm_up && bridge.connected == 1; },
                       milliseconds(5000)));

  // RFC 9260 section 5.1.1: both ends must have agreed on at least 100
  // streams each way.
  const Metrics connected = bridge.socket().metrics();
  EXPECT_GE(connected.negotiated_outbound_streams, kStreams);
  EXPECT_GE(connected.negotiated_inbound_streams, kStreams);
  EXPECT_EQ(connected.uses_message_interleaving, run.interleaving);
  EXPECT_TRUE(connected.uses_partial_reliability);
  const auto status = bridge.usrsctp_status();
  ASSERT_TRUE(status.has_value());
  EXPECT_GE(status->sstat_outstrms, kStreams);
  EXPECT_GE(status->sstat_instrms, kStreams);

  size_t next_ours = 0;  // next message of to_usrsctp
  size_t next_theirs = 0;
  std::vector<uint8_t> pending_ours;  // payload of to_usrsctp[next_ours], once made
  std::vector<uint8_t> pending_theirs;
  bool shutdown_sent = false;
  uint64_t usrsctp_abandoned = 0;
  std::string send_error;

  auto pump = [&] {
    while (next_ours < to_usrsctp.size()) {
      const PlannedMessage& m = to_usrsctp[next_ours];
      if (pending_ours.empty()) pending_ours = payload_of(m);
      SendOptions o;
      o.unordered = m.unordered;
      o.ppid = Ppid(uint32_t(kPpidBase + next_ours));
      if (m.partially_reliable) o.max_retransmissions = 0;
      const SendStatus s = bridge.socket().send(StreamId(m.stream), pending_ours, o);
      if (s == SendStatus::kErrorResourceExhaustion) break;
      if (s != SendStatus::kSuccess) {
        send_error = std::string("our send: ") + to_string(s);
        next_ours = to_usrsctp.size();
        break;
      }
      pending_ours.clear();
      ++next_ours;
    }
    while (next_theirs < to_ours.size()) {
      const PlannedMessage& m = to_ours[next_theirs];
      if (pending_theirs.empty()) pending_theirs = payload_of(m);
      UsrsctpSend send;
      send.stream = m.stream;
      send.ppid = uint32_t(kPpidBase + next_theirs);
      send.unordered = m.unordered;
      if (m.partially_reliable) send.max_retransmissions = 0;
      const int error = bridge.usrsctp_send(send, pending_theirs);
      if (error == EWOULDBLOCK || error == EAGAIN) break;
      if (error != 0) {
        send_error = std::string("usrsctp_sendv: ") + std::strerror(error);
        next_theirs = to_ours.size();
        break;
      }
      pending_theirs.clear();
      ++next_theirs;
    }
    // Read while usrsctp has the association: it keeps sending (and
    // abandoning) after our SHUTDOWN until its queue is empty.
    if (run.usrsctp_partially_reliable > 0) {
      usrsctp_abandoned = std::max(usrsctp_abandoned, bridge.usrsctp_abandoned().value_or(0));
    }
    // Once both have handed over everything: a graceful shutdown completes
    // only after each end had all its data acknowledged (or abandoned and
    // skipped with FORWARD TSN).
    const bool all_delivered =
        (run.usrsctp_partially_reliable > 0 || bridge.messages.size() >= to_ours.size()) &&
        (run.ours_partially_reliable > 0 || bridge.socket().total_buffered_amount() == 0);
    if (!shutdown_sent && next_ours == to_usrsctp.size() && next_theirs == to_ours.size() &&
        all_delivered) {
      bridge.socket().shutdown();
      shutdown_sent = true;
    }
  };
  const bool finished = bridge.run_until(
      [&](const UsrsctpEvents& e) {
        return (e.shutdown_complete && bridge.closed == 1) || e.comm_lost ||
               !bridge.aborted.empty();
      },
      run.timeout, pump);
  bool usrsctp_lost = false;
  bridge.run_until(
      [&](const UsrsctpEvents& e) {
        usrsctp_lost = e.comm_lost;
        return true;
      },
      milliseconds(0));
  if (usrsctp_lost) {
    // usrsctp gave up on the association: let its ABORT (and its cause,
    // which says why) reach our socket.
    bridge.run_until([&](const UsrsctpEvents&) { return !bridge.aborted.empty(); },
                     milliseconds(2000));
  }
  EXPECT_FALSE(usrsctp_lost) << "usrsctp lost the association";
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Metrics m = bridge.socket().metrics();
  EXPECT_EQ(send_error, "");
  EXPECT_TRUE(finished) << "timed out: sent " << next_ours << "/" << to_usrsctp.size() << " and "
                        << next_theirs << "/" << to_ours.size() << ", received "
                        << bridge.messages.size() << ", ours " << to_string(m.state) << " (cwnd "
                        << m.cwnd << ", in flight " << m.bytes_in_flight << ", peer rwnd "
                        << m.peer_rwnd << ", buffered " << m.buffered_amount << ")"
                        << describe(bridge.usrsctp_status());
  EXPECT_TRUE(bridge.aborted.empty()) << bridge.aborted.front().second;
  EXPECT_EQ(bridge.closed, 1);

  // usrsctp delivers from inside its packet processing, so all is there.
  std::vector<UsrsctpMessage> usrsctp_got;
  int usrsctp_partials_aborted = 0;
  size_t usrsctp_partials_unfinished = 0;
  bridge.run_until(
      [&](const UsrsctpEvents& e) {
        usrsctp_got = e.messages;
        usrsctp_partials_aborted = e.partial_deliveries_aborted;
        usrsctp_partials_unfinished = e.unfinished_partial_messages;
        return true;
      },
      milliseconds(0));

  // Ordered delivery is judged by when each message began to arrive.
  std::sort(usrsctp_got.begin(), usrsctp_got.end(),
            [](const UsrsctpMessage& a, const UsrsctpMessage& b) { return a.order < b.order; });
  std::vector<Delivered> at_usrsctp;
  for (const UsrsctpMessage& u : usrsctp_got)
    at_usrsctp.push_back(Delivered{u.stream, u.ppid, u.unordered, &u.payload});
  std::vector<Delivered> at_ours;
  for (const Message& o : bridge.messages)
    at_ours.push_back(Delivered{o.stream_id.value(), o.ppid.value(), o.unordered, &o.payload});
  const size_t delivered_at_usrsctp = check_direction("ours -> usrsctp", to_usrsctp, at_usrsctp);
  const size_t delivered_at_ours = check_direction("usrsctp -> ours", to_ours, at_ours);

  // RFC 3758: what is not delivered was abandoned by its sender (an
  // abandoned message may still have arrived, its ack lost).
  if (run.ours_partially_reliable > 0) {
    EXPECT_GT(m.messages_abandoned, 0u);
    EXPECT_GE(delivered_at_usrsctp + m.messages_abandoned, to_usrsctp.size());
  } else {
    EXPECT_EQ(m.messages_abandoned, 0u);
    EXPECT_EQ(usrsctp_partials_unfinished, 0u);
    EXPECT_EQ(delivered_at_usrsctp, to_usrsctp.size());
  }
  if (run.usrsctp_partially_reliable > 0) {
    EXPECT_GT(usrsctp_abandoned, 0u);
    EXPECT_GE(delivered_at_ours + usrsctp_abandoned, to_ours.size());
  } else {
    EXPECT_EQ(delivered_at_ours, to_ours.size());
  }

  size_t bytes_out = 0;
  size_t bytes_in = 0;
  for (const auto& p : to_usrsctp)
    bytes_out += p.size;
  for (const auto& p : to_ours)
    bytes_in += p.size;
  const LinkCounters& up = bridge.to_usrsctp_counters();
  const LinkCounters& down = bridge.to_ours_counters();
  std::printf(
      "  %.2f s; ours->usrsctp %zu msgs %zu B, delivered %zu, abandoned %llu; usrsctp->ours %zu "
      "msgs %zu B, delivered %zu, abandoned %llu\n"
      "  link to usrsctp: %llu packets, %llu dropped, %llu duplicated, %llu reordered; to ours: "
      "%llu packets, %llu dropped, %llu duplicated, %llu reordered\n"
      "  ours: %llu retransmitted chunks, %llu fast retransmits, %llu T3 expiries; usrsctp: %d "
      "partial deliveries aborted, %zu never finished\n",
      seconds, to_usrsctp.size(), bytes_out, delivered_at_usrsctp,
      (unsigned long long)m.messages_abandoned, to_ours.size(), bytes_in, delivered_at_ours,
      (unsigned long long)usrsctp_abandoned, (unsigned long long)up.packets,
      (unsigned long long)up.dropped, (unsigned long long)up.duplicated,
      (unsigned long long)up.reordered, (unsigned long long)down.packets,
      (unsigned long long)down.dropped, (unsigned long long)down.duplicated,
      (unsigned long long)down.reordered, (unsigned long long)m.data_chunks_retransmitted,
      (unsigned long long)m.fast_retransmissions, (unsigned long long)m.t3_expirations,
      usrsctp_partials_aborted, usrsctp_partials_unfinished);
}

// ~24 MB per run: about 1 s each here, a few under ASan.
constexpr size_t kBytesEachWay = 12 * 1024 * 1024;

TEST(UsrsctpBulk, BothWaysAtOnceWithoutLoss) {
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.seed = 11;
  run_bulk(run);
}

TEST(UsrsctpBulk, BothWaysAtOnceWith3PercentLoss) {
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.impairment.loss = 0.03;
  run.seed = 12;
  run_bulk(run);
}

TEST(UsrsctpBulk, BothWaysAtOnceWithLossDuplicationAndReordering) {
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.impairment.loss = 0.02;
  run.impairment.duplicate = 0.01;
  run.impairment.reorder = 0.03;
  run.seed = 13;
  run_bulk(run);
}

TEST(UsrsctpBulk, RFC8260_IDataBothWaysAtOnceWith2PercentLoss) {
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.impairment.loss = 0.02;
  run.interleaving = true;
  run.seed = 14;
  run_bulk(run);
}

TEST(UsrsctpBulk, RFC3758_PartialReliabilityBothWaysAtOnceWith3PercentLoss) {
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.impairment.loss = 0.03;
  run.ours_partially_reliable = 0.5;
  run.usrsctp_partially_reliable = 0.5;
  run.seed = 15;
  run_bulk(run);
}

TEST(UsrsctpBulk, RFC8260_IDataWithOurPartialReliabilityBothWaysAtOnceWith3PercentLoss) {
  // Our I-FORWARD-TSN (RFC 8260 section 2.3.1) against usrsctp's receiver.
  // usrsctp quirks (0.9.5) keep this narrower than the DATA run above:
  // - our messages are all ordered: usrsctp aborts ("Delivered MID=00000000,
  //   got ... MID=00000000") when an I-FORWARD-TSN entry with the U bit is
  //   followed by the stream's first ordered message, as if the unordered
  //   MID had advanced the ordered one; and an entry for an ordered MID
  //   sometimes made it drop a reliable unordered message with the same MID
  //   on that stream (seen under ASan, never delivered, never reported);
  // - usrsctp sends reliably: with its own abandoned I-DATA messages it
  //   stopped retransmitting the TSN after our cumulative ack (its
  //   I-FORWARD-TSN lagging below that ack) and the transfer stalled.
  BulkRun run;
  run.bytes_each_way = kBytesEachWay;
  run.impairment.loss = 0.03;
  run.interleaving = true;
  run.ours_partially_reliable = 0.5;
  run.ours_unordered = 0;
  run.seed = 16;
  run_bulk(run);
}

}  // namespace
}  // namespace sctp::interop
