#include "rx/reassembly_queue.h"

#include <algorithm>

namespace sctp {

ReassemblyQueue::ReassemblyQueue(ReassemblyMode mode, Tsn peer_initial_tsn,
                                 size_t max_buffered_bytes)
    : mode_(mode), tsn_unwrapper_(peer_initial_tsn), max_buffered_bytes_(max_buffered_bytes) {}

ReassemblyQueue::StreamState& ReassemblyQueue::stream(StreamId id) {
  auto [it, inserted] = streams_.try_emplace(id.value());
  if (inserted) {
    // SSNs and MIDs start at 0 (RFC 9260 section 6.5, RFC 8260 section 2.1).
    StreamState& s = it->second;
    s.next_ordered = mode_ == ReassemblyMode::kData ? s.ssn_unwrapper.peek(Ssn(0))
                                                    : s.ordered_mid_unwrapper.peek(Mid(0));
  }
  return it->second;
}

uint64_t ReassemblyQueue::ordered_id(StreamState& s, const ReceivedFragment& f) const {
  return mode_ == ReassemblyMode::kData ? s.ssn_unwrapper.unwrap(f.ssn)
                                        : s.ordered_mid_unwrapper.unwrap(f.mid);
}

size_t ReassemblyQueue::held_bytes(const StreamState& s) {
  size_t n = s.unordered_pool.held_bytes();
  for (const PendingMessage& m : s.ordered)
    n += m.fragments.held_bytes();
  for (const PendingMessage& m : s.unordered)
    n += m.fragments.held_bytes();
  return n;
}

ReassemblyQueue::PendingMessage& ReassemblyQueue::find_or_insert(std::vector<PendingMessage>& list,
                                                                 uint64_t id) {
  auto it = std::lower_bound(list.begin(), list.end(), id,
                             [](const PendingMessage& m, uint64_t v) { return m.id < v; });
  if (it != list.end() && it->id == id) return *it;
  FragmentStore fragments = std::move(spare_fragments_);
  spare_fragments_ = FragmentStore{};
  fragments.reserve(last_assembled_size_);
  return *list.insert(it, PendingMessage{id, std::move(fragments)});
}

void ReassemblyQueue::recycle(FragmentStore& fragments) {
  spare_fragments_.adopt_storage(fragments);
}

ReassemblyQueue::AddResult ReassemblyQueue::add(const ReceivedFragment& f) {
  const uint64_t tsn_key = tsn_unwrapper_.unwrap(f.tsn);
  if (deferred_ && tsn_key > deferred_->last_tsn) {
    // RFC 6525 5.2.2: numbered after the pending reset; keep it for later.
    deferred_->held.push_back(
        HeldFragment{f, std::vector<uint8_t>(f.payload.begin(), f.payload.end())});
    buffered_bytes_ += f.payload.size();
    return AddResult::kAccepted;
  }
  StreamState& s = stream(f.stream_id);
  if (!f.unordered) {
    // DATA orders fragments of a message by TSN, I-DATA by FSN.
    const uint64_t key = mode_ == ReassemblyMode::kData ? tsn_key : f.fsn.value();
    return add_ordered(s, f, key);
  }
  if (mode_ == ReassemblyMode::kIData) return add_unordered_idata(s, f);
  return add_unordered_data(s, f, tsn_key);
}

ReassemblyQueue::AddResult ReassemblyQueue::add_ordered(StreamState& s, const ReceivedFragment& f,
                                                        uint64_t key) {
  const uint64_t id = ordered_id(s, f);
  if (id < s.next_ordered) return AddResult::kStale;
  const bool is_next = id == s.next_ordered;
  if (is_next && f.beginning && f.ending && (s.ordered.empty() || s.ordered.front().id != id)) {
    // Fast path: the next message in order, in one chunk. Copied once, into
    // the message, without touching the pending list.
    deliver_single(f);
    ++s.next_ordered;
    deliver_in_order(f.stream_id, s);
    return AddResult::kAccepted;
  }
  PendingMessage& m = find_or_insert(s.ordered, id);
  if (!m.fragments.add(key, f.beginning, f.ending, f.ppid, f.payload)) {
    return AddResult::kDuplicate;
  }
  buffered_bytes_ += f.payload.size();
  if (is_next) deliver_in_order(f.stream_id, s);
  return AddResult::kAccepted;
}

ReassemblyQueue::AddResult ReassemblyQueue::add_unordered_idata(StreamState& s,
                                                                const ReceivedFragment& f) {
  const uint64_t id = s.unordered_mid_unwrapper.unwrap(f.mid);
  if (id < s.unordered_stale_below) return AddResult::kStale;
  if (f.beginning && f.ending) {
    deliver_single(f);
    return AddResult::kAccepted;
  }
  PendingMessage& m = find_or_insert(s.unordered, id);
  if (!m.fragments.add(f.fsn.value(), f.beginning, f.ending, f.ppid, f.payload)) {
    return AddResult::kDuplicate;
  }
  buffered_bytes_ += f.payload.size();
  if (m.fragments.is_complete()) {
    FragmentStore::Assembled message = m.fragments.take_all();
    buffered_bytes_ -= message.payload.size();
    recycle(m.fragments);
    s.unordered.erase(std::find_if(s.unordered.begin(), s.unordered.end(),
                                   [id](const PendingMessage& p) { return p.id == id; }));
    deliver(f.stream_id, true, std::move(message));
  }
  return AddResult::kAccepted;
}

ReassemblyQueue::AddResult ReassemblyQueue::add_unordered_data(StreamState& s,
                                                               const ReceivedFragment& f,
                                                               uint64_t key) {
  // RFC 9260 section 6.6: unordered messages skip SSN ordering; their
  // fragments are identified by consecutive TSNs (6.9).
  if (f.beginning && f.ending) {
    deliver_single(f);
    return AddResult::kAccepted;
  }
  // Room for the whole message up front (the last one's size), so the
  // fragments do not regrow the buffer that becomes its payload.
  if (s.unordered_pool.empty()) s.unordered_pool.reserve(last_assembled_size_);
  if (!s.unordered_pool.add(key, f.beginning, f.ending, f.ppid, f.payload)) {
    return AddResult::kDuplicate;
  }
  buffered_bytes_ += f.payload.size();
  if (auto run = s.unordered_pool.complete_run_containing(key)) {
    FragmentStore::Assembled message = s.unordered_pool.take(*run);
    buffered_bytes_ -= message.payload.size();
    deliver(f.stream_id, true, std::move(message));
  }
  return AddResult::kAccepted;
}

void ReassemblyQueue::deliver_in_order(StreamId id, StreamState& s) {
  // RFC 9260 section 6.6: ordered messages are delivered in SSN order. The
  // delivered entries are erased together at the end: erasing the front one
  // by one made filling a hole behind thousands of small messages quadratic.
  size_t done = 0;
  for (; done < s.ordered.size(); ++done) {
    PendingMessage& front = s.ordered[done];
    if (front.id < s.next_ordered) {
      // Left over from a message that was skipped: it can never be delivered.
      buffered_bytes_ -= front.fragments.held_bytes();
      continue;
    }
    if (front.id != s.next_ordered || !front.fragments.is_complete()) break;
    FragmentStore::Assembled message = front.fragments.take_all();
    buffered_bytes_ -= message.payload.size();
    recycle(front.fragments);
    ++s.next_ordered;
    deliver(id, false, std::move(message));
  }
  s.ordered.erase(s.ordered.begin(), s.ordered.begin() + static_cast<std::ptrdiff_t>(done));
}

void ReassemblyQueue::deliver(StreamId id, bool unordered, FragmentStore::Assembled&& message) {
  last_assembled_size_ = message.payload.size();
  buffered_bytes_ += message.payload.size();
  ready_.push_back(Message{id, message.ppid, unordered, std::move(message.payload)});
}

void ReassemblyQueue::deliver_single(const ReceivedFragment& f) {
  buffered_bytes_ += f.payload.size();
  ready_.push_back(Message{f.stream_id, f.ppid, f.unordered,
                           std::vector<uint8_t>(f.payload.begin(), f.payload.end())});
}

std::optional<Message> ReassemblyQueue::pop_message() {
  if (ready_.empty()) return std::nullopt;
  Message message = std::move(ready_.front());
  ready_.pop_front();
  buffered_bytes_ -= message.payload.size();
  return message;
}

void ReassemblyQueue::skip_ordered_to(StreamId id, StreamState& s, uint64_t skipped_id) {
  if (skipped_id < s.next_ordered) return;  // old news
  // Messages up to the skipped one: complete ones were acknowledged to the
  // sender, so they are delivered (in order); partial ones were abandoned.
  while (!s.ordered.empty() && s.ordered.front().id <= skipped_id) {
    PendingMessage& front = s.ordered.front();
    if (front.fragments.is_complete()) {
      FragmentStore::Assembled message = front.fragments.take_all();
      buffered_bytes_ -= message.payload.size();
      deliver(id, false, std::move(message));
    } else {
      buffered_bytes_ -= front.fragments.held_bytes();
    }
    s.ordered.erase(s.ordered.begin());
  }
  s.next_ordered = skipped_id + 1;
  deliver_in_order(id, s);
}

void ReassemblyQueue::handle_forward_tsn(Tsn new_cumulative_tsn,
                                         std::span<const SkippedSsn> skipped) {
  const uint64_t cum = tsn_unwrapper_.unwrap(new_cumulative_tsn);
  // RFC 3758 section 3.6: fragments at or below the new cumulative TSN that
  // are not part of a complete message will never complete.
  for (auto& [stream_id, s] : streams_) {
    const size_t before = s.unordered_pool.held_bytes();
    s.unordered_pool.drop_keys_up_to(cum);
    buffered_bytes_ -= before - s.unordered_pool.held_bytes();
    if (mode_ != ReassemblyMode::kData) continue;
    std::erase_if(s.ordered, [&](const PendingMessage& m) {
      if (m.fragments.is_complete() || m.fragments.min_key() > cum) return false;
      buffered_bytes_ -= m.fragments.held_bytes();
      return true;
    });
  }
  for (const SkippedSsn& skip : skipped) {
    StreamState& s = stream(skip.stream_id);
    skip_ordered_to(skip.stream_id, s, s.ssn_unwrapper.unwrap(skip.ssn));
  }
}

void ReassemblyQueue::handle_iforward_tsn(std::span<const SkippedMid> skipped) {
  for (const SkippedMid& skip : skipped) {
    StreamState& s = stream(skip.stream_id);
    if (!skip.unordered) {
      skip_ordered_to(skip.stream_id, s, s.ordered_mid_unwrapper.unwrap(skip.mid));
      continue;
    }
    // Unordered messages are delivered as soon as complete, so whatever is
    // pending at or below the skipped MID is partial and abandoned.
    const uint64_t id = s.unordered_mid_unwrapper.unwrap(skip.mid);
    std::erase_if(s.unordered, [&](const PendingMessage& m) {
      if (m.id > id) return false;
      buffered_bytes_ -= m.fragments.held_bytes();
      return true;
    });
    s.unordered_stale_below = std::max(s.unordered_stale_below, id + 1);
  }
}

void ReassemblyQueue::reset_streams(std::span<const StreamId> streams) {
  // Dropping the state makes the stream start again from SSN/MID 0 when it
  // is next used (RFC 6525 section 5.2.2, RFC 8260 section 2.3).
  if (streams.empty()) {
    for (const auto& [id, s] : streams_)
      buffered_bytes_ -= held_bytes(s);
    streams_.clear();
    return;
  }
  for (StreamId id : streams) {
    auto it = streams_.find(id.value());
    if (it == streams_.end()) continue;
    buffered_bytes_ -= held_bytes(it->second);
    streams_.erase(it);
  }
}

size_t ReassemblyQueue::recount_buffered_bytes() const {
  size_t n = 0;
  for (const auto& [id, s] : streams_)
    n += held_bytes(s);
  for (size_t i = 0; i < ready_.size(); ++i)
    n += ready_[i].payload.size();
  if (deferred_) {
    for (const HeldFragment& h : deferred_->held)
      n += h.bytes.size();
  }
  return n;
}

void ReassemblyQueue::defer_reset(Tsn sender_last_assigned_tsn, std::span<const StreamId> streams) {
  deferred_ = DeferredReset{tsn_unwrapper_.peek(sender_last_assigned_tsn),
                            std::vector<StreamId>(streams.begin(), streams.end()),
                            {}};
}

bool ReassemblyQueue::maybe_apply_deferred_reset(Tsn cumulative_tsn_ack) {
  if (!deferred_ || tsn_unwrapper_.peek(cumulative_tsn_ack) < deferred_->last_tsn) return false;
  DeferredReset deferred = std::move(*deferred_);
  deferred_.reset();
  reset_streams(deferred.streams);
  for (HeldFragment& h : deferred.held) {
    buffered_bytes_ -= h.bytes.size();
    h.fragment.payload = h.bytes;
    (void)add(h.fragment);
  }
  return true;
}

}  // namespace sctp
