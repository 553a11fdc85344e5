// The association registry and the shared timer service.
#include <gst/gst.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "association.h"
#include "timer_service.h"

namespace gstsctp {
namespace {

using namespace std::chrono_literals;

class BindingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { gst_init(nullptr, nullptr); }
};

TEST_F(BindingTest, RegistrySharesOneAssociationPerId) {
  const size_t before = live_association_count();
  {
    auto a = acquire_association(7001);
    auto b = acquire_association(7001);
    auto c = acquire_association(7002);
    EXPECT_EQ(a.get(), b.get());
    EXPECT_NE(a.get(), c.get());
    EXPECT_EQ(a->id(), 7001u);
    EXPECT_EQ(c->id(), 7002u);
    EXPECT_EQ(live_association_count(), before + 2);
  }
  EXPECT_EQ(live_association_count(), before);
}

TEST_F(BindingTest, RegistryCreatesAFreshAssociationAfterTheLastRelease) {
  auto first = acquire_association(7003);
  std::weak_ptr<Association> weak = first;
  first.reset();
  EXPECT_TRUE(weak.expired());
  auto second = acquire_association(7003);
  EXPECT_EQ(second->id(), 7003u);
  EXPECT_FALSE(second->established());
}

TEST_F(BindingTest, AnAssociationWithoutElementsDoesNotSend) {
  auto a = acquire_association(7004);
  // No socket yet: the caller is told to wait (for the association to start).
  const uint8_t byte = 1;
  EXPECT_EQ(a->send(0, StreamSettings{}, false, std::span<const uint8_t>(&byte, 1)),
            SendResult::kWouldBlock);
  EXPECT_FALSE(a->reset_stream(0));
  GstStructure* stats = a->stats();
  EXPECT_STREQ(gst_structure_get_string(stats, "state"), "not-started");
  guint id = 0;
  EXPECT_TRUE(gst_structure_get_uint(stats, "association-id", &id));
  EXPECT_EQ(id, 7004u);
  gst_structure_free(stats);
}

TEST_F(BindingTest, EmptyBufferWithANonWebRtcPpidIsNotSendable) {
  auto a = acquire_association(7005);
  EXPECT_EQ(a->send(0, StreamSettings{}, false, {}), SendResult::kNotSendable);
}

TEST_F(BindingTest, WaitForSpaceReturnsWhenCancelled) {
  auto a = acquire_association(7006);
  std::atomic<bool> cancelled{false};
  std::thread waiter(
      [&] { a->wait_for_space(a->space_epoch(), [&] { return cancelled.load(); }); });
  std::this_thread::sleep_for(20ms);
  cancelled = true;
  a->wake_waiters();
  waiter.join();
  SUCCEED();
}

TEST_F(BindingTest, TimerServiceRunsCallbacksInDeadlineOrder) {
  TimerService service;
  std::mutex mutex;
  std::condition_variable done;
  std::vector<int> order;
  auto record = [&](int n) {
    return [&, n] {
      std::lock_guard lock(mutex);
      order.push_back(n);
      done.notify_all();
    };
  };
  service.schedule(30ms, record(3));
  service.schedule(10ms, record(1));
  service.schedule(20ms, record(2));
  std::unique_lock lock(mutex);
  ASSERT_TRUE(done.wait_for(lock, 2s, [&] { return order.size() == 3; }));
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(service.pending(), 0u);
}

TEST_F(BindingTest, TimerServiceCancelPreventsTheCallback) {
  TimerService service;
  std::atomic<int> fired{0};
  const auto cancelled = service.schedule(20ms, [&] { fired += 100; });
  std::mutex mutex;
  std::condition_variable done;
  bool later_ran = false;
  service.schedule(40ms, [&] {
    std::lock_guard lock(mutex);
    later_ran = true;
    done.notify_all();
  });
  service.cancel(cancelled);
  service.cancel(cancelled);  // twice is harmless
  std::unique_lock lock(mutex);
  ASSERT_TRUE(done.wait_for(lock, 2s, [&] { return later_ran; }));
  EXPECT_EQ(fired.load(), 0);
}

TEST_F(BindingTest, TimerCallbacksMayScheduleMoreTimers) {
  TimerService service;
  std::mutex mutex;
  std::condition_variable done;
  int count = 0;
  std::function<void()> again = [&] {
    std::lock_guard lock(mutex);
    if (++count < 3) service.schedule(1ms, again);
    done.notify_all();
  };
  service.schedule(1ms, again);
  std::unique_lock lock(mutex);
  ASSERT_TRUE(done.wait_for(lock, 2s, [&] { return count == 3; }));
}

}  // namespace
}  // namespace gstsctp
