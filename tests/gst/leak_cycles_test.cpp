// What the elements allocate must all be freed: state cycles and pad
// request/release while data flows, the paths that create and drop
// associations, sockets, pads, queues and pad tasks. Run under valgrind by
// meson (gst-leaks, see meson.build): any "definitely lost" block fails the
// test. The checks here also make sure the cycles really moved data.
#include <thread>

#include "back_to_back.h"

namespace {

constexpr int kWaitSeconds = 60;  // valgrind makes everything ~20x slower

void push_some(GstElement* src, int count, gsize size) {
  for (int i = 0; i < count; ++i)
    BackToBack::push(src, size, guint8(i));
}

}  // namespace

// NULL -> PLAYING -> NULL, several times, with messages on an ordered and an
// unordered stream each time (one larger than a packet, one spanning many),
// and a stream reset in every other cycle.
GST_START_TEST(test_state_cycles_with_data_leak_nothing) {
  BackToBack b2b(3101, 3102);
  GstElement* one = b2b.add_source(1, nullptr);
  GstElement* two = b2b.add_source(2, "application/x-sctp, ordered=(boolean)false");
  size_t expected = 0;
  for (int cycle = 0; cycle < 4; ++cycle) {
    b2b.a_established = -1;
    b2b.b_established = -1;
    b2b.play();
    fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; },
                             kWaitSeconds),
                "cycle %d: no association", cycle);
    push_some(one, 10, 100);
    push_some(two, 3, 5000);
    BackToBack::push(one, 100 * 1024, 9);
    expected += 11;
    fail_unless(b2b.wait_for([&] { return b2b.received_count(1) == expected; }, kWaitSeconds),
                "cycle %d: %zu of %zu on stream 1", cycle, b2b.received_count(1), expected);
    fail_unless(b2b.wait_for([&] { return b2b.received_count(2) == size_t(3 * (cycle + 1)); },
                             kWaitSeconds));
    if (cycle % 2 == 1) {
      {
        std::lock_guard lock(b2b.mutex);
        b2b.removed_pads.clear();  // the previous stop removed src_2 too
      }
      g_signal_emit_by_name(b2b.da, "reset-stream", 2u);
      fail_unless(b2b.wait_for([&] { return b2b.pad_removed("src_2"); }, kWaitSeconds));
    }
    fail_unless_equals_int(gst_element_set_state(b2b.pipeline, GST_STATE_NULL),
                           GST_STATE_CHANGE_SUCCESS);
  }
}
GST_END_TEST;

// Sink pads requested, fed and released while another stream carries data.
GST_START_TEST(test_pad_request_and_release_while_data_flows_leak_nothing) {
  BackToBack b2b(3201, 3202);
  GstElement* busy = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(
      b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }, kWaitSeconds));
  constexpr int kMessages = 200;
  std::thread sender([&] { push_some(busy, kMessages, 700); });
  for (guint round = 0; round < 8; ++round) {
    const guint stream = 10 + round;
    GstElement* src = b2b.add_source(stream, nullptr);
    push_some(src, 5, 300);
    fail_unless(b2b.wait_for([&] { return b2b.received_count(stream) == 5; }, kWaitSeconds));
    GstPad* src_pad = gst_element_get_static_pad(src, "src");
    GstPad* sink_pad = gst_pad_get_peer(src_pad);
    gst_pad_unlink(src_pad, sink_pad);
    gst_element_release_request_pad(b2b.ea, sink_pad);
    gst_object_unref(sink_pad);
    gst_object_unref(src_pad);
    gst_element_set_state(src, GST_STATE_NULL);
    gst_bin_remove(GST_BIN(b2b.pipeline), src);
    // The release resets the stream (RFC 6525): the peer's pad goes.
    gchar* name = g_strdup_printf("src_%u", stream);
    fail_unless(b2b.wait_for([&] { return b2b.pad_removed(name); }, kWaitSeconds), "%s", name);
    g_free(name);
  }
  sender.join();
  fail_unless(b2b.wait_for([&] { return b2b.received_count(0) == kMessages; }, kWaitSeconds));
}
GST_END_TEST;

static Suite* sctp_leaks_suite() {
  Suite* s = suite_create("sctp-leaks");
  TCase* tc = tcase_create("cycles");
  tcase_set_timeout(tc, 300);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_state_cycles_with_data_leak_nothing);
  tcase_add_test(tc, test_pad_request_and_release_while_data_flows_leak_nothing);
  return s;
}

GST_CHECK_MAIN(sctp_leaks)
