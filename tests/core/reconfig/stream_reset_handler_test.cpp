// StreamResetHandler (RFC 6525) against a fake association context.
#include "reconfig/stream_reset_handler.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

namespace sctp {
namespace {

using Streams = std::vector<StreamId>;

constexpr Tsn kLocalInitialTsn(1000);
constexpr Tsn kPeerInitialTsn(5000);
constexpr DurationMs kRto(200);

class FakeScheduler : public TimerScheduler {
 public:
  void start_timer(TimerId id, DurationMs duration) override { started[id] = duration; }
  void stop_timer(TimerId id) override { started.erase(id); }
  std::map<TimerId, DurationMs> started;
};

class FakeContext : public StreamResetContext {
 public:
  bool is_outgoing_stream_drained(StreamId stream) const override {
    return !undrained.contains(stream.value());
  }
  void pause_outgoing_streams(std::span<const StreamId> s) override {
    paused.assign(s.begin(), s.end());
  }
  void commit_outgoing_reset(std::span<const StreamId> s) override {
    committed.assign(s.begin(), s.end());
  }
  void resume_outgoing_streams(std::span<const StreamId> s) override {
    resumed.assign(s.begin(), s.end());
  }
  Tsn last_assigned_tsn() const override { return last_tsn; }
  Tsn cumulative_tsn_ack() const override { return cum_ack; }
  void reset_incoming_streams(std::span<const StreamId> s) override {
    incoming_resets.emplace_back(s.begin(), s.end());
  }
  void defer_incoming_reset(Tsn tsn, std::span<const StreamId> s) override {
    deferred_tsn = tsn;
    deferred_streams.assign(s.begin(), s.end());
  }
  bool apply_deferred_incoming_reset() override {
    if (!deferred_tsn || cum_ack < *deferred_tsn) return false;
    deferred_tsn.reset();
    incoming_resets.push_back(deferred_streams);
    return true;
  }
  void send_reconfig(const ReConfigChunk& chunk) override {
    EXPECT_TRUE(chunk.is_allowed_combination());
    sent.push_back(chunk);
  }
  DurationMs current_rto() const override { return kRto; }
  bool count_association_error() override {
    ++errors;
    return errors <= max_errors;
  }
  void on_outgoing_streams_reset(std::span<const StreamId> s) override {
    outgoing_reset_events.emplace_back(s.begin(), s.end());
  }
  void on_incoming_streams_reset(std::span<const StreamId> s) override {
    incoming_reset_events.emplace_back(s.begin(), s.end());
  }
  void on_outgoing_reset_failed(std::span<const StreamId> s, ReconfigResult r) override {
    failures.emplace_back(Streams(s.begin(), s.end()), r);
  }

  std::set<uint16_t> undrained;
  Tsn last_tsn = kLocalInitialTsn.prev();
  Tsn cum_ack = kPeerInitialTsn.prev();
  int errors = 0;
  int max_errors = 10;
  Streams paused, committed, resumed;
  std::vector<Streams> incoming_resets;
  std::optional<Tsn> deferred_tsn;
  Streams deferred_streams;
  std::vector<ReConfigChunk> sent;
  std::vector<Streams> outgoing_reset_events, incoming_reset_events;
  std::vector<std::pair<Streams, ReconfigResult>> failures;
};

class StreamResetHandlerTest : public ::testing::Test {
 protected:
  StreamResetHandlerTest()
      : timers_(scheduler_),
        timer_(timers_.create("re-config", {TimerBackoff::kExponential, DurationMs(60000), {}},
                              [this] { handler_.on_retransmit_timer_expired(); })),
        handler_(context_, *timer_, kLocalInitialTsn, kPeerInitialTsn) {}

  void expire_timer() { ASSERT_TRUE(timers_.handle_timeout(timer_->current_id())); }

