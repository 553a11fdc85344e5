// Two associations back to back in one process, through the elements: the
// association lifecycle (RFC 9260 sections 5 and 9) as sctpenc/sctpdec show
// it to an application.
#include "back_to_back.h"

// Both ends send INIT at once (RFC 9260 5.2.1, what gst-plugins-bad does):
// the association comes up and both encoders signal it.
GST_START_TEST(test_simultaneous_connect_establishes_both_sides) {
  BackToBack b2b(1101, 1102);
  b2b.play();
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }));
  GstStructure* stats = nullptr;
  g_object_get(b2b.ea, "stats", &stats, nullptr);
  fail_unless_equals_string(gst_structure_get_string(stats, "state"), "connected");
  gboolean established = FALSE;
  fail_unless(gst_structure_get_boolean(stats, "established", &established));
  fail_unless(established);
  gst_structure_free(stats);
}
GST_END_TEST;

// Only one end initiates; the other answers the INIT as responder.
GST_START_TEST(test_one_side_connecting_establishes) {
  BackToBack b2b(1201, 1202, "", "initiate-association=false");
  b2b.play();
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }));
}
GST_END_TEST;

// Stopping one endpoint puts an ABORT on the wire (RFC 9260 9.1) before its
// src pad goes down; the peer signals the association as gone, and posts a
// warning, not an error (the peer chose to close).
GST_START_TEST(test_stopping_one_side_aborts_and_the_peer_sees_it) {
  BackToBack b2b(1301, 1302);
  b2b.play();
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }));
  for (GstElement* e : {b2b.ea, b2b.da}) {
    gst_element_set_locked_state(e, TRUE);
    fail_unless_equals_int(gst_element_set_state(e, GST_STATE_NULL), GST_STATE_CHANGE_SUCCESS);
  }
  fail_unless(b2b.wait_for([&] { return b2b.b_established == 0; }));
  GstBus* bus = gst_element_get_bus(b2b.pipeline);
  GstMessage* msg =
      gst_bus_timed_pop_filtered(bus, 5 * GST_SECOND, GstMessageType(GST_MESSAGE_WARNING));
  fail_unless(msg != nullptr);
  fail_unless(GST_MESSAGE_SRC(msg) == GST_OBJECT(b2b.eb));
  gst_message_unref(msg);
  fail_unless(gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR) == nullptr);
  gst_object_unref(bus);
  GstStructure* stats = nullptr;
  g_object_get(b2b.eb, "stats", &stats, nullptr);
  fail_unless_equals_string(gst_structure_get_string(stats, "state"), "closed");
  gst_structure_free(stats);
}
GST_END_TEST;

// EOS on every sink pad of an encoder ends the association gracefully
// (SHUTDOWN, RFC 9260 9.2): both ends signal it, and no bus error appears.
GST_START_TEST(test_eos_on_all_sink_pads_shuts_down_gracefully) {
  BackToBack b2b(1401, 1402);
  GstElement* src = b2b.add_source(0, nullptr);
  b2b.play();
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }));
  BackToBack::end_of_stream(src);
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 0 && b2b.b_established == 0; }));
  GstBus* bus = gst_element_get_bus(b2b.pipeline);
  fail_unless(gst_bus_pop_filtered(bus, GstMessageType(GST_MESSAGE_ERROR | GST_MESSAGE_WARNING)) ==
              nullptr);
  gst_object_unref(bus);
}
GST_END_TEST;

// Requesting and releasing pads while the association is up does not
// disturb it.
GST_START_TEST(test_request_and_release_while_established) {
  BackToBack b2b(1501, 1502);
  b2b.play();
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 1 && b2b.b_established == 1; }));
  for (guint i = 0; i < 20; ++i) {
    GstPad* pad = gst_element_request_pad_simple(b2b.ea, "sink_%u");
    fail_unless(pad != nullptr);
    gst_element_release_request_pad(b2b.ea, pad);
    gst_object_unref(pad);
  }
  fail_unless_equals_int(b2b.ea->numsinkpads, 0);
  fail_unless(b2b.a_established == 1 && b2b.b_established == 1);
}
GST_END_TEST;

