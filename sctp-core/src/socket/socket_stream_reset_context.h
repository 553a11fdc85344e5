// The association's side of the stream reset handler (RFC 6525): forwards
// StreamResetContext calls to the socket's send queue, reassembly queue,
// data tracker, RTO and callbacks.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "reconfig/stream_reset_context.h"
#include "sctp/socket.h"

namespace sctp {

class SocketStreamResetContext final : public StreamResetContext {
 public:
  explicit SocketStreamResetContext(Socket::Impl& socket) : socket_(socket) {}

  [[nodiscard]] bool is_outgoing_stream_drained(StreamId stream) const override;
  void pause_outgoing_streams(std::span<const StreamId> streams) override;
  void commit_outgoing_reset(std::span<const StreamId> streams) override;
  void resume_outgoing_streams(std::span<const StreamId> streams) override;
  [[nodiscard]] Tsn last_assigned_tsn() const override;
  [[nodiscard]] Tsn cumulative_tsn_ack() const override;
  void reset_incoming_streams(std::span<const StreamId> streams) override;
  void defer_incoming_reset(Tsn sender_last_assigned_tsn,
                            std::span<const StreamId> streams) override;
  bool apply_deferred_incoming_reset() override;
  void send_reconfig(const ReConfigChunk& chunk) override;
  [[nodiscard]] DurationMs current_rto() const override;
  bool count_association_error() override;
  void on_outgoing_streams_reset(std::span<const StreamId> streams) override;
  void on_incoming_streams_reset(std::span<const StreamId> streams) override;
  void on_outgoing_reset_failed(std::span<const StreamId> streams, ReconfigResult result) override;

 private:
  Socket::Impl& socket_;
  // Messages ready for delivery before a deferred reset replayed the data
  // held behind it: the reset is reported after those.
  std::optional<size_t> deferred_reset_position_;
};

}  // namespace sctp
