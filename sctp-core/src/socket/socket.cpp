// sctp::Socket forwards to Socket::Impl (socket_impl.h), which holds the
// association state machine.
#include "sctp/socket.h"

#include "socket/socket_impl.h"

namespace sctp {

Socket::Socket(const SocketOptions& options, SocketCallbacks& callbacks)
    : impl_(std::make_unique<Impl>(options, callbacks)) {}
Socket::~Socket() = default;

void Socket::connect() {
  impl_->connect();
}
void Socket::shutdown() {
  impl_->shutdown();
}
void Socket::abort(std::string_view reason) {
  impl_->abort(reason);
}
void Socket::receive_packet(std::span<const uint8_t> packet) {
  impl_->receive_packet(packet);
}
void Socket::handle_timeout(TimerId id) {
  impl_->handle_timeout(id);
}
SendStatus Socket::send(StreamId stream, std::span<const uint8_t> payload,
                        const SendOptions& options) {
  return impl_->send(stream, payload, options);
}
size_t Socket::buffered_amount(StreamId stream) const {
  return impl_->buffered_amount(stream);
}
size_t Socket::total_buffered_amount() const {
  return impl_->total_buffered_amount();
}
void Socket::set_stream_priority(StreamId stream, uint16_t priority) {
  impl_->set_stream_priority(stream, priority);
}
void Socket::set_buffered_amount_low_threshold(StreamId stream, size_t bytes) {
  impl_->set_buffered_amount_low_threshold(stream, bytes);
}
void Socket::set_total_buffered_amount_low_threshold(size_t bytes) {
  impl_->set_total_buffered_amount_low_threshold(bytes);
}
void Socket::consume_received(size_t bytes) {
  impl_->consume_received(bytes);
}
bool Socket::reset_streams(std::span<const StreamId> outgoing_streams) {
  return impl_->reset_streams(outgoing_streams);
}
SocketState Socket::state() const {
  return impl_->state();
}
Metrics Socket::metrics() const {
  return impl_->metrics();
}
const SocketOptions& Socket::options() const {
  return impl_->options();
}

}  // namespace sctp