// Drops every packet leaving `encoder` once `*cut` is set: the path to the
// peer (or back from it) goes silent, as when the peer vanishes.
static GstPadProbeReturn drop_when_cut(GstPad*, GstPadProbeInfo*, gpointer cut) {
  return static_cast<std::atomic<bool>*>(cut)->load() ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

static void cut_path(GstElement* encoder, std::atomic<bool>* cut) {
  GstPad* src = gst_element_get_static_pad(encoder, "src");
  gst_pad_add_probe(src,
                    GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST),
                    drop_when_cut, cut, nullptr);
  gst_object_unref(src);
}

// Fast failure detection on A: RTO 50..100 ms, 3 retransmissions, a
// heartbeat every 100 ms when idle.
static constexpr const char* kImpatient =
    "rto-initial=100 rto-min=50 rto-max=100 max-retransmissions=3 heartbeat-interval=100";

// Waits for an ERROR and checks that sctpenc A posted it as an association
// failure; returns how long it took.
static gint64 expect_association_error(BackToBack& b2b, gint64 since) {
  GstBus* bus = gst_element_get_bus(b2b.pipeline);
  GstMessage* msg = gst_bus_timed_pop_filtered(bus, 20 * GST_SECOND, GST_MESSAGE_ERROR);
  const gint64 elapsed = g_get_monotonic_time() - since;
  fail_unless(msg != nullptr, "no error posted after the peer went silent");
  fail_unless(GST_MESSAGE_SRC(msg) == GST_OBJECT(b2b.ea), "error from %s",
              GST_OBJECT_NAME(GST_MESSAGE_SRC(msg)));
  GError* error = nullptr;
  gst_message_parse_error(msg, &error, nullptr);
  fail_unless(g_error_matches(error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_FAILED), "%s",
              error->message);
  g_error_free(error);
  gst_message_unref(msg);
  gst_object_unref(bus);
  fail_unless(b2b.wait_for([&] { return b2b.a_established == 0; }));
  return elapsed;
}

// RFC 9260 8.1: data that is never acknowledged makes the retransmission
// timer expire; after Association.Max.Retrans consecutive expiries the
// association fails and sctpenc posts an error (bounded by the properties:
// 4 timeouts of at most 100 ms, well under the 20 s allowed here).
GST_START_TEST(test_silent_peer_while_sending_fails_with_an_error) {
  std::atomic<bool> cut{false};
  BackToBack b2b(1601, 1602, kImpatient);
  cut_path(b2b.ea, &cut);
  cut_path(b2b.eb, &cut);
  GstElement* src = b2b.add_source(1, nullptr);
  b2b.play();
  fail_unless(b2b.established());
  BackToBack::push(src, 100, 1);
  fail_unless(b2b.wait_for([&] { return b2b.received_count(1) == 1; }));
  cut = true;
  const gint64 since = g_get_monotonic_time();
  BackToBack::push(src, 100, 2);
  const gint64 elapsed = expect_association_error(b2b, since);
  GST_INFO("association failure reported after %" G_GINT64_FORMAT " ms", elapsed / 1000);
}
GST_END_TEST;

// RFC 9260 8.3: on an idle association, unanswered heartbeats count
// towards the same limit.
GST_START_TEST(test_silent_peer_while_idle_fails_with_an_error) {
  std::atomic<bool> cut{false};
  BackToBack b2b(1701, 1702, kImpatient);
  cut_path(b2b.ea, &cut);
  cut_path(b2b.eb, &cut);
  b2b.play();
  fail_unless(b2b.established());
  cut = true;
  const gint64 since = g_get_monotonic_time();
  const gint64 elapsed = expect_association_error(b2b, since);
  GST_INFO("association failure reported after %" G_GINT64_FORMAT " ms", elapsed / 1000);
}
GST_END_TEST;

static Suite* sctp_association_suite() {
  Suite* s = suite_create("sctp-association");
  TCase* tc = tcase_create("lifecycle");
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_simultaneous_connect_establishes_both_sides);
  tcase_add_test(tc, test_one_side_connecting_establishes);
  tcase_add_test(tc, test_stopping_one_side_aborts_and_the_peer_sees_it);
  tcase_add_test(tc, test_eos_on_all_sink_pads_shuts_down_gracefully);
  tcase_add_test(tc, test_request_and_release_while_established);
  tcase_add_test(tc, test_silent_peer_while_sending_fails_with_an_error);
  tcase_add_test(tc, test_silent_peer_while_idle_fails_with_an_error);
  return s;
}

GST_CHECK_MAIN(sctp_association)
