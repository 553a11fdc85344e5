// User messages over the simulated link (RFC 9260 section 6, RFC 3758):
// delivery, ordering, fragmentation, loss recovery, flow control.
#include <gtest/gtest.h>

#include "scenario_network.h"

namespace sctp::scenario {
namespace {

std::vector<uint8_t> pattern(size_t size, uint8_t seed) {
  std::vector<uint8_t> v(size);
  for (size_t i = 0; i < size; ++i)
    v[i] = uint8_t(seed + i * 31);
  return v;
}

void connect(Network& net) {
  net.a.socket().connect();
  ASSERT_TRUE(net.run_until([&] { return net.both_connected(); }, DurationMs(20000)));
}

TEST(Data, Section6_MessagesOfEverySizeArriveWholeAndInOrder) {
  Network net(50);
  connect(net);
  const std::vector<size_t> sizes = {1, 100, 1000, 1200, 5000, 65536, 256 * 1024};
  for (size_t i = 0; i < sizes.size(); ++i) {
    SendOptions o;
    o.ppid = Ppid(uint32_t(50 + i));
    ASSERT_EQ(net.a.socket().send(StreamId(1), pattern(sizes[i], uint8_t(i)), o),
              SendStatus::kSuccess);
  }
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == sizes.size(); },
                            DurationMs(20000)));
  for (size_t i = 0; i < sizes.size(); ++i) {
    const Message& m = net.b.events.messages[i];
    EXPECT_EQ(m.stream_id, StreamId(1));
    EXPECT_EQ(m.ppid, Ppid(uint32_t(50 + i)));
    EXPECT_EQ(m.payload, pattern(sizes[i], uint8_t(i))) << "message " << i;
  }
  net.run_for(DurationMs(1000));
  EXPECT_EQ(net.a.socket().total_buffered_amount(), 0u);
  EXPECT_EQ(net.a.socket().metrics().bytes_in_flight, 0u);
}

TEST(Data, Section6_BothDirectionsAtOnce) {
  Network net(51);
  connect(net);
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(700, uint8_t(i)), {}), SendStatus::kSuccess);
    ASSERT_EQ(net.b.socket().send(StreamId(2), pattern(900, uint8_t(i)), {}), SendStatus::kSuccess);
  }
  ASSERT_TRUE(net.run_until(
      [&] { return net.a.events.messages.size() == 50 && net.b.events.messages.size() == 50; },
      DurationMs(20000)));
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(net.b.events.messages[size_t(i)].payload, pattern(700, uint8_t(i)));
    EXPECT_EQ(net.a.events.messages[size_t(i)].payload, pattern(900, uint8_t(i)));
  }
}

TEST(Data, Section6_3_And_7_2_LossyReorderingLinkStillDeliversEverythingInOrder) {
  for (uint64_t seed = 60; seed < 66; ++seed) {
    LinkConfig link;
    link.delay = DurationMs(20);
    link.jitter = DurationMs(10);
    link.loss_rate = 0.05;
    link.duplicate_rate = 0.02;
    link.burst_start_probability = 0.005;
    link.burst_end_probability = 0.3;
    Network net(seed, SocketOptions{}, SocketOptions{}, link, link);
    connect(net);
    constexpr int kCount = 200;
    for (int i = 0; i < kCount; ++i) {
      ASSERT_EQ(net.a.socket().send(StreamId(uint16_t(i % 3)),
                                    pattern(size_t(100 + i * 37), uint8_t(i)), {}),
                SendStatus::kSuccess);
    }
    ASSERT_TRUE(
        net.run_until([&] { return net.b.events.messages.size() == kCount; }, DurationMs(600000)))
        << "seed " << seed << ": " << net.b.events.messages.size() << " delivered";
    // Per stream, in send order.
    std::vector<int> next = {0, 1, 2};
    for (const Message& m : net.b.events.messages) {
      const int s = m.stream_id.value();
      EXPECT_EQ(m.payload, pattern(size_t(100 + next[size_t(s)] * 37), uint8_t(next[size_t(s)])))
          << "seed " << seed;
      next[size_t(s)] += 3;
    }
    EXPECT_TRUE(net.both_connected()) << "seed " << seed;
  }
}

