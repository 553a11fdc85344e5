#include "tx/retransmission_queue.h"

#include <algorithm>

namespace sctp {

RetransmissionQueue::RetransmissionQueue(Tsn my_initial_tsn)
    : unwrapper_(my_initial_tsn.prev()),
      cum_ack_(unwrapper_.peek(my_initial_tsn.prev())),
      adv_peer_ack_point_(cum_ack_),
      rtt_measured_through_(cum_ack_) {}

void RetransmissionQueue::set_state(Item& item, State state) {
  auto account = [this](const Item& it, int sign) {
    const size_t len = it.fragment.length;
    const auto apply = [sign](size_t& v, size_t d) { v = sign > 0 ? v + d : v - d; };
    if (it.state == State::kInFlight) apply(bytes_in_flight_, len);
    if (it.state == State::kInFlight || it.state == State::kToRetransmit) {
      apply(outstanding_bytes_, len);
    }
    if (it.state == State::kToRetransmit) apply(to_retransmit_count_, 1);
    if (it.state != State::kAcked) apply(unacked_count_, 1);
  };
  account(item, -1);
  item.state = state;
  account(item, +1);
}

Tsn RetransmissionQueue::add_sent(OutgoingFragment fragment, TimeMs now) {
  const Tsn tsn = next_tsn();
  if (fragment.expires_at && (!earliest_expiry_ || *fragment.expires_at < *earliest_expiry_)) {
    earliest_expiry_ = fragment.expires_at;
  }
  Item item;
  item.fragment = std::move(fragment);
  item.sent_at = now;
  item.state = State::kAcked;  // neutral for accounting, then made in flight
  items_.push_back(std::move(item));
  set_state(items_.back(), State::kInFlight);
  return tsn;
}

const RetransmissionQueue::Item* RetransmissionQueue::find(Tsn tsn) const {
  const uint64_t u = unwrapper_.peek(tsn);
  if (u <= cum_ack_ || u > cum_ack_ + items_.size()) return nullptr;
  return &items_[u - cum_ack_ - 1];
}

std::optional<uint8_t> RetransmissionQueue::miss_indications(Tsn tsn) const {
  const Item* item = find(tsn);
  if (!item) return std::nullopt;
  return item->misses;
}
bool RetransmissionQueue::is_marked_for_retransmission(Tsn tsn) const {
  const Item* item = find(tsn);
  return item && item->state == State::kToRetransmit;
}
bool RetransmissionQueue::is_abandoned(Tsn tsn) const {
  const Item* item = find(tsn);
  return item && item->state == State::kAbandoned;
}

bool RetransmissionQueue::gap_blocks_valid(uint64_t cum,
                                           std::span<const GapAckBlock> blocks) const {
  // RFC 9260 3.3.4: blocks are relative to the cumulative ack, in increasing
  // order and do not overlap. Nothing the peer sends is trusted: a block must
  // also stay within what we have sent.
  const uint64_t highest_sent = cum_ack_ + items_.size();
  uint32_t previous_end = 0;
  for (const GapAckBlock& b : blocks) {
    if (b.start == 0 || b.start > b.end || b.start <= previous_end) return false;
    if (cum + b.end > highest_sent) return false;
    previous_end = b.end;
  }
  return true;
}

SackOutcome RetransmissionQueue::handle_sack(Tsn cumulative_tsn_ack,
                                             std::span<const GapAckBlock> gap_ack_blocks,
                                             bool in_fast_recovery, TimeMs now,
                                             bool absent_blocks_renege) {
  SackOutcome out;
  const uint64_t cum = unwrapper_.peek(cumulative_tsn_ack);
  if (cum < cum_ack_) {
    out.status = SackOutcome::Status::kStale;  // RFC 9260 6.2.1 D i
    return out;
  }
  if (cum > cum_ack_ + items_.size()) {
    out.status = SackOutcome::Status::kAcksUnsentTsn;
    return out;
  }
  std::span<const GapAckBlock> gaps = gap_ack_blocks;
  if (!gap_blocks_valid(cum, gaps)) {
    out.gap_blocks_ignored = true;
    gaps = {};
  }
  out.ack_sample.flight_size_before = bytes_in_flight_;

  uint64_t highest_newly_acked = 0;  // 0: nothing newly acknowledged
  std::optional<TimeMs> rtt_sent_at;
  auto newly_acked = [&](uint64_t tsn, const Item& item) {
    out.ack_sample.bytes_acked += item.fragment.length;
    highest_newly_acked = tsn;
    // RFC 9260 6.3.1 C5 (Karn): never measure on a retransmitted chunk.
    // C4: at most one measurement per round trip: only chunks sent after
    // the previous measurement was taken qualify.
    if (item.retransmissions == 0 && tsn > rtt_measured_through_) rtt_sent_at = item.sent_at;
  };

  // 1. The cumulative ack removes everything up to it.
  const bool cum_advanced = cum > cum_ack_;
  while (cum_ack_ < cum) {
    Item& item = items_.front();
    if (item.state == State::kInFlight || item.state == State::kToRetransmit) {
      newly_acked(cum_ack_ + 1, item);
    }
    set_state(item, State::kAcked);
    items_.pop_front();
    ++cum_ack_;
  }
  unwrapper_.unwrap(cumulative_tsn_ack);

  // 2. Gap ack blocks; data previously gap-acked but no longer reported was
  // reneged by the receiver (RFC 9260 6.2.1 D).
  bool reneged = false;
  size_t block = 0;
  // Without gap blocks this pass has nothing to do when no chunk was
  // gap-acked before, or when their absence is no renege (a SHUTDOWN's
  // Cumulative TSN Ack, 3.3.8): skip its walk over everything outstanding.
  const bool skip_gap_pass =
      gaps.empty() && (unacked_count_ == items_.size() || !absent_blocks_renege);
  for (size_t i = 0; i < items_.size() && !skip_gap_pass; ++i) {
    const uint32_t offset = static_cast<uint32_t>(i + 1);
    while (block < gaps.size() && gaps[block].end < offset)
      ++block;
    const bool acked_now = block < gaps.size() && gaps[block].start <= offset;
    Item& item = items_[i];
    if (acked_now) {
      if (item.state == State::kInFlight || item.state == State::kToRetransmit) {
        newly_acked(cum_ack_ + offset, item);
        set_state(item, State::kAcked);
      }
    } else if (item.state == State::kAcked) {
      reneged = true;
      set_state(item, State::kInFlight);
      ++item.misses;  // "count one miss indication"
    }
  }

  // 3. Miss indications (RFC 9260 7.2.4, HTNA): only TSNs below the highest
  // newly acknowledged one; in Fast Recovery with the cumulative ack
  // advancing, every TSN the SACK reports missing.
  uint64_t limit = highest_newly_acked;
  if (in_fast_recovery && cum_advanced && !gaps.empty()) {
    limit = std::max<uint64_t>(limit, cum_ack_ + gaps.back().end);
  }
  for (size_t i = 0; i < items_.size() && cum_ack_ + 1 + i < limit; ++i) {
    Item& item = items_[i];
    if (item.state != State::kInFlight) continue;
    if (item.misses < 255) ++item.misses;
    if (item.misses >= kFastRetransmitThreshold && !item.fast_retransmitted) {
      // 7.2.4 step 5: a chunk is fast retransmitted at most once.
      item.fast_retransmitted = true;
      // (Abandoning may append to items_: `item` is not used afterwards.)
      if (mark_for_retransmission(item)) out.new_fast_retransmits = true;
    }
  }

  out.ack_sample.cumulative_tsn_advanced = cum_advanced;
  out.ack_sample.cumulative_tsn_ack = cumulative_tsn_ack;
  out.ack_sample.flight_size_after = bytes_in_flight_;
  if (rtt_sent_at) {
    out.rtt_sample = now - *rtt_sent_at;
    rtt_measured_through_ = cum_ack_ + items_.size();  // highest TSN sent so far
  }

  // RFC 9260 6.3.2: R2 stop when all is acknowledged, R3 restart when the
  // earliest outstanding TSN is acknowledged.
  if (unacked_count_ == 0) {
    out.t3 = SackOutcome::T3Action::kStop;
  } else if (cum_advanced) {
    out.t3 = SackOutcome::T3Action::kRestart;
  } else if (reneged) {
    out.t3 = SackOutcome::T3Action::kEnsureRunning;
  }
  advance_peer_ack_point();  // RFC 3758 3.5 C1, C2
  return out;
}

bool RetransmissionQueue::mark_for_retransmission(Item& item) {
  // RFC 7496 RTX policy: a chunk retransmitted max_retransmissions times is
  // abandoned instead of being sent again (RFC 3758 3.5).
  const auto& limit = item.fragment.max_retransmissions;
  if (limit && item.retransmissions >= *limit) {
    abandon_message_of(item);
    return false;
  }
  set_state(item, State::kToRetransmit);
  return true;
}

std::optional<Tsn> RetransmissionQueue::add_abandoned_end(OutgoingFragment end) {
  for (size_t i = 0; i < items_.size(); ++i) {
    const OutgoingFragment& f = items_[i].fragment;
    if (f.message_id == end.message_id && f.ending) return std::nullopt;  // already has one
  }
  const Tsn tsn = next_tsn();
  Item item;
  item.fragment = std::move(end);
  item.fragment.data.reset();
  item.fragment.offset = 0;
  item.fragment.length = 0;
  item.fragment.ending = true;
  item.state = State::kAcked;  // neutral for accounting
  if (!items_.empty()) item.sent_at = items_.back().sent_at;
  items_.push_back(std::move(item));
  set_state(items_.back(), State::kAbandoned);
  advance_peer_ack_point();
  return tsn;
}

void RetransmissionQueue::handle_t3_expiry() {
  // RFC 9260 6.3.3 E3: outstanding chunks are retransmitted, lowest TSN
  // first; the RTX policy is checked as each is marked.
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& item = items_[i];
    if (item.state != State::kInFlight) continue;
    item.misses = 0;
    mark_for_retransmission(item);
  }
  advance_peer_ack_point();  // RFC 3758 3.5 A5
}

