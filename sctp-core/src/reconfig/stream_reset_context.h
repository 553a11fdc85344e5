// What the stream reset handler (RFC 6525) needs from the rest of the
// association. The socket implements it over its SendQueue, ReassemblyQueue,
// DataTracker, RTO estimator and callbacks; unit tests implement a fake.
// Keeping this narrow is what lets the handler be tested without a socket.
#pragma once

#include <span>
#include <string_view>

#include "packet/chunks/reconfig_chunk.h"
#include "packet/parameters/parameter_fields.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"

namespace sctp {

class StreamResetContext {
 public:
  virtual ~StreamResetContext() = default;

  // --- Outgoing streams (our send side).
  // True when the send queue holds nothing of `stream`: every message queued
  // before the reset was asked for has been given a TSN, so the request's
  // Sender's Last Assigned TSN covers it (RFC 6525 section 5.1.2).
  [[nodiscard]] virtual bool is_outgoing_stream_drained(StreamId stream) const = 0;
  // The streams start no new message until committed or resumed.
  virtual void pause_outgoing_streams(std::span<const StreamId> streams) = 0;
  // The peer performed the reset: SSN/MID restart at 0 and sending resumes.
  virtual void commit_outgoing_reset(std::span<const StreamId> streams) = 0;
  // The peer refused the reset: sending resumes with the old numbering.
  virtual void resume_outgoing_streams(std::span<const StreamId> streams) = 0;
  // The TSN given to the latest DATA/I-DATA chunk (next TSN - 1).
  [[nodiscard]] virtual Tsn last_assigned_tsn() const = 0;

  // --- Incoming streams (our receive side).
  [[nodiscard]] virtual Tsn cumulative_tsn_ack() const = 0;
  // Next expected SSN/MID of the streams becomes 0 (RFC 6525 section 5.2.2).
  virtual void reset_incoming_streams(std::span<const StreamId> streams) = 0;
  // Deferred reset: hold data numbered after the reset until the cumulative
  // TSN ack reaches `sender_last_assigned_tsn`.
  virtual void defer_incoming_reset(Tsn sender_last_assigned_tsn,
                                    std::span<const StreamId> streams) = 0;
  // Performs the deferred reset if the cumulative TSN ack has reached its
  // TSN. Returns true if it was performed.
  virtual bool apply_deferred_incoming_reset() = 0;

  // --- Output, timing and events.
  virtual void send_reconfig(const ReConfigChunk& chunk) = 0;
  [[nodiscard]] virtual DurationMs current_rto() const = 0;
  // The RE-CONFIG retransmission timer expired: counts towards
  // Association.Max.Retrans like T3-rtx (RFC 6525 section 5.1.1, RFC 9260
  // section 8.1). Returns false if the association failed as a result.
  virtual bool count_association_error() = 0;
  virtual void on_outgoing_streams_reset(std::span<const StreamId> streams) = 0;
  virtual void on_incoming_streams_reset(std::span<const StreamId> streams) = 0;
  // The peer refused (Denied, an error result) our reset of `streams`.
  virtual void on_outgoing_reset_failed(std::span<const StreamId> streams,
                                        ReconfigResult result) = 0;
};

}  // namespace sctp