  // The single Outgoing SSN Reset Request of the last chunk sent.
  const OutgoingSsnResetRequestParameter& last_request() {
    const auto& params = context_.sent.back().parameters;
    for (const Parameter& p : params)
      if (const auto* r = std::get_if<OutgoingSsnResetRequestParameter>(&p)) return *r;
    ADD_FAILURE() << "no request in the last chunk";
    static OutgoingSsnResetRequestParameter none;
    return none;
  }
  std::vector<ReconfigurationResponseParameter> last_responses() {
    std::vector<ReconfigurationResponseParameter> out;
    for (const Parameter& p : context_.sent.back().parameters)
      if (const auto* r = std::get_if<ReconfigurationResponseParameter>(&p)) out.push_back(*r);
    return out;
  }
  static ReConfigChunk response(ReconfigRequestSn sn, ReconfigResult result) {
    ReconfigurationResponseParameter p;
    p.response_sn = sn;
    p.result = result;
    return ReConfigChunk{{p}};
  }
  static ReConfigChunk outgoing_request(uint32_t sn, Tsn last_tsn, Streams streams) {
    OutgoingSsnResetRequestParameter p;
    p.request_sn = ReconfigRequestSn(sn);
    p.response_sn = ReconfigRequestSn(kLocalInitialTsn.value() - 1);
    p.sender_last_assigned_tsn = last_tsn;
    p.streams = std::move(streams);
    return ReConfigChunk{{p}};
  }
  static ReconfigRequestSn peer_sn(uint32_t offset) {
    return ReconfigRequestSn(kPeerInitialTsn.value() + offset);
  }