std::optional<Retransmission> RetransmissionQueue::next_retransmission(TimeMs now,
                                                                       size_t max_payload_bytes) {
  for (size_t i = 0; i < items_.size() && to_retransmit_count_ > 0; ++i) {
    Item& item = items_[i];
    if (item.state != State::kToRetransmit) continue;
    // RFC 3758 3.5 A1: check the lifetime before retransmitting.
    if (item.fragment.expires_at && now >= *item.fragment.expires_at) {
      abandon_message_of(item);
      advance_peer_ack_point();
      continue;
    }
    if (item.fragment.length > max_payload_bytes) return std::nullopt;
    ++item.retransmissions;
    item.misses = 0;
    item.sent_at = now;
    set_state(item, State::kInFlight);
    return Retransmission{unwrapper_.wrap(cum_ack_ + 1 + i), item.fragment};
  }
  return std::nullopt;
}

size_t RetransmissionQueue::abandon_expired(TimeMs now) {
  // Called on every transmission: without a chunk that can have expired,
  // skip the walk over everything outstanding (it dominated the send path).
  if (!earliest_expiry_ || now < *earliest_expiry_) {
    advance_peer_ack_point();
    return 0;
  }
  earliest_expiry_.reset();  // recomputed from the chunks still waiting
  size_t abandoned = 0;
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& item = items_[i];
    if (item.state == State::kAbandoned || !item.fragment.expires_at) continue;
    const TimeMs expiry = *item.fragment.expires_at;
    // A gap-acked chunk counts too: a renege makes it outstanding again.
    if (item.state == State::kAcked || now < expiry) {
      if (!earliest_expiry_ || expiry < *earliest_expiry_) earliest_expiry_ = expiry;
      continue;
    }
    abandon_message_of(item);
    ++abandoned;
  }
  advance_peer_ack_point();
  return abandoned;
}

