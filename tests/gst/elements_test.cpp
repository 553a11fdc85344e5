// sctpenc / sctpdec as elements, without a live association: the interface
// gst-plugins-bad 1.22 offers (templates, properties, signals), request pads
// before any association exists, state cycles, and a blocked sink pad.
// The C++ headers come first: check.h defines a macro named fail.
#include <atomic>
#include <string>
#include <thread>

#include <gst/check/gstcheck.h>

namespace {

GParamSpec* find_property(GstElement* element, const char* name) {
  return g_object_class_find_property(G_OBJECT_GET_CLASS(element), name);
}

void check_uint_property(GstElement* element, const char* name, guint min, guint max, guint def) {
  GParamSpec* spec = find_property(element, name);
  fail_unless(spec != nullptr, "no property %s", name);
  fail_unless(G_PARAM_SPEC_VALUE_TYPE(spec) == G_TYPE_UINT, "%s is not a uint", name);
  GParamSpecUInt* u = G_PARAM_SPEC_UINT(spec);
  fail_unless_equals_int(u->minimum, min);
  fail_unless_equals_uint64(u->maximum, max);
  fail_unless_equals_int(u->default_value, def);
  fail_unless((spec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
}

void check_template(GstElement* element, const char* name, GstPadDirection direction,
                    GstPadPresence presence, const char* caps) {
  GstPadTemplate* templ = gst_element_class_get_pad_template(GST_ELEMENT_GET_CLASS(element), name);
  fail_unless(templ != nullptr, "no template %s", name);
  fail_unless_equals_int(GST_PAD_TEMPLATE_DIRECTION(templ), direction);
  fail_unless_equals_int(GST_PAD_TEMPLATE_PRESENCE(templ), presence);
  GstCaps* expected = gst_caps_from_string(caps);
  fail_unless(gst_caps_is_equal(GST_PAD_TEMPLATE_CAPS(templ), expected));
  gst_caps_unref(expected);
}

void check_signal(GstElement* element, const char* name, GType return_type, GType param,
                  bool action) {
  const guint id = g_signal_lookup(name, G_OBJECT_TYPE(element));
  fail_unless(id != 0, "no signal %s", name);
  GSignalQuery query;
  g_signal_query(id, &query);
  fail_unless_equals_int(query.return_type, return_type);
  fail_unless_equals_int(query.n_params, 1);
  fail_unless_equals_int(query.param_types[0], param);
  fail_unless_equals_int((query.signal_flags & G_SIGNAL_ACTION) != 0, action);
}

}  // namespace

GST_START_TEST(test_sctpenc_interface_matches_gst_plugins_bad) {
  GstElement* enc = gst_check_setup_element("sctpenc");
  GstElementFactory* factory = gst_element_get_factory(enc);
  fail_unless_equals_string(gst_element_factory_get_metadata(factory, GST_ELEMENT_METADATA_KLASS),
                            "Encoder/Network/SCTP");
  fail_unless_equals_string(
      gst_element_factory_get_metadata(factory, GST_ELEMENT_METADATA_LONGNAME), "SCTP Encoder");
  check_template(enc, "sink_%u", GST_PAD_SINK, GST_PAD_REQUEST, "ANY");
  check_template(enc, "src", GST_PAD_SRC, GST_PAD_ALWAYS, "application/x-sctp");
  check_uint_property(enc, "sctp-association-id", 0, G_MAXUINT, 1);
  check_uint_property(enc, "remote-sctp-port", 0, 65535, 0);
  GParamSpec* sock_stream = find_property(enc, "use-sock-stream");
  fail_unless(sock_stream != nullptr);
  fail_unless(G_PARAM_SPEC_VALUE_TYPE(sock_stream) == G_TYPE_BOOLEAN);
  fail_if(G_PARAM_SPEC_BOOLEAN(sock_stream)->default_value);
  check_signal(enc, "sctp-association-established", G_TYPE_NONE, G_TYPE_BOOLEAN, false);
  check_signal(enc, "bytes-sent", G_TYPE_UINT64, G_TYPE_UINT, true);
  // Extras are additions with defaults that keep the old behaviour.
  check_uint_property(enc, "mtu", 508, 65535, 1200);
  fail_unless(find_property(enc, "stats") != nullptr);
  GstPad* src = gst_element_get_static_pad(enc, "src");
  fail_unless(src != nullptr);
  gst_object_unref(src);
  gst_check_teardown_element(enc);
}
GST_END_TEST;

GST_START_TEST(test_sctpdec_interface_matches_gst_plugins_bad) {
  GstElement* dec = gst_check_setup_element("sctpdec");
  GstElementFactory* factory = gst_element_get_factory(dec);
  fail_unless_equals_string(gst_element_factory_get_metadata(factory, GST_ELEMENT_METADATA_KLASS),
                            "Decoder/Network/SCTP");
  check_template(dec, "sink", GST_PAD_SINK, GST_PAD_ALWAYS, "application/x-sctp");
  check_template(dec, "src_%u", GST_PAD_SRC, GST_PAD_SOMETIMES, "ANY");
  check_uint_property(dec, "sctp-association-id", 0, 65535, 1);
  check_uint_property(dec, "local-sctp-port", 0, 65535, 0);
  check_signal(dec, "reset-stream", G_TYPE_NONE, G_TYPE_UINT, true);
  fail_unless(find_property(dec, "stats") != nullptr);
  fail_unless_equals_int(dec->numsrcpads, 0);
  gst_check_teardown_element(dec);
}
GST_END_TEST;

GST_START_TEST(test_request_and_release_pads_before_any_association) {
  GstElement* enc = gst_check_setup_element("sctpenc");
  GstPad* p5 = gst_element_request_pad_simple(enc, "sink_5");
  fail_unless(p5 != nullptr);
  fail_unless_equals_string(GST_PAD_NAME(p5), "sink_5");
  // A bad name, 65535 (not a stream id): refused. (GStreamer itself refuses,
  // with a critical warning, to request an existing pad name.)
  fail_unless(gst_element_request_pad_simple(enc, "sink_65535") == nullptr);
  fail_unless(gst_element_request_pad_simple(enc, "sink_x") == nullptr);
  // No name: the lowest free stream id.
  GstPad* p0 = gst_element_request_pad_simple(enc, "sink_%u");
  fail_unless(p0 != nullptr);
  fail_unless_equals_string(GST_PAD_NAME(p0), "sink_0");
  GstPad* p1 = gst_element_request_pad_simple(enc, "sink_%u");
  fail_unless_equals_string(GST_PAD_NAME(p1), "sink_1");
  fail_unless_equals_int(enc->numsinkpads, 3);

  gst_element_release_request_pad(enc, p5);
  gst_object_unref(p5);
  fail_unless_equals_int(enc->numsinkpads, 2);
  GstPad* again = gst_element_request_pad_simple(enc, "sink_5");
  fail_unless(again != nullptr);

  // bytes-sent is 0 for a pad that sent nothing and for an unknown stream.
  guint64 bytes = 99;
  g_signal_emit_by_name(enc, "bytes-sent", 5u, &bytes);
  fail_unless_equals_uint64(bytes, 0);
  g_signal_emit_by_name(enc, "bytes-sent", 4242u, &bytes);
  fail_unless_equals_uint64(bytes, 0);

  for (GstPad* pad : {p0, p1, again}) {
    gst_element_release_request_pad(enc, pad);
    gst_object_unref(pad);
  }
  fail_unless_equals_int(enc->numsinkpads, 0);
  gst_check_teardown_element(enc);
}
GST_END_TEST;

GST_START_TEST(test_pipeline_links_before_the_association_is_up) {
  // What gst-plugins-bad cannot do: request pads while nothing is connected.
  GError* error = nullptr;
  GstElement* pipeline = gst_parse_launch(
      "fakesrc num-buffers=0 ! sctpenc sctp-association-id=9101 ! fakesink", &error);
  fail_unless(pipeline != nullptr, "%s", error != nullptr ? error->message : "");
  fail_unless(error == nullptr);
  GstElement* enc = gst_bin_get_by_name(GST_BIN(pipeline), "sctpenc0");
  fail_unless(enc != nullptr);
  fail_unless_equals_int(enc->numsinkpads, 1);
  gst_object_unref(enc);
  gst_object_unref(pipeline);
}
GST_END_TEST;

GST_START_TEST(test_state_cycles_leave_nothing_behind) {
  GstElement* pipeline = gst_pipeline_new(nullptr);
  GstElement* enc = gst_element_factory_make("sctpenc", nullptr);
  GstElement* dec = gst_element_factory_make("sctpdec", nullptr);
  GstElement* sink = gst_element_factory_make("fakesink", nullptr);
  g_object_set(enc, "sctp-association-id", 9201u, nullptr);
  g_object_set(dec, "sctp-association-id", 9202u, nullptr);
  g_object_set(sink, "async", FALSE, nullptr);
  gst_bin_add_many(GST_BIN(pipeline), enc, dec, sink, nullptr);
  fail_unless(gst_element_link(enc, sink));
  GstPad* pad = gst_element_request_pad_simple(enc, "sink_3");
  for (int i = 0; i < 5; ++i) {
    fail_unless_equals_int(gst_element_set_state(pipeline, GST_STATE_PLAYING),
                           GST_STATE_CHANGE_SUCCESS);
    GstStructure* stats = nullptr;
    g_object_get(enc, "stats", &stats, nullptr);
    fail_unless(stats != nullptr);
    guint id = 0;
    fail_unless(gst_structure_get_uint(stats, "association-id", &id));
    fail_unless_equals_int(id, 9201);
    gst_structure_free(stats);
    fail_unless_equals_int(gst_element_set_state(pipeline, GST_STATE_NULL),
                           GST_STATE_CHANGE_SUCCESS);
  }
  // The request pad survives the cycles.
  fail_unless_equals_int(enc->numsinkpads, 1);
  gst_element_release_request_pad(enc, pad);
  gst_object_unref(pad);
  ASSERT_OBJECT_REFCOUNT(pipeline, "pipeline", 1);
  gst_object_unref(pipeline);
}
GST_END_TEST;

GST_START_TEST(test_two_encoders_cannot_share_an_association) {
  GstElement* pipeline = gst_pipeline_new(nullptr);
  GstElement* a = gst_element_factory_make("sctpenc", nullptr);
  GstElement* b = gst_element_factory_make("sctpenc", nullptr);
  g_object_set(a, "sctp-association-id", 9301u, nullptr);
  g_object_set(b, "sctp-association-id", 9301u, nullptr);
  gst_bin_add_many(GST_BIN(pipeline), a, b, nullptr);
  fail_unless_equals_int(gst_element_set_state(a, GST_STATE_PAUSED), GST_STATE_CHANGE_SUCCESS);
  fail_unless_equals_int(gst_element_set_state(b, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  GstBus* bus = gst_element_get_bus(pipeline);
  GstMessage* msg = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR);
  fail_unless(msg != nullptr);
  gst_message_unref(msg);
  gst_object_unref(bus);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(pipeline);
}
GST_END_TEST;

// With no association (no sctpdec for this id), a buffer cannot be sent: the
// chain blocks, and must return at once on flush or on a state change.
static void run_blocked_chain(bool unblock_by_flush) {
  GstElement* enc = gst_check_setup_element("sctpenc");
  g_object_set(enc, "sctp-association-id", unblock_by_flush ? 9401u : 9402u, nullptr);
  GstPad* sink = gst_element_request_pad_simple(enc, "sink_0");
  GstPad* peer = gst_pad_new("peer", GST_PAD_SRC);
  fail_unless_equals_int(gst_pad_link(peer, sink), GST_PAD_LINK_OK);
  gst_pad_set_active(peer, TRUE);
  fail_unless_equals_int(gst_element_set_state(enc, GST_STATE_PLAYING), GST_STATE_CHANGE_SUCCESS);
  gst_pad_push_event(peer, gst_event_new_stream_start("test"));
  GstSegment segment;
  gst_segment_init(&segment, GST_FORMAT_BYTES);
  gst_pad_push_event(peer, gst_event_new_segment(&segment));

  std::atomic<bool> returned{false};
  std::atomic<int> flow{GST_FLOW_OK};
  std::thread pusher([&] {
    flow = gst_pad_push(peer, gst_buffer_new_allocate(nullptr, 100, nullptr));
    returned = true;
  });
  g_usleep(100 * 1000);
  fail_if(returned.load(), "the chain did not block");
  if (unblock_by_flush) {
    gst_pad_push_event(peer, gst_event_new_flush_start());
  } else {
    fail_unless_equals_int(gst_element_set_state(enc, GST_STATE_NULL), GST_STATE_CHANGE_SUCCESS);
  }
  pusher.join();
  fail_unless(returned.load());
  fail_unless_equals_int(flow.load(), GST_FLOW_FLUSHING);
  if (unblock_by_flush) {
    gst_pad_push_event(peer, gst_event_new_flush_stop(TRUE));
    fail_unless_equals_int(gst_element_set_state(enc, GST_STATE_NULL), GST_STATE_CHANGE_SUCCESS);
  }
  gst_pad_set_active(peer, FALSE);
  gst_pad_unlink(peer, sink);
  gst_object_unref(peer);
  gst_element_release_request_pad(enc, sink);
  gst_object_unref(sink);
  gst_check_teardown_element(enc);
}

GST_START_TEST(test_blocked_sink_pad_is_unblocked_by_flush) {
  run_blocked_chain(true);
}
GST_END_TEST;

GST_START_TEST(test_blocked_sink_pad_is_unblocked_by_state_change) {
  run_blocked_chain(false);
}
GST_END_TEST;

static GstPadProbeReturn hold_everything(GstPad*, GstPadProbeInfo*, gpointer hit) {
  static_cast<std::atomic<bool>*>(hit)->store(true);
  return GST_PAD_PROBE_OK;  // with a BLOCK probe: the push waits until the pad flushes
}

// The src pad's task blocked in a push (a blocking probe holds sctpenc's
// output, as an application gating DTLS does) must not hang the way down
// to NULL: the pad is flushed before the task is joined.
GST_START_TEST(test_stop_while_output_is_held_downstream) {
  GstElement* pipeline = gst_pipeline_new(nullptr);
  GstElement* enc = gst_element_factory_make("sctpenc", nullptr);
  GstElement* dec = gst_element_factory_make("sctpdec", nullptr);
  GstElement* sink = gst_element_factory_make("fakesink", nullptr);
  g_object_set(enc, "sctp-association-id", 9501u, nullptr);
  g_object_set(dec, "sctp-association-id", 9501u, nullptr);
  g_object_set(sink, "async", FALSE, nullptr);
  gst_bin_add_many(GST_BIN(pipeline), enc, dec, sink, nullptr);
  fail_unless(gst_element_link(enc, sink));
  std::atomic<bool> hit{false};
  GstPad* enc_src = gst_element_get_static_pad(enc, "src");
  gst_pad_add_probe(enc_src,
                    GstPadProbeType(GST_PAD_PROBE_TYPE_BLOCK | GST_PAD_PROBE_TYPE_DATA_DOWNSTREAM),
                    hold_everything, &hit, nullptr);
  gst_object_unref(enc_src);
  fail_if(gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE);
  // The association starts and sctpenc pushes its INIT into the probe.
  for (int i = 0; i < 500 && !hit.load(); ++i)
    g_usleep(10 * 1000);
  fail_unless(hit.load(), "sctpenc pushed nothing");

  std::atomic<bool> stopped{false};
  std::thread stopper([&] {
    gst_element_set_state(pipeline, GST_STATE_NULL);
    stopped = true;
  });
  for (int i = 0; i < 1000 && !stopped.load(); ++i)
    g_usleep(10 * 1000);
  fail_unless(stopped.load(), "going to NULL hangs while a push is held downstream");
  stopper.join();
  gst_object_unref(pipeline);
}
GST_END_TEST;

static Suite* sctp_elements_suite() {
  Suite* s = suite_create("sctp-elements");
  TCase* tc = tcase_create("general");
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_sctpenc_interface_matches_gst_plugins_bad);
  tcase_add_test(tc, test_sctpdec_interface_matches_gst_plugins_bad);
  tcase_add_test(tc, test_request_and_release_pads_before_any_association);
  tcase_add_test(tc, test_pipeline_links_before_the_association_is_up);
  tcase_add_test(tc, test_state_cycles_leave_nothing_behind);
  tcase_add_test(tc, test_two_encoders_cannot_share_an_association);
  tcase_add_test(tc, test_blocked_sink_pad_is_unblocked_by_flush);
  tcase_add_test(tc, test_blocked_sink_pad_is_unblocked_by_state_change);
  tcase_add_test(tc, test_stop_while_output_is_held_downstream);
  return s;
}

GST_CHECK_MAIN(sctp_elements)
