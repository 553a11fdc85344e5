// Stream reset over RE-CONFIG chunks (RFC 6525), both directions.
//
// Outgoing (section 5.1.2): reset_streams() marks streams as resetting; the
// socket refuses new messages on them (SendStatus::kErrorStreamResetting)
// while what was queued before is still sent first. Once a stream's queued
// data has all been given TSNs it is paused and an Outgoing SSN Reset
// Request is sent carrying the Sender's Last Assigned TSN, so the peer
// delivers everything before the reset. One request is outstanding at a time
// (section 5.1.1); streams asked for meanwhile wait for the next one. The
// request is retransmitted on its own timer with RTO backoff until a
// response arrives. "In progress" re-sends the request after an RTO with a
// fresh sequence number (the peer is waiting for data to arrive).
//
// Incoming (sections 5.2.1-5.2.7): request sequence numbers are checked
// (expected: processed; expected - 1: the stored response is sent again;
// otherwise Error - Bad Sequence Number). An Outgoing SSN Reset Request is
// performed when our cumulative TSN ack has reached its Sender's Last
// Assigned TSN, else deferred ("In progress"); the retried request is then
// answered "Success - Performed" without resetting twice. An Incoming SSN
// Reset Request is answered by our own Outgoing SSN Reset Request for those
// streams, which is its implicit response (section 5.2.3). SSN/TSN Reset and
// Add Streams are answered "Denied": not supported by this implementation.
//
// Simultaneous resets from both ends converge because each direction is
// independent: each side resets its outgoing streams with its own request
// and answers the peer's.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <span>
#include <vector>

#include "packet/chunks/reconfig_chunk.h"
#include "reconfig/stream_reset_context.h"
#include "timer/timer_manager.h"

namespace sctp {

class StreamResetHandler {
 public:
  // `local_initial_tsn` / `peer_initial_tsn` seed the two request sequence
  // number spaces (RFC 6525 section 5.1.1: initialized to the Initial TSN).
  // `retransmit_timer` is created by the owner with exponential backoff
  // capped at RTO.Max and no restart limit; its handler must call
  // on_retransmit_timer_expired().
  StreamResetHandler(StreamResetContext& context, Timer& retransmit_timer, Tsn local_initial_tsn,
                     Tsn peer_initial_tsn);

  // --- Outgoing resets.
  // Queues the streams for reset (duplicates of streams already resetting
  // are ignored) and sends a request if none is outstanding and they are
  // drained.
  void reset_streams(std::span<const StreamId> streams);
  // True from reset_streams() until the peer answered: new messages on the
  // stream are refused.
  [[nodiscard]] bool is_resetting(StreamId stream) const;
  // Sends the request for pending streams once none is outstanding and
  // their queued data is all sent. The socket calls it after sending data.
  void maybe_send_request();
  [[nodiscard]] bool has_outstanding_request() const { return outstanding_.has_value(); }
  void on_retransmit_timer_expired();

  // --- Incoming RE-CONFIG.
  // Processes every parameter of the chunk and sends the responses (bundled
  // in one RE-CONFIG when they fit its two-parameter limit).
  void handle_reconfig(const ReConfigChunk& chunk);
  // The socket calls it after a packet moved the cumulative TSN ack: performs
  // a deferred incoming reset once it is reachable.
  void on_cumulative_tsn_ack_advanced();
  [[nodiscard]] bool has_deferred_incoming_reset() const { return deferred_.has_value(); }

  // For tests and metrics.
  [[nodiscard]] ReconfigRequestSn next_request_sn() const { return next_request_sn_; }
  [[nodiscard]] ReconfigRequestSn expected_peer_request_sn() const { return expected_peer_sn_; }

 private:
  struct OutstandingRequest {
    ReconfigRequestSn request_sn;
    std::vector<StreamId> streams;
    // Set when a timer expiry or "In progress" wants the request sent again:
    // with a new sequence number after "In progress" (the old one was
    // answered), with the same one after a loss.
    bool needs_new_sn = false;
    // Response Sequence Number field: the peer's Incoming SSN Reset Request
    // this request answers implicitly, or expected peer sn - 1.
    std::optional<ReconfigRequestSn> answers;
    Tsn sender_last_assigned_tsn;
  };
  struct DeferredIncomingReset {
    Tsn sender_last_assigned_tsn;
    std::vector<StreamId> streams;
  };
  struct StoredResponse {
    ReconfigRequestSn request_sn;
    // Unset when the answer was implicit (our own Outgoing SSN Reset Request
    // answering an Incoming SSN Reset Request, section 5.2.3).
    std::optional<ReconfigResult> result;
  };
  // What 5.2.1 says to do with a request's sequence number.
  struct SequenceCheck {
    bool process = false;                  // the expected number: process it
    std::optional<ReconfigResult> answer;  // otherwise: the result to send
  };

  // Each returns the response to send (none when the answer is implicit).
  std::optional<ReconfigurationResponseParameter> handle_request(const Parameter& request);
  ReconfigResult handle_outgoing_request(const OutgoingSsnResetRequestParameter& request);
  std::optional<ReconfigResult> handle_incoming_request(
      const IncomingSsnResetRequestParameter& request);
  void handle_response(const ReconfigurationResponseParameter& response);
  [[nodiscard]] SequenceCheck check_sequence_number(ReconfigRequestSn sn) const;
  void remember_response(ReconfigRequestSn sn, std::optional<ReconfigResult> result);

  [[nodiscard]] OutgoingSsnResetRequestParameter build_request() const;
  void send_outstanding();
  // Sends parameters as RE-CONFIG chunks within the section 3.1 combinations:
  // responses in pairs, a request alone or after one response.
  void emit(std::vector<Parameter> parameters);

  StreamResetContext& context_;
  Timer& timer_;
  ReconfigRequestSn next_request_sn_;
  ReconfigRequestSn expected_peer_sn_;

  std::vector<StreamId> pending_;  // asked for, not in a request yet
  std::optional<ReconfigRequestSn> pending_answers_;
  std::optional<OutstandingRequest> outstanding_;

  std::optional<DeferredIncomingReset> deferred_;
  // The deferred reset performed last, so the retried request that follows
  // an "In progress" is answered without resetting the streams again.
  std::optional<DeferredIncomingReset> applied_deferred_;
  // Responses to the latest processed requests (a chunk may carry two), for
  // retransmitted requests (5.2.1: sequence number = expected - 1).
  std::deque<StoredResponse> stored_responses_;
  // While a received chunk is handled, a request to send waits for its end
  // so it can share a chunk with the responses.
  bool handling_chunk_ = false;
  bool send_request_after_chunk_ = false;
};

}  // namespace sctp