void RetransmissionQueue::abandon_message_of(const Item& item) {
  // RFC 3758 3.5: abandoning a fragment abandons its whole message; the
  // send queue drops the fragments not yet sent.
  const OutgoingMessageId message = item.fragment.message_id;
  const StreamId stream = item.fragment.stream_id;
  bool end_was_sent = false;
  std::optional<OutgoingFragment> last;
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& other = items_[i];
    if (other.fragment.message_id != message) continue;
    if (other.state != State::kAbandoned) set_state(other, State::kAbandoned);
    end_was_sent |= other.fragment.ending;
    last = other.fragment;
  }
  if (!end_was_sent && last) {
    // The message was only partly sent. Its sent fragments may all reach the
    // peer and be acknowledged, and then no FORWARD-TSN would ever name the
    // message: the peer would wait for its end forever, blocking the stream.
    // So the unsent end gets a TSN of its own, never sent and abandoned from
    // the start: the Advanced.Peer.Ack.Point must pass it, which forces a
    // FORWARD-TSN that skips the message's SSN / MID.
    Item end;
    end.fragment = std::move(*last);
    end.fragment.data.reset();
    end.fragment.offset = 0;
    end.fragment.length = 0;
    end.fragment.beginning = false;
    end.fragment.ending = true;
    end.fragment.fsn = end.fragment.fsn.next();
    end.sent_at = items_.back().sent_at;
    end.state = State::kAcked;  // neutral for accounting
    items_.push_back(std::move(end));
    set_state(items_.back(), State::kAbandoned);
  }
  newly_abandoned_.push_back(AbandonedMessage{stream, message});
}

