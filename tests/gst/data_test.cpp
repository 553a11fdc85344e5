// Messages through two associations back to back: every per-stream setting,
// send metas, empty messages (RFC 8831 6.6), large messages,
// back-pressure, EOS, and pads coming and going while data flows.
// Needs sctp-core's data path (send queue, DATA/SACK); see meson.build.
#include <thread>
#include <utility>

#include "back_to_back.h"

namespace {

std::vector<ReceivedMessage> received_on(BackToBack& b2b, guint stream) {
  std::lock_guard lock(b2b.mutex);
  return b2b.received[stream];
}

}  // namespace

GST_START_TEST(test_every_pad_setting_on_many_streams) {
  BackToBack b2b(2101, 2102);
  struct Stream {
    guint id;
    const char* caps;
    guint32 ppid;
    bool ordered;
  };
  const Stream streams[] = {
      {0, nullptr, 1, true},  // no caps: ordered, reliable, PPID 1
      {1, "application/data, ordered=(boolean)true, ppid=(uint)51", 51, true},
      {2, "application/data, ordered=(boolean)false, ppid=(uint)53", 53, false},
      {3, "application/data, partially-reliability=(string)rtx, reliability-parameter=(uint)5", 1,
       true},
      {4, "application/data, partially-reliability=(string)ttl, reliability-parameter=(uint)20000",
       1, true},
      {5,
       "application/data, partially-reliability=(string)buf, "
       "reliability-parameter=(uint)100000000",
       1, true},
      {1023, "application/data, ppid=(uint)50", 50, true},
  };
  std::vector<GstElement*> sources;
  for (const Stream& s : streams)
    sources.push_back(b2b.add_source(s.id, s.caps));
  b2b.play();
  fail_unless(b2b.established());
  constexpr int kMessages = 50;
  for (int i = 0; i < kMessages; ++i) {
    for (GstElement* src : sources)
      BackToBack::push(src, 1000, guint8(i));
  }
  for (const Stream& s : streams) {
    fail_unless(b2b.wait_for([&] { return b2b.received_count(s.id) == kMessages; }),
                "stream %u got %zu messages", s.id, b2b.received_count(s.id));
    const auto messages = received_on(b2b, s.id);
    for (int i = 0; i < kMessages; ++i) {
      fail_unless_equals_int(messages[i].size, 1000);
      fail_unless_equals_int(messages[i].ppid, s.ppid);
      if (s.ordered) fail_unless_equals_int(messages[i].first_byte, i);
    }
  }
  guint64 bytes = 0;
  g_signal_emit_by_name(b2b.ea, "bytes-sent", 1u, &bytes);
  fail_unless_equals_uint64(bytes, kMessages * 1000);
}
GST_END_TEST;

GST_START_TEST(test_send_meta_overrides_the_pad) {
  BackToBack b2b(2201, 2202);
  GstElement* src = b2b.add_source(0, "application/data, ppid=(uint)51");
  b2b.play();
  fail_unless(b2b.established());
  GstBuffer* buffer = gst_buffer_new_allocate(nullptr, 10, nullptr);
  gst_buffer_memset(buffer, 0, 7, 10);
  gst_sctp_buffer_add_send_meta(buffer, 99, FALSE, GST_SCTP_SEND_META_PARTIAL_RELIABILITY_RTX, 3);
  GstFlowReturn ret = GST_FLOW_OK;
  g_signal_emit_by_name(src, "push-buffer", buffer, &ret);
  gst_buffer_unref(buffer);
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == 1; }));
  fail_unless_equals_int(received_on(b2b, 0)[0].ppid, 99);
}
GST_END_TEST;

// RFC 8831 section 6.6: an empty message travels as one byte with the
// "empty" PPID and is delivered empty.
GST_START_TEST(test_empty_messages) {
  BackToBack b2b(2301, 2302);
  GstElement* text = b2b.add_source(0, "application/data, ppid=(uint)51");
  GstElement* binary = b2b.add_source(1, "application/data, ppid=(uint)53");
  b2b.play();
  fail_unless(b2b.established());
  BackToBack::push(text, 0, 0);
  BackToBack::push(binary, 0, 0);
  fail_unless(
      b2b.wait_for([&] { return b2b.received_count(0) == 1 && b2b.received_count(1) == 1; }));
  fail_unless_equals_int(received_on(b2b, 0)[0].size, 0);
  fail_unless_equals_int(received_on(b2b, 0)[0].ppid, 56);
  fail_unless_equals_int(received_on(b2b, 1)[0].size, 0);
  fail_unless_equals_int(received_on(b2b, 1)[0].ppid, 57);
}
GST_END_TEST;

// One buffer per message, whatever its size up to max-message-size.
GST_START_TEST(test_large_message_is_one_buffer) {
  BackToBack b2b(2401, 2402);
  GstElement* src = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  BackToBack::push(src, 256 * 1024, 0x5a);
  BackToBack::push(src, 1, 0x01);
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == 2; }));
  const auto messages = received_on(b2b, 0);
  fail_unless_equals_int(messages[0].size, 256 * 1024);
  fail_unless_equals_int(messages[0].first_byte, 0x5a);
  fail_unless_equals_int(messages[1].size, 1);
}
GST_END_TEST;