TEST(Data, MessagesSentWhileConnectingAreDeliveredOnceUp) {
  Network net(52);
  ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(10, 1), {}), SendStatus::kSuccess);
  net.a.socket().connect();
  ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(20, 2), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == 2; }, DurationMs(5000)));
  EXPECT_EQ(net.b.events.messages[0].payload, pattern(10, 1));
  EXPECT_EQ(net.b.events.messages[1].payload, pattern(20, 2));
}

TEST(Data, Section9_2_ShutdownDeliversQueuedDataFirst) {
  LinkConfig link;
  link.bandwidth_bytes_per_s = 1000000;  // 1 MB/s: the data takes a while
  Network net(53, SocketOptions{}, SocketOptions{}, link, link);
  connect(net);
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(10000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  }
  net.a.socket().shutdown();
  EXPECT_EQ(net.a.socket().send(StreamId(0), pattern(1, 0), {}), SendStatus::kErrorShuttingDown);
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(60000)));
  EXPECT_EQ(net.b.events.messages.size(), 20u);
  EXPECT_EQ(net.a.events.closed, 1);
  EXPECT_EQ(net.b.events.closed, 1);
}

TEST(Data, Section6_1_SendBufferLimitIsEnforced) {
  SocketOptions o;
  o.send_buffer_size = 10000;
  Network net(54, o);
  connect(net);
  net.a_to_b.set_blackhole(true);  // nothing is ever acknowledged
  SendStatus last = SendStatus::kSuccess;
  int accepted = 0;
  for (int i = 0; i < 100 && last == SendStatus::kSuccess; ++i) {
    last = net.a.socket().send(StreamId(0), pattern(1000, 0), {});
    if (last == SendStatus::kSuccess) ++accepted;
  }
  EXPECT_EQ(last, SendStatus::kErrorResourceExhaustion);
  EXPECT_GE(accepted, 10);
}

TEST(Data, ApiMisuseIsReportedAsStatus) {
  SocketOptions o;
  o.max_message_size = 1000;
  Network net(55, o);
  connect(net);
  EXPECT_EQ(net.a.socket().send(StreamId(0), {}, {}), SendStatus::kErrorMessageEmpty);
  EXPECT_EQ(net.a.socket().send(StreamId(0), pattern(1001, 0), {}),
            SendStatus::kErrorMessageTooLarge);
  EXPECT_EQ(net.a.socket().send(StreamId(5000), pattern(1, 0), {}),
            SendStatus::kErrorInvalidStream);
}

TEST(Data, Rfc3758_UnreliableMessagesDoNotStallTheAssociation) {
  LinkConfig lossy;
  lossy.delay = DurationMs(10);
  lossy.loss_rate = 0.2;
  Network net(56, SocketOptions{}, SocketOptions{}, lossy, LinkConfig{});
  connect(net);
  SendOptions unreliable;
  unreliable.max_retransmissions = 0;
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(500, uint8_t(i)), unreliable),
              SendStatus::kSuccess);
  }
  // A reliable message behind them still gets through.
  ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(50, 7), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.run_until(
      [&] {
        return !net.b.events.messages.empty() &&
               net.b.events.messages.back().payload == pattern(50, 7);
      },
      DurationMs(120000)));
  EXPECT_LT(net.b.events.messages.size(), 101u);
  EXPECT_GT(net.a.socket().metrics().messages_abandoned, 0u);
}