  FakeScheduler scheduler_;
  FakeContext context_;
  TimerManager timers_;
  Timer* timer_;
  StreamResetHandler handler_;
};

// --- Outgoing SSN Reset Request (RFC 6525 section 5.1.2).

TEST_F(StreamResetHandlerTest, RequestCarriesInitialTsnAsFirstSequenceNumberAndLastAssignedTsn) {
  context_.last_tsn = Tsn(1041);
  handler_.reset_streams(Streams{StreamId(1), StreamId(3)});
  ASSERT_EQ(context_.sent.size(), 1u);
  const auto& r = last_request();
  // 5.1.1: the first request sequence number is the initial TSN.
  EXPECT_EQ(r.request_sn, ReconfigRequestSn(kLocalInitialTsn.value()));
  // 4.1: nothing received yet, so expected peer sn - 1.
  EXPECT_EQ(r.response_sn, ReconfigRequestSn(kPeerInitialTsn.value() - 1));
  EXPECT_EQ(r.sender_last_assigned_tsn, Tsn(1041));
  EXPECT_EQ(r.streams, (Streams{StreamId(1), StreamId(3)}));
  EXPECT_EQ(context_.paused, (Streams{StreamId(1), StreamId(3)}));
  EXPECT_TRUE(timer_->is_running());
  EXPECT_TRUE(handler_.is_resetting(StreamId(1)));
  EXPECT_FALSE(handler_.is_resetting(StreamId(2)));
}

TEST_F(StreamResetHandlerTest, SuccessCommitsResetAndReportsStreams) {
  handler_.reset_streams(Streams{StreamId(1)});
  const auto sn = last_request().request_sn;
  handler_.handle_reconfig(response(sn, ReconfigResult::kSuccessPerformed));
  EXPECT_EQ(context_.committed, Streams{StreamId(1)});
  ASSERT_EQ(context_.outgoing_reset_events.size(), 1u);
  EXPECT_EQ(context_.outgoing_reset_events[0], Streams{StreamId(1)});
  EXPECT_FALSE(timer_->is_running());
  EXPECT_FALSE(handler_.is_resetting(StreamId(1)));
  EXPECT_EQ(handler_.next_request_sn(), sn.next());
}

TEST_F(StreamResetHandlerTest, WaitsForQueuedDataBeforeSendingRequest) {
  // 5.1.2: data queued before the reset must get TSNs first.
  context_.undrained.insert(1);
  handler_.reset_streams(Streams{StreamId(1)});
  EXPECT_TRUE(context_.sent.empty());
  EXPECT_TRUE(handler_.is_resetting(StreamId(1)));
  handler_.maybe_send_request();
  EXPECT_TRUE(context_.sent.empty());
  context_.undrained.clear();
  context_.last_tsn = Tsn(1100);
  handler_.maybe_send_request();
  ASSERT_EQ(context_.sent.size(), 1u);
  EXPECT_EQ(last_request().sender_last_assigned_tsn, Tsn(1100));
}

TEST_F(StreamResetHandlerTest, OneOutstandingRequestAtATimeFurtherStreamsQueued) {
  // 5.1.1: only one outstanding request.
  handler_.reset_streams(Streams{StreamId(1)});
  handler_.reset_streams(Streams{StreamId(2), StreamId(1)});
  ASSERT_EQ(context_.sent.size(), 1u);
  EXPECT_TRUE(handler_.is_resetting(StreamId(2)));
  handler_.handle_reconfig(response(last_request().request_sn, ReconfigResult::kSuccessPerformed));
  ASSERT_EQ(context_.sent.size(), 2u);
  EXPECT_EQ(last_request().streams, Streams{StreamId(2)});
  EXPECT_EQ(last_request().request_sn, ReconfigRequestSn(kLocalInitialTsn.value() + 1));
}

TEST_F(StreamResetHandlerTest, LostRequestIsRetransmittedWithSameSequenceNumberAndBackoff) {
  handler_.reset_streams(Streams{StreamId(4)});
  const auto first = last_request();
  expire_timer();
  ASSERT_EQ(context_.sent.size(), 2u);
  EXPECT_EQ(last_request(), first);
  EXPECT_EQ(context_.errors, 1);
  EXPECT_EQ(timer_->current_duration(), 2 * kRto);
  expire_timer();
  EXPECT_EQ(context_.sent.size(), 3u);
  EXPECT_EQ(timer_->current_duration(), 4 * kRto);
}

TEST_F(StreamResetHandlerTest, RetransmissionStopsWhenAssociationFails) {
  context_.max_errors = 1;
  handler_.reset_streams(Streams{StreamId(4)});
  expire_timer();
  EXPECT_EQ(context_.sent.size(), 2u);
  expire_timer();
  EXPECT_EQ(context_.sent.size(), 2u);  // count_association_error() said failed
}

TEST_F(StreamResetHandlerTest, InProgressRetriesWithNewSequenceNumberAfterRto) {
  handler_.reset_streams(Streams{StreamId(4)});
  const auto first = last_request().request_sn;
  handler_.handle_reconfig(response(first, ReconfigResult::kInProgress));
  EXPECT_TRUE(handler_.is_resetting(StreamId(4)));
  EXPECT_TRUE(context_.committed.empty());
  EXPECT_EQ(context_.sent.size(), 1u);
  // A duplicate "In progress" changes nothing.
  handler_.handle_reconfig(response(first, ReconfigResult::kInProgress));
  expire_timer();
  ASSERT_EQ(context_.sent.size(), 2u);
  EXPECT_EQ(last_request().request_sn, first.next());
  EXPECT_EQ(context_.errors, 0);  // not a loss
  handler_.handle_reconfig(response(first.next(), ReconfigResult::kSuccessPerformed));
  EXPECT_EQ(context_.outgoing_reset_events.size(), 1u);
}

TEST_F(StreamResetHandlerTest, DeniedResumesStreamsAndReportsFailure) {
  handler_.reset_streams(Streams{StreamId(4)});
  handler_.handle_reconfig(response(last_request().request_sn, ReconfigResult::kDenied));
  EXPECT_EQ(context_.resumed, Streams{StreamId(4)});
  ASSERT_EQ(context_.failures.size(), 1u);
  EXPECT_EQ(context_.failures[0].second, ReconfigResult::kDenied);
  EXPECT_TRUE(context_.outgoing_reset_events.empty());
  EXPECT_FALSE(handler_.is_resetting(StreamId(4)));
  EXPECT_FALSE(timer_->is_running());
}

TEST_F(StreamResetHandlerTest, ResponseWithOtherSequenceNumberIsIgnored) {
  handler_.reset_streams(Streams{StreamId(4)});
  const auto sn = last_request().request_sn;
  handler_.handle_reconfig(response(sn.prev(), ReconfigResult::kSuccessPerformed));
  handler_.handle_reconfig(response(sn.next(), ReconfigResult::kDenied));
  EXPECT_TRUE(handler_.is_resetting(StreamId(4)));
  EXPECT_TRUE(context_.outgoing_reset_events.empty());
  EXPECT_TRUE(context_.failures.empty());
}

// --- Incoming Outgoing SSN Reset Request (sections 5.2.1, 5.2.2).

TEST_F(StreamResetHandlerTest, PeerRequestPerformedWhenCumulativeAckReachedLastTsn) {
  context_.cum_ack = Tsn(5010);
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value(), Tsn(5010), {StreamId(2)}));
  ASSERT_EQ(context_.incoming_resets.size(), 1u);
  EXPECT_EQ(context_.incoming_resets[0], Streams{StreamId(2)});
  EXPECT_EQ(context_.incoming_reset_events.size(), 1u);
  auto responses = last_responses();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].response_sn, peer_sn(0));
  EXPECT_EQ(responses[0].result, ReconfigResult::kSuccessPerformed);
  EXPECT_EQ(handler_.expected_peer_request_sn(), peer_sn(1));
}

