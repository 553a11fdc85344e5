// How sctpenc reads a stream's settings from caps and GstSctpSendMeta, maps
// them to the core's SendOptions, and represents empty messages (RFC 8831).
#include "stream_settings.h"

#include <gst/gst.h>
#include <gst/sctp/sctpsendmeta.h>
#include <gtest/gtest.h>

namespace gstsctp {
namespace {

class StreamSettingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { gst_init(nullptr, nullptr); }

  static StreamSettings from_caps(const char* caps_string, StreamSettings start = {}) {
    GstCaps* caps = gst_caps_from_string(caps_string);
    EXPECT_NE(caps, nullptr) << caps_string;
    apply_caps(caps, start);
    gst_caps_unref(caps);
    return start;
  }
};

TEST_F(StreamSettingsTest, DefaultIsOrderedReliableWithPpidOne) {
  const StreamSettings s;
  EXPECT_TRUE(s.ordered);
  EXPECT_EQ(s.reliability, Reliability::kReliable);
  EXPECT_EQ(s.reliability_parameter, 0u);
  EXPECT_EQ(s.ppid, 1u);
}

TEST_F(StreamSettingsTest, ReadsEveryFieldGstPluginsBadReads) {
  const StreamSettings s = from_caps(
      "application/data, ordered=(boolean)false, partially-reliability=(string)rtx, "
      "reliability-parameter=(uint)3, ppid=(uint)51");
  EXPECT_FALSE(s.ordered);
  EXPECT_EQ(s.reliability, Reliability::kRtx);
  EXPECT_EQ(s.reliability_parameter, 3u);
  EXPECT_EQ(s.ppid, 51u);
}

TEST_F(StreamSettingsTest, EveryPolicyName) {
  EXPECT_EQ(from_caps("a/b, partially-reliability=none").reliability, Reliability::kReliable);
  EXPECT_EQ(from_caps("a/b, partially-reliability=ttl").reliability, Reliability::kTtl);
  EXPECT_EQ(from_caps("a/b, partially-reliability=buf").reliability, Reliability::kBuffer);
  EXPECT_EQ(from_caps("a/b, partially-reliability=rtx").reliability, Reliability::kRtx);
  EXPECT_EQ(from_caps("a/b, partially-reliability=bogus").reliability, Reliability::kReliable);
}

TEST_F(StreamSettingsTest, CapsWithoutFieldsResetOrderingAndReliabilityButKeepPpid) {
  StreamSettings start;
  start.ordered = false;
  start.reliability = Reliability::kTtl;
  start.reliability_parameter = 50;
  start.ppid = 53;
  const StreamSettings s = from_caps("application/data", start);
  EXPECT_TRUE(s.ordered);
  EXPECT_EQ(s.reliability, Reliability::kReliable);
  EXPECT_EQ(s.reliability_parameter, 0u);
  EXPECT_EQ(s.ppid, 53u);
}

TEST_F(StreamSettingsTest, AcceptsNonNegativeIntsAndIgnoresWrongTypes) {
  const StreamSettings s =
      from_caps("a/b, ppid=(int)50, reliability-parameter=(int)7, ordered=(string)yes");
  EXPECT_EQ(s.ppid, 50u);
  EXPECT_EQ(s.reliability_parameter, 7u);
  EXPECT_TRUE(s.ordered);
  EXPECT_EQ(from_caps("a/b, ppid=(int)-1").ppid, 1u);
}

TEST_F(StreamSettingsTest, SendMetaOverridesThePadForOneBuffer) {
  GstBuffer* buffer = gst_buffer_new();
  gst_sctp_buffer_add_send_meta(buffer, 53, FALSE, GST_SCTP_SEND_META_PARTIAL_RELIABILITY_TTL, 250);
  StreamSettings s;
  apply_send_meta(buffer, s);
  EXPECT_EQ(s.ppid, 53u);
  EXPECT_FALSE(s.ordered);
  EXPECT_EQ(s.reliability, Reliability::kTtl);
  EXPECT_EQ(s.reliability_parameter, 250u);
  gst_buffer_unref(buffer);

  GstBuffer* plain = gst_buffer_new();
  StreamSettings untouched;
  apply_send_meta(plain, untouched);
  EXPECT_TRUE(untouched.ordered);
  EXPECT_EQ(untouched.ppid, 1u);
  gst_buffer_unref(plain);
}

TEST_F(StreamSettingsTest, MapsPoliciesToSendOptions) {
  StreamSettings s;
  s.ordered = false;
  s.ppid = 51;
  s.reliability = Reliability::kTtl;
  s.reliability_parameter = 300;
  sctp::SendOptions o = to_send_options(s, false);
  EXPECT_TRUE(o.unordered);
  EXPECT_EQ(o.ppid, sctp::Ppid(51));
  ASSERT_TRUE(o.lifetime.has_value());
  EXPECT_EQ(o.lifetime->count(), 300);
  EXPECT_FALSE(o.max_retransmissions.has_value());

  s.reliability = Reliability::kRtx;
  s.reliability_parameter = 100000;  // clamped to the core's 16 bits
  o = to_send_options(s, false);
  ASSERT_TRUE(o.max_retransmissions.has_value());
  EXPECT_EQ(*o.max_retransmissions, 65535);
  EXPECT_FALSE(o.lifetime.has_value());

  // use-sock-stream: partial reliability ignored, as documented upstream.
  o = to_send_options(s, true);
  EXPECT_FALSE(o.max_retransmissions.has_value());
  EXPECT_FALSE(o.lifetime.has_value());
  EXPECT_TRUE(o.unordered);

  // "buf" is applied by the binding, not by the core.
  s.reliability = Reliability::kBuffer;
  o = to_send_options(s, false);
  EXPECT_FALSE(o.max_retransmissions.has_value());
  EXPECT_FALSE(o.lifetime.has_value());
}

// RFC 8831 section 6.6.
TEST_F(StreamSettingsTest, EmptyMessagesUseTheEmptyPpids) {
  EXPECT_EQ(empty_message_ppid(51), 56u);
  EXPECT_EQ(empty_message_ppid(52), 56u);
  EXPECT_EQ(empty_message_ppid(53), 57u);
  EXPECT_EQ(empty_message_ppid(54), 57u);
  EXPECT_EQ(empty_message_ppid(56), 56u);
  EXPECT_EQ(empty_message_ppid(57), 57u);
  EXPECT_FALSE(empty_message_ppid(1).has_value());
  EXPECT_FALSE(empty_message_ppid(50).has_value());  // DCEP is never empty
  EXPECT_TRUE(is_empty_message_ppid(56));
  EXPECT_TRUE(is_empty_message_ppid(57));
  EXPECT_FALSE(is_empty_message_ppid(51));
}

}  // namespace
}  // namespace gstsctp
