// RingBuffer: FIFO order and indexing survive growth while wrapped.
#include "common/ring_buffer.h"

#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <random>

namespace sctp {
namespace {

TEST(RingBuffer, GrowsWhileWrappedAndKeepsOrder) {
  RingBuffer<int> ring;
  std::deque<int> model;
  std::mt19937 rng(9);
  int next = 0;
  for (int step = 0; step < 20000; ++step) {
    if (model.empty() || rng() % 3 != 0) {
      ring.push_back(next);
      model.push_back(next++);
    } else {
      ring.pop_front();
      model.pop_front();
    }
    ASSERT_EQ(ring.size(), model.size());
    if (!model.empty()) {
      ASSERT_EQ(ring.front(), model.front());
      ASSERT_EQ(ring.back(), model.back());
      const size_t i = rng() % model.size();
      ASSERT_EQ(ring[i], model[i]);
    }
  }
}

TEST(RingBuffer, PopReleasesTheElementAtOnce) {
  // The retransmission queue's records hold shared payloads: popping must
  // drop the reference then, not when the slot is reused.
  RingBuffer<std::shared_ptr<int>> ring;
  auto p = std::make_shared<int>(1);
  ring.push_back(p);
  EXPECT_EQ(p.use_count(), 2);
  ring.pop_front();
  EXPECT_EQ(p.use_count(), 1);
}

}  // namespace
}  // namespace sctp