// SocketOptions::manual_receive_window: delivered bytes hold the window
// until the application consumes them, so a slow reader flow-controls the
// peer (a_rwnd, section 6.2; rule A of 6.1 on the sender).
TEST(Data, Section6_2_SlowReaderClosesTheWindowAndConsumingReopensIt) {
  SocketOptions receiver;
  receiver.receive_window = 64 * 1024;
  receiver.manual_receive_window = true;
  Network net(58, SocketOptions{}, receiver);
  connect(net);
  constexpr int kCount = 20;
  for (int i = 0; i < kCount; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(10000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  }
  net.run_for(DurationMs(5000));
  // The reader consumed nothing: at most a window's worth got through
  // (zero window probes are dropped, 6.2), delivered or being reassembled.
  size_t delivered = 0;
  for (const Message& m : net.b.events.messages)
    delivered += m.payload.size();
  EXPECT_GT(delivered, 0u);
  EXPECT_LT(net.b.events.messages.size(), size_t(kCount));
  EXPECT_EQ(net.a.socket().metrics().peer_rwnd, 0u);
  const size_t held = net.b.socket().metrics().receive_buffered_bytes;
  EXPECT_GE(held, delivered);
  EXPECT_LE(held, 64u * 1024);

  // Consuming reopens the window (a window update SACK) and the rest flows.
  size_t consumed = 0;
  ASSERT_TRUE(net.run_until(
      [&] {
        size_t total = 0;
        for (const Message& m : net.b.events.messages)
          total += m.payload.size();
        if (total > consumed) {
          net.b.socket().consume_received(total - consumed);
          consumed = total;
        }
        return net.b.events.messages.size() == size_t(kCount);
      },
      DurationMs(60000)));
  for (int i = 0; i < kCount; ++i)
    EXPECT_EQ(net.b.events.messages[size_t(i)].payload, pattern(10000, uint8_t(i)));
  net.b.socket().consume_received(kCount * 10000 - consumed);
  net.run_for(DurationMs(1000));
  EXPECT_EQ(net.b.socket().metrics().receive_buffered_bytes, 0u);
  EXPECT_EQ(net.a.socket().metrics().bytes_in_flight, 0u);
}

// After the peer's SHUTDOWN it sends no new DATA (9.2), so reading then
// sends no window update: it would be useless, and could reach the peer
// after it closed and draw an ABORT (8.4; found by the data matrix).
TEST(Data, Section9_2_NoWindowUpdateAfterThePeersShutdown) {
  SocketOptions receiver;
  receiver.receive_window = 64 * 1024;
  receiver.manual_receive_window = true;
  Network net(61, SocketOptions{}, receiver);
  connect(net);
  for (int i = 0; i < 6; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(10000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  }
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == 6; }, DurationMs(5000)));
  net.a.socket().shutdown();
  ASSERT_TRUE(net.run_until([&] { return net.b.socket().state() == SocketState::kShuttingDown; },
                            DurationMs(5000)));
  const size_t sent = net.b.sent_packets.size();
  net.b.socket().consume_received(60000);  // the window reopens fully
  EXPECT_EQ(net.b.sent_packets.size(), sent);
  ASSERT_TRUE(net.run_until([&] { return net.both_closed(); }, DurationMs(5000)));
  EXPECT_TRUE(net.a.events.aborted.empty());
  EXPECT_TRUE(net.b.events.aborted.empty());
  EXPECT_EQ(net.b.events.closed, 1);
}

TEST(Data, Section6_2_WithoutManualWindowDeliveredBytesFreeTheWindowAtOnce) {
  SocketOptions receiver;
  receiver.receive_window = 64 * 1024;
  Network net(59, SocketOptions{}, receiver);
  connect(net);
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(10000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  }
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == 20; }, DurationMs(10000)));
  net.b.socket().consume_received(1000);  // no effect without the option
  EXPECT_EQ(net.b.socket().metrics().receive_buffered_bytes, 0u);
}

