// sctpdec with several src pads, each feeding its own async sink, in a live
// receiving pipeline (the shape of `udpsrc ! sctpdec dec.src_0 ! filesink
// dec.src_1 ! filesink`): the pipeline waits for every sink to preroll, so the
// first message on src_0 blocks downstream until src_1 has delivered too.
// Each src pad has its own queue and task, so the other streams still flow.
//
// The two endpoints are two pipelines bridged in-process: each sctpenc ends in
// an appsink whose packets are pushed into the other pipeline's live appsrc.
#include <atomic>
#include <functional>

#include <gst/check/gstcheck.h>

namespace {

constexpr int kMessagesPerStream = 20;

struct Endpoint {
  GstElement* pipeline = nullptr;
  GstElement* in = nullptr;   // live appsrc feeding sctpdec
  GstElement* out = nullptr;  // appsink after sctpenc
  GstElement* enc = nullptr;
  Endpoint* peer = nullptr;

  explicit Endpoint(const char* description) {
    GError* error = nullptr;
    pipeline = gst_parse_launch(description, &error);
    fail_unless(pipeline != nullptr && error == nullptr, "%s",
                error != nullptr ? error->message : "");
    in = gst_bin_get_by_name(GST_BIN(pipeline), "in");
    out = gst_bin_get_by_name(GST_BIN(pipeline), "out");
    enc = gst_bin_get_by_name(GST_BIN(pipeline), "enc");
    g_signal_connect(out, "new-sample", G_CALLBACK(forward_packet), this);
  }
  ~Endpoint() {
    gst_element_set_state(pipeline, GST_STATE_NULL);
    for (GstElement* e : {in, out, enc})
      gst_object_unref(e);
    gst_object_unref(pipeline);
  }

  // A packet sctpenc produced: into the peer's sctpdec.
  static GstFlowReturn forward_packet(GstElement* sink, gpointer data) {
    auto* self = static_cast<Endpoint*>(data);
    GstSample* sample = nullptr;
    g_signal_emit_by_name(sink, "pull-sample", &sample);
    if (sample == nullptr) return GST_FLOW_EOS;
    GstFlowReturn ret = GST_FLOW_OK;
    g_signal_emit_by_name(self->peer->in, "push-buffer", gst_sample_get_buffer(sample), &ret);
    gst_sample_unref(sample);
    return GST_FLOW_OK;  // the peer stopping looks like a lossy link
  }
};

void count_buffer(GstElement*, GstBuffer*, GstPad*, gpointer data) {
  static_cast<std::atomic<int>*>(data)->fetch_add(1);
}

void note_established(GstElement*, gboolean established, gpointer data) {
  static_cast<std::atomic<bool>*>(data)->store(established != FALSE);
}

bool wait_for(const std::function<bool()>& condition, int seconds = 10) {
  const gint64 deadline = g_get_monotonic_time() + gint64(seconds) * G_USEC_PER_SEC;
  while (g_get_monotonic_time() < deadline) {
    if (condition()) return true;
    g_usleep(5000);
  }
  return condition();
}

void push(GstElement* src, guint8 fill) {
  GstBuffer* buffer = gst_buffer_new_allocate(nullptr, 1000, nullptr);
  gst_buffer_memset(buffer, 0, fill, 1000);
  GstFlowReturn ret = GST_FLOW_OK;
  g_signal_emit_by_name(src, "push-buffer", buffer, &ret);
  gst_buffer_unref(buffer);
  fail_unless_equals_int(ret, GST_FLOW_OK);
}

}  // namespace

GST_START_TEST(test_two_src_pads_each_feeding_an_async_sink) {
  // Receiver: the sinks are async (the default) and exist before the pads do.
  Endpoint receiver(
      "appsrc name=in is-live=true caps=application/x-sctp ! sctpdec name=dec "
      "sctp-association-id=3101 "
      "dec.src_0 ! fakesink name=s0 signal-handoffs=true sync=false "
      "dec.src_1 ! fakesink name=s1 signal-handoffs=true sync=false "
      "sctpenc name=enc sctp-association-id=3101 ! "
      "appsink name=out emit-signals=true sync=false async=false");
  Endpoint sender(
      "appsrc name=a0 caps=\"application/x-data,ordered=(boolean)true,ppid=(uint)53\" ! enc.sink_0 "
      "appsrc name=a1 caps=\"application/x-data,ordered=(boolean)true,ppid=(uint)53\" ! enc.sink_1 "
      "sctpenc name=enc sctp-association-id=3102 ! "
      "appsink name=out emit-signals=true sync=false async=false "
      "appsrc name=in is-live=true caps=application/x-sctp ! sctpdec sctp-association-id=3102");
  receiver.peer = &sender;
  sender.peer = &receiver;

  std::atomic<int> received[2]{0, 0};
  for (int i = 0; i < 2; ++i) {
    gchar* name = g_strdup_printf("s%d", i);
    GstElement* sink = gst_bin_get_by_name(GST_BIN(receiver.pipeline), name);
    g_free(name);
    g_signal_connect(sink, "handoff", G_CALLBACK(count_buffer), &received[i]);
    gst_object_unref(sink);
  }
  std::atomic<bool> established{false};
  g_signal_connect(sender.enc, "sctp-association-established", G_CALLBACK(note_established),
                   &established);

  fail_if(gst_element_set_state(receiver.pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE);
  fail_if(gst_element_set_state(sender.pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE);
  fail_unless(wait_for([&] { return established.load(); }));

  GstElement* a0 = gst_bin_get_by_name(GST_BIN(sender.pipeline), "a0");
  GstElement* a1 = gst_bin_get_by_name(GST_BIN(sender.pipeline), "a1");
  // Stream 0 first: its sink blocks (prerolling) until stream 1's arrives.
  for (int i = 0; i < kMessagesPerStream; ++i)
    push(a0, guint8(i));
  for (int i = 0; i < kMessagesPerStream; ++i)
    push(a1, guint8(i));

  fail_unless(wait_for([&] {
                return received[0] == kMessagesPerStream && received[1] == kMessagesPerStream;
              }),
              "received %d on src_0 and %d on src_1", received[0].load(), received[1].load());
  // Both sinks prerolled, so the receiving pipeline reached PLAYING.
  GstState state = GST_STATE_NULL;
  const GstStateChangeReturn ret =
      gst_element_get_state(receiver.pipeline, &state, nullptr, 5 * GST_SECOND);
  fail_unless(ret == GST_STATE_CHANGE_SUCCESS || ret == GST_STATE_CHANGE_NO_PREROLL);
  fail_unless_equals_int(state, GST_STATE_PLAYING);

  gst_object_unref(a0);
  gst_object_unref(a1);
  // Both stop before either Endpoint goes: each one's appsink callback
  // pushes into the other's appsrc.
  gst_element_set_state(receiver.pipeline, GST_STATE_NULL);
  gst_element_set_state(sender.pipeline, GST_STATE_NULL);
}
GST_END_TEST;

static Suite* sctp_async_sinks_suite() {
  Suite* s = suite_create("sctp-async-sinks");
  TCase* tc = tcase_create("async-sinks");
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_two_src_pads_each_feeding_an_async_sink);
  return s;
}

GST_CHECK_MAIN(sctp_async_sinks)
