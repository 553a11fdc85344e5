#include "reconfig/stream_reset_handler.h"

#include <algorithm>
#include <utility>
#include <variant>

namespace sctp {
namespace {

// Two requests may share one RE-CONFIG chunk (RFC 6525 section 3.1), so the
// responses of the last two are kept for retransmitted chunks.
constexpr size_t kStoredResponses = 2;

bool contains(std::span<const StreamId> streams, StreamId stream) {
  return std::find(streams.begin(), streams.end(), stream) != streams.end();
}

bool is_success(ReconfigResult result) {
  return result == ReconfigResult::kSuccessPerformed ||
         result == ReconfigResult::kSuccessNothingToDo;
}

}  // namespace

StreamResetHandler::StreamResetHandler(StreamResetContext& context, Timer& retransmit_timer,
                                       Tsn local_initial_tsn, Tsn peer_initial_tsn)
    : context_(context),
      timer_(retransmit_timer),
      next_request_sn_(local_initial_tsn.value()),
      expected_peer_sn_(peer_initial_tsn.value()) {}

// ---------------------------------------------------------------- outgoing

void StreamResetHandler::reset_streams(std::span<const StreamId> streams) {
  for (StreamId stream : streams) {
    if (!is_resetting(stream) && !contains(pending_, stream)) pending_.push_back(stream);
  }
  maybe_send_request();
}

bool StreamResetHandler::is_resetting(StreamId stream) const {
  return contains(pending_, stream) || (outstanding_ && contains(outstanding_->streams, stream));
}

void StreamResetHandler::maybe_send_request() {
  // Section 5.1.1: at most one outstanding request.
  if (outstanding_ || pending_.empty()) return;
  // Section 5.1.2: a stream is reset only after the messages queued on it
  // before the reset have TSNs, so that the Sender's Last Assigned TSN makes
  // the peer deliver them first.
  std::vector<StreamId> ready;
  std::vector<StreamId> waiting;
  for (StreamId stream : pending_)
    (context_.is_outgoing_stream_drained(stream) ? ready : waiting).push_back(stream);
  if (ready.empty()) return;
  pending_ = std::move(waiting);
  context_.pause_outgoing_streams(ready);
  outstanding_ = OutstandingRequest{next_request_sn_, std::move(ready), false,
                                    std::exchange(pending_answers_, std::nullopt),
                                    context_.last_assigned_tsn()};
  next_request_sn_ = next_request_sn_.next();
  send_outstanding();
  timer_.start(context_.current_rto());
}

OutgoingSsnResetRequestParameter StreamResetHandler::build_request() const {
  OutgoingSsnResetRequestParameter request;
  request.request_sn = outstanding_->request_sn;
  // Section 4.1: the request this one answers, else the last one received.
  request.response_sn = outstanding_->answers.value_or(expected_peer_sn_.prev());
  request.sender_last_assigned_tsn = outstanding_->sender_last_assigned_tsn;
  request.streams = outstanding_->streams;
  return request;
}

void StreamResetHandler::send_outstanding() {
  // While a received chunk is handled, the request is built after all its
  // parameters, so its Response Sequence Number field counts them all.
  if (handling_chunk_) {
    send_request_after_chunk_ = true;
    return;
  }
  emit({Parameter(build_request())});
}

void StreamResetHandler::on_retransmit_timer_expired() {
  if (!outstanding_) {
    timer_.stop();
    return;
  }
  if (outstanding_->needs_new_sn) {
    // The peer answered "In progress": ask again, as a new request (the old
    // sequence number was answered). Not a loss, so no error is counted.
    outstanding_->request_sn = next_request_sn_;
    next_request_sn_ = next_request_sn_.next();
    outstanding_->needs_new_sn = false;
    send_outstanding();
    timer_.start(context_.current_rto());
    return;
  }
  // Section 5.1.1: a lost request is retransmitted (same sequence number)
  // with the RTO backed off, and counts as an association error.
  if (!context_.count_association_error()) return;
  send_outstanding();
}

void StreamResetHandler::handle_response(const ReconfigurationResponseParameter& response) {
  // Responses to anything but the outstanding request are stale duplicates.
  if (!outstanding_ || outstanding_->needs_new_sn ||
      response.response_sn != outstanding_->request_sn)
    return;
  if (response.result == ReconfigResult::kInProgress) {
    // Section 5.2.2 deferred processing at the peer: keep the streams
    // paused and ask again after an RTO.
    outstanding_->needs_new_sn = true;
    timer_.start(context_.current_rto());
    return;
  }
  timer_.stop();
  std::vector<StreamId> streams = std::move(outstanding_->streams);
  outstanding_.reset();
  if (is_success(response.result)) {
    context_.commit_outgoing_reset(streams);
    context_.on_outgoing_streams_reset(streams);
  } else {
    context_.resume_outgoing_streams(streams);
    context_.on_outgoing_reset_failed(streams, response.result);
  }
  maybe_send_request();
}

// ---------------------------------------------------------------- incoming

void StreamResetHandler::handle_reconfig(const ReConfigChunk& chunk) {
  handling_chunk_ = true;
  std::vector<Parameter> responses;
  for (const Parameter& parameter : chunk.parameters) {
    if (auto response = handle_request(parameter)) responses.emplace_back(std::move(*response));
  }
  handling_chunk_ = false;
  if (std::exchange(send_request_after_chunk_, false) && outstanding_)
    responses.emplace_back(build_request());
  if (!responses.empty()) emit(std::move(responses));
}

void StreamResetHandler::emit(std::vector<Parameter> parameters) {
  const auto is_response = [](const Parameter& p) {
    return std::holds_alternative<ReconfigurationResponseParameter>(p);
  };
  // Responses first so that a request can follow the last one.
  std::stable_partition(parameters.begin(), parameters.end(), is_response);
  ReConfigChunk chunk;
  for (Parameter& parameter : parameters) {
    const bool pairable = chunk.parameters.size() == 1 && is_response(chunk.parameters.front());
    if (!chunk.parameters.empty() && !pairable) {
      context_.send_reconfig(chunk);
      chunk.parameters.clear();
    }
    chunk.parameters.push_back(std::move(parameter));
    if (chunk.parameters.size() == ReConfigChunk::kMaxParameters) {
      context_.send_reconfig(chunk);
      chunk.parameters.clear();
    }
  }
  if (!chunk.parameters.empty()) context_.send_reconfig(chunk);
}

StreamResetHandler::SequenceCheck StreamResetHandler::check_sequence_number(
    ReconfigRequestSn sn) const {
  if (sn == expected_peer_sn_) return {true, std::nullopt};
  // Section 5.2.1: a retransmitted request gets the same response again.
  for (const StoredResponse& stored : stored_responses_) {
    if (stored.request_sn == sn) return {false, stored.result};
  }
  return {false, ReconfigResult::kErrorBadSequenceNumber};
}

void StreamResetHandler::remember_response(ReconfigRequestSn sn,
                                           std::optional<ReconfigResult> result) {
  stored_responses_.push_back({sn, result});
  if (stored_responses_.size() > kStoredResponses) stored_responses_.pop_front();
}

std::optional<ReconfigurationResponseParameter> StreamResetHandler::handle_request(
    const Parameter& parameter) {
  if (const auto* response = std::get_if<ReconfigurationResponseParameter>(&parameter)) {
    handle_response(*response);
    return std::nullopt;
  }
  std::optional<ReconfigRequestSn> sn;
  std::visit(
      [&sn](const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, OutgoingSsnResetRequestParameter> ||
                      std::is_same_v<P, IncomingSsnResetRequestParameter> ||
                      std::is_same_v<P, SsnTsnResetRequestParameter> ||
                      std::is_same_v<P, AddOutgoingStreamsRequestParameter> ||
                      std::is_same_v<P, AddIncomingStreamsRequestParameter>)
          sn = p.request_sn;
      },
      parameter);
  // Other parameters cannot be in a RE-CONFIG chunk that passed
  // ReConfigChunk::is_allowed_combination(), which the socket checks first.
  if (!sn) return std::nullopt;

