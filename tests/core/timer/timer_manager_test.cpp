#include "timer/timer_manager.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

namespace sctp {
namespace {

class FakeScheduler : public TimerScheduler {
 public:
  void start_timer(TimerId id, DurationMs duration) override { started.emplace_back(id, duration); }
  void stop_timer(TimerId id) override { stopped.push_back(id); }
  std::vector<std::pair<TimerId, DurationMs>> started;
  std::vector<TimerId> stopped;
};

TEST(TimerManager, StartSchedulesAndExpiryRunsHandler) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  int fired = 0;
  Timer* t =
      manager.create("t", TimerOptions{TimerBackoff::kFixed, std::nullopt, 0}, [&] { ++fired; });
  t->start(DurationMs(100));
  ASSERT_EQ(scheduler.started.size(), 1u);
  EXPECT_EQ(scheduler.started[0].second, DurationMs(100));
  EXPECT_TRUE(manager.handle_timeout(scheduler.started[0].first));
  EXPECT_EQ(fired, 1);
  EXPECT_FALSE(t->is_running());  // max_restarts = 0: expired once, not re-armed
  EXPECT_EQ(t->expiration_count(), 1);
}

TEST(TimerManager, StaleGenerationIsIgnoredAfterRestart) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  int fired = 0;
  Timer* t = manager.create("t", {}, [&] { ++fired; });
  t->start(DurationMs(100));
  const TimerId first = scheduler.started.back().first;
  t->start(DurationMs(100));  // restart: new generation
  const TimerId second = scheduler.started.back().first;
  EXPECT_NE(first, second);
  EXPECT_EQ(scheduler.stopped.size(), 1u);
  EXPECT_FALSE(manager.handle_timeout(first));
  EXPECT_EQ(fired, 0);
  EXPECT_TRUE(manager.handle_timeout(second));
  EXPECT_EQ(fired, 1);
}

TEST(TimerManager, StoppedTimerIgnoresExpiry) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  int fired = 0;
  Timer* t = manager.create("t", {}, [&] { ++fired; });
  t->start(DurationMs(10));
  const TimerId id = scheduler.started.back().first;
  t->stop();
  EXPECT_FALSE(manager.handle_timeout(id));
  EXPECT_FALSE(manager.handle_timeout(TimerId{12345}));  // unknown slot
  EXPECT_EQ(fired, 0);
}

TEST(TimerManager, ExponentialBackoffIsCappedAndRestartsAreBounded) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  std::vector<int> counts;
  Timer* t = nullptr;
  t = manager.create("t1-init", TimerOptions{TimerBackoff::kExponential, DurationMs(500), 4},
                     [&] { counts.push_back(t->expiration_count()); });
  t->start(DurationMs(100));
  std::vector<DurationMs> durations;
  while (t->is_running()) {
    durations.push_back(scheduler.started.back().second);
    ASSERT_TRUE(manager.handle_timeout(t->current_id()));
  }
  // 100, then doubled per expiration and capped at 500.
  EXPECT_EQ(durations, (std::vector<DurationMs>{DurationMs(100), DurationMs(200), DurationMs(400),
                                                DurationMs(500), DurationMs(500)}));
  EXPECT_EQ(counts, (std::vector<int>{1, 2, 3, 4, 5}));  // the 5th exceeds max_restarts
}

TEST(TimerManager, FixedTimerRestartsForeverWithSameDuration) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  int fired = 0;
  Timer* t = manager.create("hb", TimerOptions{TimerBackoff::kFixed, std::nullopt, std::nullopt},
                            [&] { ++fired; });
  t->start(DurationMs(30));
  for (int i = 0; i < 10; ++i)
    ASSERT_TRUE(manager.handle_timeout(t->current_id()));
  EXPECT_EQ(fired, 10);
  EXPECT_TRUE(t->is_running());
  EXPECT_EQ(scheduler.started.back().second, DurationMs(30));
}

TEST(TimerManager, HandlerMayRestartWithNewDuration) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  Timer* t = nullptr;
  t = manager.create("t", TimerOptions{TimerBackoff::kExponential, std::nullopt, 0},
                     [&] { t->start(DurationMs(77)); });
  t->start(DurationMs(10));
  ASSERT_TRUE(manager.handle_timeout(t->current_id()));
  EXPECT_TRUE(t->is_running());
  EXPECT_EQ(t->expiration_count(), 0);
  EXPECT_EQ(scheduler.started.back().second, DurationMs(77));
}

TEST(TimerManager, TimersAreIndependent) {
  FakeScheduler scheduler;
  TimerManager manager(scheduler);
  int a = 0, b = 0;
  Timer* ta = manager.create("a", {}, [&] { ++a; });
  Timer* tb = manager.create("b", {}, [&] { ++b; });
  ta->start(DurationMs(1));
  tb->start(DurationMs(1));
  EXPECT_NE(ta->current_id(), tb->current_id());
  ASSERT_TRUE(manager.handle_timeout(tb->current_id()));
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 1);
  manager.stop_all();
  EXPECT_FALSE(ta->is_running());
  EXPECT_FALSE(tb->is_running());
}

}  // namespace
}  // namespace sctp