TEST_F(StreamResetHandlerTest, RetransmittedPeerRequestGetsSameResponseWithoutSecondReset) {
  context_.cum_ack = Tsn(5010);
  const auto request = outgoing_request(kPeerInitialTsn.value(), Tsn(5010), {StreamId(2)});
  handler_.handle_reconfig(request);
  handler_.handle_reconfig(request);  // 5.2.1: sn = expected - 1
  EXPECT_EQ(context_.incoming_resets.size(), 1u);
  EXPECT_EQ(context_.sent.size(), 2u);
  EXPECT_EQ(context_.sent[0], context_.sent[1]);
}

TEST_F(StreamResetHandlerTest, UnexpectedSequenceNumberIsBadSequenceNumber) {
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value() + 5, Tsn(5000), {StreamId(2)}));
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value() - 3, Tsn(5000), {StreamId(2)}));
  EXPECT_TRUE(context_.incoming_resets.empty());
  ASSERT_EQ(context_.sent.size(), 2u);
  for (const auto& chunk : context_.sent) {
    const auto& r = std::get<ReconfigurationResponseParameter>(chunk.parameters.at(0));
    EXPECT_EQ(r.result, ReconfigResult::kErrorBadSequenceNumber);
  }
  EXPECT_EQ(handler_.expected_peer_request_sn(), peer_sn(0));
}

TEST_F(StreamResetHandlerTest, PeerRequestAheadOfCumulativeAckIsDeferredThenPerformedOnce) {
  // 5.2.2 deferred reset processing.
  context_.cum_ack = Tsn(5003);
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value(), Tsn(5008), {StreamId(7)}));
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kInProgress);
  EXPECT_EQ(context_.deferred_tsn, Tsn(5008));
  EXPECT_TRUE(handler_.has_deferred_incoming_reset());
  EXPECT_TRUE(context_.incoming_reset_events.empty());

  context_.cum_ack = Tsn(5006);
  handler_.on_cumulative_tsn_ack_advanced();
  EXPECT_TRUE(context_.incoming_reset_events.empty());
  // The peer retries with a new sequence number while still deferred.
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value() + 1, Tsn(5008), {StreamId(7)}));
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kInProgress);

  context_.cum_ack = Tsn(5008);
  handler_.on_cumulative_tsn_ack_advanced();
  ASSERT_EQ(context_.incoming_reset_events.size(), 1u);
  EXPECT_EQ(context_.incoming_resets.size(), 1u);
  EXPECT_FALSE(handler_.has_deferred_incoming_reset());
  // The next retry is answered without resetting again.
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value() + 2, Tsn(5008), {StreamId(7)}));
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kSuccessPerformed);
  EXPECT_EQ(context_.incoming_resets.size(), 1u);
  EXPECT_EQ(context_.incoming_reset_events.size(), 1u);
}

TEST_F(StreamResetHandlerTest, OtherRequestWhileDeferredIsAlreadyInProgress) {
  context_.cum_ack = Tsn(5003);
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value(), Tsn(5008), {StreamId(7)}));
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value() + 1, Tsn(5009), {StreamId(8)}));
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kErrorRequestAlreadyInProgress);
  EXPECT_EQ(context_.deferred_tsn, Tsn(5008));
}

TEST_F(StreamResetHandlerTest, UnsupportedRequestsAreDenied) {
  // 5.2.4-5.2.6 not implemented: answered Denied, never ignored.
  SsnTsnResetRequestParameter ssn_tsn{peer_sn(0)};
  AddOutgoingStreamsRequestParameter add_out{peer_sn(1), 4};
  AddIncomingStreamsRequestParameter add_in{peer_sn(2), 4};
  handler_.handle_reconfig(ReConfigChunk{{ssn_tsn}});
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kDenied);
  handler_.handle_reconfig(ReConfigChunk{{add_out, add_in}});
  const auto responses = last_responses();
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].response_sn, peer_sn(1));
  EXPECT_EQ(responses[1].response_sn, peer_sn(2));
  EXPECT_EQ(responses[0].result, ReconfigResult::kDenied);
  EXPECT_EQ(responses[1].result, ReconfigResult::kDenied);
  // The whole chunk retransmitted (sn = expected - 2 and - 1) gets the same.
  handler_.handle_reconfig(ReConfigChunk{{add_out, add_in}});
  EXPECT_EQ(last_responses(), responses);
}

