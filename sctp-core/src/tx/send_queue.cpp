#include "tx/send_queue.h"

#include <algorithm>

namespace sctp {

SendQueue::SendQueue(std::unique_ptr<StreamScheduler> scheduler, size_t max_buffered_bytes)
    : scheduler_(std::move(scheduler)), max_buffered_bytes_(max_buffered_bytes) {}

SendQueue::OutStream& SendQueue::stream(StreamId id) {
  return streams_[id.value()];
}

SendQueue::AddResult SendQueue::add(TimeMs now, StreamId id, ByteSpan payload,
                                    const SendOptions& options) {
  if (payload.empty()) return AddResult::kEmpty;
  if (total_buffered_ + payload.size() > max_buffered_bytes_) return AddResult::kBufferFull;
  OutStream& s = stream(id);
  const size_t size = payload.size();
  QueuedMessage m;
  m.id = OutgoingMessageId(next_message_id_++);
  m.data = SharedPayload::copy_of(payload);
  m.ppid = options.ppid;
  m.unordered = options.unordered;
  m.max_retransmissions = options.max_retransmissions;
  if (options.lifetime) m.expires_at = now + *options.lifetime;
  s.queue.push_back(std::move(m));
  s.buffered += size;
  total_buffered_ += size;
  scheduler_->on_message_enqueued(id);
  return AddResult::kOk;
}

bool SendQueue::can_send(StreamId id) const {
  auto it = streams_.find(id.value());
  if (it == streams_.end() || it->second.queue.empty()) return false;
  // A paused stream may still finish the message it has started.
  return !it->second.paused || it->second.queue.front().started;
}

bool SendQueue::has_data_to_send() const {
  if (!interleaving_ && in_progress_) return true;
  return scheduler_->next_stream(*this).has_value();
}

std::optional<OutgoingFragment> SendQueue::produce(TimeMs now, size_t max_payload_bytes) {
  if (max_payload_bytes == 0) return std::nullopt;
  for (;;) {
    std::optional<StreamId> id =
        !interleaving_ && in_progress_ ? in_progress_ : scheduler_->next_stream(*this);
    if (!id) return std::nullopt;
    OutStream& s = stream(*id);
    QueuedMessage& m = s.queue.front();

    // RFC 7496 TTL: a message past its lifetime is abandoned. Not yet
    // started, it simply never goes out; started, its sent fragments are
    // abandoned by the retransmission queue (same expiry) and the rest is
    // dropped here.
    if (m.expires_at && now >= *m.expires_at) {
      ++expired_messages_;
      if (m.started) {
        OutgoingFragment end;
        end.message_id = m.id;
        end.stream_id = *id;
        end.ppid = m.ppid;
        end.unordered = m.unordered;
        end.ending = true;
        end.ssn = m.ssn;
        end.mid = m.mid;
        end.fsn = m.next_fsn;
        end.expires_at = m.expires_at;
        abandoned_ends_.push_back(std::move(end));
      }
      drop_front(*id, s);
      continue;
    }
    if (!m.started) {
      // Sequence numbers are assigned when the first fragment leaves, so a
      // message dropped before that leaves no gap (RFC 9260 6.5, RFC 8260 2.1).
      m.started = true;
      if (m.unordered) {
        m.mid = s.next_unordered_mid;
        s.next_unordered_mid = s.next_unordered_mid.next();
      } else {
        m.ssn = s.next_ssn;
        s.next_ssn = s.next_ssn.next();
        m.mid = s.next_ordered_mid;
        s.next_ordered_mid = s.next_ordered_mid.next();
      }
    }
    const uint32_t remaining = static_cast<uint32_t>(m.data.size()) - m.next_offset;
    const uint32_t length = static_cast<uint32_t>(std::min<size_t>(remaining, max_payload_bytes));
    OutgoingFragment f;
    f.message_id = m.id;
    f.stream_id = *id;
    f.ppid = m.ppid;
    f.unordered = m.unordered;
    f.beginning = m.next_offset == 0;
    f.ending = length == remaining;
    f.ssn = m.ssn;
    f.mid = m.mid;
    f.fsn = m.next_fsn;
    f.expires_at = m.expires_at;
    f.max_retransmissions = m.max_retransmissions;
    f.data = m.data;
    f.offset = m.next_offset;
    f.length = length;

    m.next_offset += length;
    m.next_fsn = m.next_fsn.next();
    if (f.ending) {
      s.queue.pop_front();
      scheduler_->on_message_dequeued(*id);
      in_progress_.reset();
    } else {
      in_progress_ = *id;
    }
    scheduler_->on_fragment_produced(*id, length, f.ending);
    reduce_buffered(*id, s, length);
    return f;
  }
}

void SendQueue::drop_front(StreamId id, OutStream& s) {
  const QueuedMessage& m = s.queue.front();
  const size_t unsent = m.data.size() - m.next_offset;
  s.queue.pop_front();
  scheduler_->on_message_dequeued(id);
  if (in_progress_ == id) in_progress_.reset();
  reduce_buffered(id, s, unsent);
}

bool SendQueue::discard(StreamId id, OutgoingMessageId message) {
  auto it = streams_.find(id.value());
  if (it == streams_.end()) return false;
  OutStream& s = it->second;
  // Only a started message can be abandoned by the retransmission queue, and
  // a stream has at most one started message: its front.
  if (s.queue.empty() || s.queue.front().id != message) return false;
  drop_front(id, s);
  return true;
}

void SendQueue::reduce_buffered(StreamId id, OutStream& s, size_t bytes) {
  if (bytes == 0) return;
  const size_t before = s.buffered;
  s.buffered -= bytes;
  const size_t total_before = total_buffered_;
  total_buffered_ -= bytes;
  if (before > s.low_threshold && s.buffered <= s.low_threshold && on_buffered_amount_low) {
    on_buffered_amount_low(id);
  }
  if (total_before > total_low_threshold_ && total_buffered_ <= total_low_threshold_ &&
      on_total_buffered_amount_low) {
    on_total_buffered_amount_low();
  }
}

void SendQueue::set_interleaving(bool enabled) {
  interleaving_ = enabled;
  scheduler_->set_interleaving(enabled);
}

size_t SendQueue::buffered_amount(StreamId id) const {
  auto it = streams_.find(id.value());
  return it == streams_.end() ? 0 : it->second.buffered;
}

void SendQueue::set_buffered_amount_low_threshold(StreamId id, size_t bytes) {
  stream(id).low_threshold = bytes;
}

void SendQueue::pause_streams(std::span<const StreamId> streams) {
  for (StreamId id : streams)
    stream(id).paused = true;
}

bool SendQueue::is_ready_for_reset(std::span<const StreamId> streams) const {
  return std::none_of(streams.begin(), streams.end(), [this](StreamId id) {
    auto it = streams_.find(id.value());
    return it != streams_.end() && !it->second.queue.empty() && it->second.queue.front().started;
  });
}

void SendQueue::commit_reset_streams(std::span<const StreamId> streams) {
  auto reset = [](OutStream& s) {
    s.next_ssn = Ssn(0);
    s.next_ordered_mid = Mid(0);
    s.next_unordered_mid = Mid(0);
    s.paused = false;
  };
  if (streams.empty()) {
    for (auto& [id, s] : streams_)
      reset(s);
    return;
  }
  for (StreamId id : streams)
    reset(stream(id));
}

void SendQueue::resume_streams(std::span<const StreamId> streams) {
  for (StreamId id : streams)
    stream(id).paused = false;
}

}  // namespace sctp