// RFC 9260 3.3.8: a SHUTDOWN chunk carries a Cumulative TSN Ack but no Gap
// Ack Blocks, and the receiver MUST NOT take their absence as a renege. The
// chunks the peer gap-acked stay acknowledged: they do not count as in
// flight again (and are not acknowledged, and counted for cwnd growth, a
// second time by the next SACK; found by the data matrix's cwnd audit).
TEST(Data, Section3_3_8_ShutdownWithoutGapBlocksIsNoRenege) {
  Network net(60);
  connect(net);
  // b's first DATA packet is lost; the next three arrive and are gap-acked.
  net.b_to_a.set_filter(drop_nth_with_first_chunk(0 /* DATA */, 0));
  SendOptions unordered;
  unordered.unordered = true;
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(net.b.socket().send(StreamId(0), pattern(1000, uint8_t(i)), unordered),
              SendStatus::kSuccess);
  }
  ASSERT_TRUE(net.run_until([&] { return net.a.events.messages.size() == 3; }, DurationMs(1000)));
  // a's SACK with the gap block reaches b first, then a's SHUTDOWN.
  ASSERT_TRUE(net.run_until([&] { return net.b.socket().metrics().bytes_in_flight == 1000; },
                            DurationMs(1000)));
  net.a.socket().shutdown();
  // From here on, b's flight size may grow only when b sends DATA again.
  Metrics before = net.b.socket().metrics();
  ASSERT_TRUE(net.run_until(
      [&] {
        const Metrics now = net.b.socket().metrics();
        if (now.data_chunks_retransmitted == before.data_chunks_retransmitted) {
          EXPECT_LE(now.bytes_in_flight, before.bytes_in_flight)
              << "gap-acked chunks back in flight at " << net.loop.now().ms << " ms";
        }
        before = now;
        return net.both_closed();
      },
      DurationMs(30000)));
  EXPECT_EQ(net.a.events.messages.size(), 4u);
  EXPECT_EQ(net.b.socket().metrics().data_chunks_retransmitted, 1u);
}

TEST(Data, Rfc8260_InterleavedMessagesArriveWhole) {
  SocketOptions o;
  o.enable_message_interleaving = true;
  Network net(57, o);
  connect(net);
  ASSERT_TRUE(net.a.socket().metrics().uses_message_interleaving);
  ASSERT_EQ(net.a.socket().send(StreamId(0), pattern(100000, 1), {}), SendStatus::kSuccess);
  ASSERT_EQ(net.a.socket().send(StreamId(1), pattern(10, 2), {}), SendStatus::kSuccess);
  ASSERT_TRUE(net.run_until([&] { return net.b.events.messages.size() == 2; }, DurationMs(20000)));
  // The small message on stream 1 is not stuck behind the large one.
  EXPECT_EQ(net.b.events.messages[0].payload, pattern(10, 2));
  EXPECT_EQ(net.b.events.messages[1].payload, pattern(100000, 1));
}

// RFC 8260 section 3.4 through the public API: with the priority scheduler,
// a queued message on a more urgent stream (lower value) goes before those
// of a less urgent one, whatever the order they were sent in; round robin
// would alternate.
TEST(Data, Rfc8260_3_4_PrioritySchedulerSendsTheUrgentStreamFirst) {
  SocketOptions options;
  options.scheduler = StreamSchedulerKind::kPriority;
  Network net(77, options, options);
  net.a.socket().set_stream_priority(StreamId(1), 500);
  net.a.socket().set_stream_priority(StreamId(2), 1);
  // Queued before the association is up, so the scheduler sees all of them.
  constexpr int kEach = 20;
  for (int i = 0; i < kEach; ++i)
    ASSERT_EQ(net.a.socket().send(StreamId(1), pattern(1000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  for (int i = 0; i < kEach; ++i)
    ASSERT_EQ(net.a.socket().send(StreamId(2), pattern(1000, uint8_t(i)), {}),
              SendStatus::kSuccess);
  connect(net);
  ASSERT_TRUE(
      net.run_until([&] { return net.b.events.messages.size() == 2 * kEach; }, DurationMs(20000)));
  for (int i = 0; i < kEach; ++i) {
    EXPECT_EQ(net.b.events.messages[size_t(i)].stream_id, StreamId(2)) << "message " << i;
    EXPECT_EQ(net.b.events.messages[size_t(kEach + i)].stream_id, StreamId(1))
        << "message " << kEach + i;
  }
}

}  // namespace
}  // namespace sctp::scenario