// --- Incoming SSN Reset Request (section 5.2.3).

TEST_F(StreamResetHandlerTest, IncomingResetRequestAnsweredByOurOutgoingRequest) {
  IncomingSsnResetRequestParameter in{peer_sn(0), {StreamId(3), StreamId(5)}};
  handler_.handle_reconfig(ReConfigChunk{{in}});
  ASSERT_EQ(context_.sent.size(), 1u);
  ASSERT_EQ(context_.sent[0].parameters.size(), 1u);
  const auto& r = last_request();
  EXPECT_EQ(r.response_sn, peer_sn(0));  // implicit response
  EXPECT_EQ(r.streams, (Streams{StreamId(3), StreamId(5)}));
  // A retransmission of it is answered by our request's own retransmission.
  handler_.handle_reconfig(ReConfigChunk{{in}});
  EXPECT_EQ(context_.sent.size(), 1u);
}

TEST_F(StreamResetHandlerTest, EmptyIncomingResetRequestIsNothingToDo) {
  IncomingSsnResetRequestParameter in{peer_sn(0), {}};
  handler_.handle_reconfig(ReConfigChunk{{in}});
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kSuccessNothingToDo);
}

TEST_F(StreamResetHandlerTest, IncomingResetRequestForStreamsAlreadyResettingIsInProgress) {
  handler_.reset_streams(Streams{StreamId(3)});
  IncomingSsnResetRequestParameter in{peer_sn(0), {StreamId(3)}};
  handler_.handle_reconfig(ReConfigChunk{{in}});
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kInProgress);
}

// --- Both directions at once.

TEST_F(StreamResetHandlerTest, SimultaneousResetsOfSameStreamConverge) {
  // Each side resets its outgoing stream 1 (a data channel closed by both).
  context_.cum_ack = Tsn(5000);
  handler_.reset_streams(Streams{StreamId(1)});
  const auto ours = last_request().request_sn;
  // The peer's request crosses ours, then its response to ours arrives.
  handler_.handle_reconfig(outgoing_request(kPeerInitialTsn.value(), Tsn(5000), {StreamId(1)}));
  EXPECT_EQ(last_responses().at(0).result, ReconfigResult::kSuccessPerformed);
  EXPECT_TRUE(handler_.is_resetting(StreamId(1)));
  handler_.handle_reconfig(response(ours, ReconfigResult::kSuccessPerformed));
  EXPECT_EQ(context_.incoming_reset_events.size(), 1u);
  EXPECT_EQ(context_.outgoing_reset_events.size(), 1u);
  EXPECT_FALSE(handler_.is_resetting(StreamId(1)));
}

TEST_F(StreamResetHandlerTest, ResponseAndNewRequestShareOneChunk) {
  // Section 3.1 allows Response + Outgoing SSN Reset Request.
  context_.cum_ack = Tsn(5000);
  handler_.reset_streams(Streams{StreamId(1)});
  handler_.reset_streams(Streams{StreamId(2)});
  OutgoingSsnResetRequestParameter peer = std::get<OutgoingSsnResetRequestParameter>(
      outgoing_request(kPeerInitialTsn.value(), Tsn(5000), {StreamId(9)}).parameters[0]);
  ReconfigurationResponseParameter answer;
  answer.response_sn = last_request().request_sn;
  answer.result = ReconfigResult::kSuccessPerformed;
  handler_.handle_reconfig(ReConfigChunk{{answer, peer}});
  ASSERT_EQ(context_.sent.size(), 2u);
  const auto& chunk = context_.sent.back();
  ASSERT_EQ(chunk.parameters.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ReconfigurationResponseParameter>(chunk.parameters[0]));
  EXPECT_EQ(last_request().streams, Streams{StreamId(2)});
  // Our new request's Response Sequence Number field: the last peer request.
  EXPECT_EQ(last_request().response_sn, peer_sn(0));
}

}  // namespace
}  // namespace sctp
