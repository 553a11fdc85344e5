// Stream resets (RFC 6525) through two associations back to back: how a
// data channel closes. Needs RE-CONFIG in sctp-core; see meson.build.
#include "back_to_back.h"

// RFC 6525: resetting an outgoing stream closes it at the peer, whose
// sctpdec removes the stream's pad (how webrtcbin learns a channel closed).
GST_START_TEST(test_reset_stream_removes_the_peers_pad) {
  BackToBack b2b(2601, 2602);
  GstElement* seven = b2b.add_source(7, nullptr);
  GstElement* eight = b2b.add_source(8, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  BackToBack::push(seven, 10, 1);
  BackToBack::push(eight, 10, 1);
  fail_unless(
      b2b.wait_for([&] { return b2b.received_count(7) == 1 && b2b.received_count(8) == 1; }));
  // The action signal on A's decoder resets A's outgoing stream 7.
  g_signal_emit_by_name(b2b.da, "reset-stream", 7u);
  fail_unless(b2b.wait_for([&] { return b2b.pad_removed("src_7"); }));
  // Releasing A's sink pad for stream 8 does the same.
  GstPad* sink8 = gst_element_get_static_pad(b2b.ea, "sink_8");
  GstPad* peer = gst_pad_get_peer(sink8);
  gst_pad_unlink(peer, sink8);
  gst_object_unref(peer);
  gst_element_release_request_pad(b2b.ea, sink8);
  gst_object_unref(sink8);
  fail_unless(b2b.wait_for([&] { return b2b.pad_removed("src_8"); }));
  fail_unless(b2b.a_established == 1 && b2b.b_established == 1);
}
GST_END_TEST;

static Suite* sctp_stream_reset_suite() {
  Suite* s = suite_create("sctp-stream-reset");
  TCase* tc = tcase_create("reset");
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_reset_stream_removes_the_peers_pad);
  return s;
}

GST_CHECK_MAIN(sctp_stream_reset)