// A small send buffer makes the sink pad block; SACKs free room and every
// reliable message arrives, in order.
GST_START_TEST(test_back_pressure_loses_nothing) {
  BackToBack b2b(2501, 2502, "send-buffer-size=8000");
  GstElement* src = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  constexpr int kMessages = 500;
  for (int i = 0; i < kMessages; ++i)
    BackToBack::push(src, 1000, guint8(i));
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == kMessages; }, 30));
  const auto messages = received_on(b2b, 0);
  for (int i = 0; i < kMessages; ++i)
    fail_unless_equals_int(messages[i].first_byte, guint8(i));
}
GST_END_TEST;

// EOS: what was sent arrives, then the association shuts down gracefully
// and the peer's stream pads go away.
GST_START_TEST(test_eos_delivers_everything_then_closes) {
  BackToBack b2b(2701, 2702);
  GstElement* src = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  for (int i = 0; i < 20; ++i)
    BackToBack::push(src, 500, guint8(i));
  BackToBack::end_of_stream(src);
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 0 && b2b.b_established == 0; }));
  // Messages leave through the src pad's own task: wait for them.
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == 20; }));
  fail_unless(b2b.wait_for([&] { return b2b.pad_removed("src_0"); }));
}
GST_END_TEST;

// A peer's ABORT removes the stream pads (webrtcbin closes its channels).
GST_START_TEST(test_peer_abort_removes_stream_pads) {
  BackToBack b2b(2801, 2802);
  GstElement* src = b2b.add_source(3, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  BackToBack::push(src, 10, 1);
  fail_unless(b2b.wait_for([&] { return b2b.received_count(3) == 1; }));
  for (GstElement* e : {b2b.ea, b2b.da, src}) {
    gst_element_set_locked_state(e, TRUE);
    gst_element_set_state(e, GST_STATE_NULL);
  }
  fail_unless(b2b.wait_for([&] { return b2b.pad_removed("src_3") && b2b.b_established == 0; }));
}
GST_END_TEST;

// Pads requested and released while another stream carries data: no
// deadlock, nothing lost on the busy stream.
GST_START_TEST(test_pads_come_and_go_while_data_flows) {
  BackToBack b2b(2901, 2902);
  GstElement* src = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  constexpr int kMessages = 300;
  std::thread sender([&] {
    for (int i = 0; i < kMessages; ++i)
      BackToBack::push(src, 800, guint8(i));
  });
  for (int i = 0; i < 50; ++i) {
    GstPad* pad = gst_element_request_pad_simple(b2b.ea, "sink_%u");
    fail_unless(pad != nullptr);
    gst_element_release_request_pad(b2b.ea, pad);
    gst_object_unref(pad);
  }
  sender.join();
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == kMessages; }, 30));
}
GST_END_TEST;

// stream-scheduler=priority with a priority per sink pad: the properties
// reach the core (which orders by them: see the scenario test
// Rfc8260_3_4_PrioritySchedulerSendsTheUrgentStreamFirst) and both streams
// still deliver everything, in order.
GST_START_TEST(test_priority_scheduler_with_pad_priorities) {
  BackToBack b2b(2901, 2902, "stream-scheduler=priority");
  GstElement* bulk = b2b.add_source(1, nullptr);
  GstElement* urgent = b2b.add_source(2, nullptr);
  for (auto [name, priority] : {std::pair{"sink_1", 500u}, std::pair{"sink_2", 1u}}) {
    GstPad* pad = gst_element_get_static_pad(b2b.ea, name);
    fail_unless(pad != nullptr, "%s", name);
    g_object_set(pad, "priority", priority, nullptr);
    guint read_back = 0;
    g_object_get(pad, "priority", &read_back, nullptr);
    fail_unless_equals_int(read_back, priority);
    gst_object_unref(pad);
  }
  gint scheduler = -1;
  g_object_get(b2b.ea, "stream-scheduler", &scheduler, nullptr);
  fail_unless_equals_int(scheduler, 2);  // "priority"
  b2b.play();
  fail_unless(b2b.established());
  constexpr int kMessages = 100;
  for (int i = 0; i < kMessages; ++i) {
    BackToBack::push(bulk, 4000, guint8(i));
    BackToBack::push(urgent, 100, guint8(i));
  }
  fail_unless(b2b.wait_for(
      [&] { return b2b.received_count(1) == kMessages && b2b.received_count(2) == kMessages; }));
  for (guint stream : {1u, 2u}) {
    const auto messages = received_on(b2b, stream);
    for (int i = 0; i < kMessages; ++i)
      fail_unless_equals_int(messages[i].first_byte, guint8(i));
  }
}
GST_END_TEST;

static Suite* sctp_data_suite() {
  Suite* s = suite_create("sctp-data");
  TCase* tc = tcase_create("data");
  tcase_set_timeout(tc, 120);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_every_pad_setting_on_many_streams);
  tcase_add_test(tc, test_send_meta_overrides_the_pad);
  tcase_add_test(tc, test_empty_messages);
  tcase_add_test(tc, test_large_message_is_one_buffer);
  tcase_add_test(tc, test_back_pressure_loses_nothing);
  tcase_add_test(tc, test_eos_delivers_everything_then_closes);
  tcase_add_test(tc, test_peer_abort_removes_stream_pads);
  tcase_add_test(tc, test_pads_come_and_go_while_data_flows);
  tcase_add_test(tc, test_priority_scheduler_with_pad_priorities);
  return s;
}

GST_CHECK_MAIN(sctp_data)