  std::optional<ReconfigResult> result;
  const SequenceCheck check = check_sequence_number(*sn);
  if (!check.process) {
    result = check.answer;
  } else {
    if (const auto* out = std::get_if<OutgoingSsnResetRequestParameter>(&parameter)) {
      result = handle_outgoing_request(*out);
    } else if (const auto* in = std::get_if<IncomingSsnResetRequestParameter>(&parameter)) {
      result = handle_incoming_request(*in);
    } else {
      // SSN/TSN Reset (5.2.4) and Add Outgoing/Incoming Streams (5.2.5,
      // 5.2.6) are not implemented: refused, never ignored.
      result = ReconfigResult::kDenied;
    }
    expected_peer_sn_ = expected_peer_sn_.next();
    remember_response(*sn, result);
  }
  if (!result) return std::nullopt;
  ReconfigurationResponseParameter response;
  response.response_sn = *sn;
  response.result = *result;
  return response;
}

ReconfigResult StreamResetHandler::handle_outgoing_request(
    const OutgoingSsnResetRequestParameter& request) {
  // A deferred reset that became possible is performed before looking at
  // this request, which may be the retry of the deferred one.
  on_cumulative_tsn_ack_advanced();
  const auto same_as = [&request](const DeferredIncomingReset& reset) {
    return reset.sender_last_assigned_tsn == request.sender_last_assigned_tsn &&
           reset.streams == request.streams;
  };
  if (deferred_) {
    return same_as(*deferred_) ? ReconfigResult::kInProgress
                               : ReconfigResult::kErrorRequestAlreadyInProgress;
  }
  if (applied_deferred_ && same_as(*applied_deferred_)) {
    // The retry after "In progress": the reset was already performed when
    // the data arrived; resetting again would rewind the streams.
    applied_deferred_.reset();
    return ReconfigResult::kSuccessPerformed;
  }
  applied_deferred_.reset();
  // Section 5.2.2: perform the reset once everything the peer sent before
  // it has arrived, else defer it (and hold later data) until then.
  if (request.sender_last_assigned_tsn <= context_.cumulative_tsn_ack()) {
    context_.reset_incoming_streams(request.streams);
    context_.on_incoming_streams_reset(request.streams);
    return ReconfigResult::kSuccessPerformed;
  }
  deferred_ = DeferredIncomingReset{request.sender_last_assigned_tsn, request.streams};
  context_.defer_incoming_reset(request.sender_last_assigned_tsn, request.streams);
  return ReconfigResult::kInProgress;
}

std::optional<ReconfigResult> StreamResetHandler::handle_incoming_request(
    const IncomingSsnResetRequestParameter& request) {
  // An empty list means "all streams" (section 4.2); which streams we have
  // used is not tracked here, so there is nothing this side resets.
  if (request.streams.empty()) return ReconfigResult::kSuccessNothingToDo;
  bool added = false;
  for (StreamId stream : request.streams) {
    if (!is_resetting(stream)) {
      pending_.push_back(stream);
      added = true;
    }
  }
  // Every stream is already in a request of ours, which will reach the peer.
  if (!added) return ReconfigResult::kInProgress;
  // Section 5.2.3: our Outgoing SSN Reset Request is the response.
  pending_answers_ = request.request_sn;
  maybe_send_request();
  return std::nullopt;
}

void StreamResetHandler::on_cumulative_tsn_ack_advanced() {
  if (!deferred_ || !context_.apply_deferred_incoming_reset()) return;
  applied_deferred_ = std::move(deferred_);
  deferred_.reset();
  context_.on_incoming_streams_reset(applied_deferred_->streams);
}

}  // namespace sctp