void RetransmissionQueue::advance_peer_ack_point() {
  // RFC 3758 3.5 C1/C2: from the cumulative ack, move over abandoned chunks.
  adv_peer_ack_point_ = std::max(adv_peer_ack_point_, cum_ack_);
  while (adv_peer_ack_point_ < cum_ack_ + items_.size() &&
         items_[adv_peer_ack_point_ - cum_ack_].state == State::kAbandoned) {
    ++adv_peer_ack_point_;
  }
}

Tsn RetransmissionQueue::advanced_peer_ack_point() const {
  return unwrapper_.wrap(adv_peer_ack_point_);
}

std::span<const SkippedSsn> RetransmissionQueue::skipped_ssns() {
  skipped_ssns_.clear();
  for (size_t i = 0; cum_ack_ + 1 + i <= adv_peer_ack_point_; ++i) {
    const OutgoingFragment& f = items_[i].fragment;
    if (items_[i].state != State::kAbandoned || f.unordered) continue;
    auto it = std::find_if(skipped_ssns_.begin(), skipped_ssns_.end(),
                           [&](const SkippedSsn& s) { return s.stream_id == f.stream_id; });
    if (it == skipped_ssns_.end()) {
      skipped_ssns_.push_back(SkippedSsn{f.stream_id, f.ssn});
    } else if (it->ssn < f.ssn) {
      it->ssn = f.ssn;
    }
  }
  return skipped_ssns_;
}

std::span<const SkippedMid> RetransmissionQueue::skipped_mids() {
  skipped_mids_.clear();
  for (size_t i = 0; cum_ack_ + 1 + i <= adv_peer_ack_point_; ++i) {
    const OutgoingFragment& f = items_[i].fragment;
    if (items_[i].state != State::kAbandoned) continue;
    auto it = std::find_if(skipped_mids_.begin(), skipped_mids_.end(), [&](const SkippedMid& s) {
      return s.stream_id == f.stream_id && s.unordered == f.unordered;
    });
    if (it == skipped_mids_.end()) {
      skipped_mids_.push_back(SkippedMid{f.stream_id, f.unordered, f.mid});
    } else if (it->mid < f.mid) {
      it->mid = f.mid;
    }
  }
  return skipped_mids_;
}

}  // namespace sctp
