// RFC 9260 section 6.3.1 rules C1-C7.
#include "timer/rto_estimator.h"

#include <gtest/gtest.h>

namespace sctp {
namespace {

RtoEstimator::Config config(int initial, int min, int max) {
  return {DurationMs(initial), DurationMs(min), DurationMs(max)};
}

TEST(RtoEstimator, C1_InitialRtoBeforeAnyMeasurement) {
  RtoEstimator rto(config(1000, 100, 60000));
  EXPECT_FALSE(rto.has_measurement());
  EXPECT_EQ(rto.rto(), DurationMs(1000));
}

TEST(RtoEstimator, C2_FirstMeasurementSetsSrttAndHalfVariance) {
  RtoEstimator rto(config(1000, 10, 60000));
  rto.observe(DurationMs(100));
  EXPECT_EQ(rto.srtt(), DurationMs(100));
  EXPECT_EQ(rto.rttvar(), DurationMs(50));
  EXPECT_EQ(rto.rto(), DurationMs(300));  // 100 + 4 * 50
}

TEST(RtoEstimator, C3_SubsequentMeasurementsUseAlphaEighthBetaQuarter) {
  RtoEstimator rto(config(1000, 10, 60000));
  rto.observe(DurationMs(100));
  rto.observe(DurationMs(200));
  // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
  EXPECT_EQ(rto.srtt(), DurationMs(112));
  EXPECT_EQ(rto.rttvar(), DurationMs(62));
  EXPECT_EQ(rto.rto(), DurationMs(363));  // 112.5 + 250, rounded up
}

TEST(RtoEstimator, C3_ZeroVarianceIsRaisedToClockGranularity) {
  // With RTO.Min = 0 and a constant RTT of 0, only the G floor on RTTVAR keeps
  // the RTO from collapsing to zero.
  RtoEstimator rto(config(1000, 0, 60000));
  for (int i = 0; i < 200; ++i) {
    rto.observe(DurationMs(0));
    ASSERT_GE(rto.rto(), DurationMs(1)) << "after " << i + 1 << " samples";
  }
}

TEST(RtoEstimator, C6_C7_RtoClampedToMinAndMax) {
  RtoEstimator low(config(1000, 400, 60000));
  low.observe(DurationMs(10));
  EXPECT_EQ(low.rto(), DurationMs(400));
  RtoEstimator high(config(1000, 400, 5000));
  high.observe(DurationMs(4000));
  EXPECT_EQ(high.rto(), DurationMs(5000));
}

TEST(RtoEstimator, ConvergesToStableRtt) {
  RtoEstimator rto(config(1000, 1, 60000));
  for (int i = 0; i < 100; ++i)
    rto.observe(DurationMs(50));
  EXPECT_EQ(rto.srtt(), DurationMs(50));
  EXPECT_LE(rto.rto(), DurationMs(60));
}

TEST(RtoEstimator, E2_BackoffDoublesUpToMaxAndMeasurementRecomputes) {
  RtoEstimator rto(config(1000, 100, 3000));
  rto.observe(DurationMs(200));  // RTO 600
  rto.back_off();
  EXPECT_EQ(rto.rto(), DurationMs(1200));
  rto.back_off();
  rto.back_off();
  EXPECT_EQ(rto.rto(), DurationMs(3000));
  rto.observe(DurationMs(200));
  EXPECT_LT(rto.rto(), DurationMs(1000));
}

TEST(RtoEstimator, NegativeMeasurementIgnored) {
  RtoEstimator rto(config(1000, 100, 3000));
  rto.observe(DurationMs(-5));
  EXPECT_FALSE(rto.has_measurement());
}

}  // namespace
}  // namespace sctp
