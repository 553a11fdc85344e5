#include "rx/data_tracker.h"

#include <algorithm>

namespace sctp {

DataTracker::DataTracker(Tsn peer_initial_tsn, DataTrackerOptions options)
    : options_(options), unwrapper_(peer_initial_tsn.prev()) {
  cum_ = unwrapper_.peek(peer_initial_tsn.prev());
  highest_ = cum_;
}

bool DataTracker::is_received(Tsn tsn) const {
  const uint64_t u = unwrapper_.peek(tsn);
  if (u <= cum_) return true;
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), u,
                             [](const Range& r, uint64_t v) { return r.last < v; });
  return it != ranges_.end() && it->first <= u;
}

DataTracker::Observation DataTracker::observe(Tsn tsn, bool immediate_sack) {
  const uint64_t u = unwrapper_.peek(tsn);
  if (u > cum_ + kMaxTsnAhead) return Observation::kOutOfWindow;

  packet_had_data_ = true;
  if (immediate_sack) packet_asked_immediate_ = true;  // RFC 7053 section 4.2

  if (is_received(tsn)) {
    // RFC 9260 section 6.2: report each duplicate in the next SACK. Beyond the
    // bounded list, further duplicates are only counted by the SACK timing.
    (void)duplicates_.push_back(tsn);
    packet_had_duplicate_ = true;
    return Observation::kDuplicate;
  }

  unwrapper_.unwrap(tsn);
  packet_had_new_data_ = true;
  // Data below the highest TSN received lands in a gap: it fills (part of) a
  // hole, which RFC 9260 section 6.7 / 6.2 acknowledge immediately.
  if (u < highest_) packet_filled_gap_ = true;
  highest_ = std::max(highest_, u);

  if (u == cum_ + 1) {
    cum_ = u;
    absorb_ranges_into_cum();
  } else {
    insert_above_cum(u);
  }
  return Observation::kNew;
}

void DataTracker::insert_above_cum(uint64_t tsn) {
  // First range whose end is at or after tsn - 1 (it may absorb tsn).
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), tsn - 1,
                             [](const Range& r, uint64_t v) { return r.last < v; });
  if (it != ranges_.end() && it->last + 1 == tsn) {
    it->last = tsn;
    auto next = it + 1;
    if (next != ranges_.end() && next->first == tsn + 1) {
      it->last = next->last;
      ranges_.erase(next);
    }
    return;
  }
  if (it != ranges_.end() && it->first == tsn + 1) {
    it->first = tsn;
    return;
  }
  ranges_.insert(it, Range{tsn, tsn});
}

void DataTracker::absorb_ranges_into_cum() {
  size_t drop = 0;
  while (drop < ranges_.size() && ranges_[drop].first <= cum_ + 1) {
    cum_ = std::max(cum_, ranges_[drop].last);
    ++drop;
  }
  ranges_.erase(ranges_.begin(), ranges_.begin() + static_cast<std::ptrdiff_t>(drop));
}

bool DataTracker::handle_forward_tsn(Tsn new_cumulative_tsn) {
  packet_had_data_ = true;
  const uint64_t u = unwrapper_.peek(new_cumulative_tsn);
  if (u <= cum_) {
    // A stale FORWARD-TSN means the peer has not seen our latest SACK.
    packet_asked_immediate_ = true;
    return false;
  }
  unwrapper_.unwrap(new_cumulative_tsn);
  packet_had_new_data_ = true;
  cum_ = u;
  highest_ = std::max(highest_, u);
  // Ranges entirely at or below the new ack point are covered by it.
  auto keep = std::find_if(ranges_.begin(), ranges_.end(),
                           [this](const Range& r) { return r.last > cum_; });
  ranges_.erase(ranges_.begin(), keep);
  absorb_ranges_into_cum();
  return true;
}

DataTracker::SackTiming DataTracker::on_packet_end(TimeMs now) {
  if (packet_had_new_data_) {
    ++packets_since_sack_;
    if (!first_unacked_at_) first_unacked_at_ = now;
  }
  // RFC 9260 section 6.2: a packet with duplicates and no new data MUST be
  // SACKed immediately; with new data it MAY. We always do: the duplicate
  // suggests our SACK was lost.
  if (packet_had_duplicate_) immediate_ = true;
  // RFC 9260 section 6.7: while a gap exists, SACK every packet carrying data
  // without delay; 6.2: also when data fills a gap.
  if (packet_had_data_ && !ranges_.empty()) immediate_ = true;
  if (packet_filled_gap_) immediate_ = true;
  if (packet_asked_immediate_) immediate_ = true;  // RFC 7053 I bit
  // RFC 9260 section 6.2: at least every second packet.
  if (packets_since_sack_ >= options_.packets_per_sack) immediate_ = true;

  packet_had_data_ = packet_had_new_data_ = packet_filled_gap_ = false;
  packet_had_duplicate_ = packet_asked_immediate_ = false;

  if (immediate_) return SackTiming::kImmediate;
  if (first_unacked_at_) return SackTiming::kDelayed;
  return SackTiming::kNone;
}

std::optional<TimeMs> DataTracker::delayed_sack_deadline() const {
  if (!first_unacked_at_) return std::nullopt;
  return *first_unacked_at_ + options_.delayed_ack_timeout;
}

bool DataTracker::on_delayed_sack_timeout(TimeMs now) const {
  if (immediate_) return true;
  const auto deadline = delayed_sack_deadline();
  return deadline && now >= *deadline;
}

SackInfo DataTracker::make_sack(uint32_t a_rwnd) {
  SackInfo sack;
  sack.cumulative_tsn_ack = cumulative_tsn_ack();
  sack.a_rwnd = a_rwnd;
  // RFC 9260 section 3.3.4: offsets relative to the Cumulative TSN Ack. Every
  // range lies within kMaxTsnAhead of cum_, so the offsets fit 16 bits. When
  // there are more ranges than fit, the lowest ones are reported: they are
  // the ones the sender's fast retransmit depends on.
  for (const Range& r : ranges_) {
    if (!sack.gap_ack_blocks.push_back(GapAckBlock{static_cast<uint16_t>(r.first - cum_),
                                                   static_cast<uint16_t>(r.last - cum_)})) {
      break;
    }
  }
  sack.duplicate_tsns = duplicates_;
  duplicates_.clear();
  packets_since_sack_ = 0;
  first_unacked_at_.reset();
  immediate_ = false;
  return sack;
}

}  // namespace sctp
