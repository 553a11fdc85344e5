#include "rx/fragment_store.h"

#include <algorithm>
#include <cstring>

namespace sctp {

bool FragmentStore::add(uint64_t key, bool beginning, bool ending, Ppid ppid, ByteSpan payload) {
  auto it = std::lower_bound(records_.begin(), records_.end(), key,
                             [](const Record& r, uint64_t k) { return r.key < k; });
  if (it != records_.end() && it->key == key) return false;
  if (it != records_.end()) contiguous_in_order_ = false;  // not appended at the end
  const Record record{key,
                      static_cast<uint32_t>(bytes_.size()),
                      static_cast<uint32_t>(payload.size()),
                      ppid,
                      beginning,
                      ending};
  records_.insert(it, record);
  bytes_.insert(bytes_.end(), payload.begin(), payload.end());
  held_bytes_ += payload.size();
  return true;
}

bool FragmentStore::is_complete() const {
  if (records_.empty()) return false;
  const Record& front = records_.front();
  const Record& back = records_.back();
  return front.beginning && back.ending && back.key - front.key + 1 == records_.size();
}

std::optional<FragmentStore::Run> FragmentStore::complete_run_containing(uint64_t key) const {
  auto it = std::lower_bound(records_.begin(), records_.end(), key,
                             [](const Record& r, uint64_t k) { return r.key < k; });
  if (it == records_.end() || it->key != key) return std::nullopt;
  size_t first = static_cast<size_t>(it - records_.begin());
  size_t last = first;
  // Walk back to the B fragment through consecutive keys with no E between.
  while (!records_[first].beginning) {
    if (first == 0) return std::nullopt;
    const Record& prev = records_[first - 1];
    if (prev.key + 1 != records_[first].key || prev.ending) return std::nullopt;
    --first;
  }
  // Walk forward to the E fragment the same way.
  while (!records_[last].ending) {
    if (last + 1 == records_.size()) return std::nullopt;
    const Record& next = records_[last + 1];
    if (next.key != records_[last].key + 1 || next.beginning) return std::nullopt;
    ++last;
  }
  return Run{first, last};
}

FragmentStore::Assembled FragmentStore::take(Run run) {
  Assembled out;
  out.ppid = records_[run.first].ppid;
  if (run.first == 0 && run.last + 1 == records_.size() && contiguous_in_order_) {
    // The buffer is the message: hand it over without copying.
    out.payload = std::move(bytes_);
    bytes_ = {};
    records_.clear();
    held_bytes_ = 0;
    return out;
  }
  size_t total = 0;
  for (size_t i = run.first; i <= run.last; ++i)
    total += records_[i].length;
  out.payload.resize(total);
  size_t at = 0;
  for (size_t i = run.first; i <= run.last; ++i) {
    const Record& r = records_[i];
    if (r.length != 0) std::memcpy(out.payload.data() + at, bytes_.data() + r.offset, r.length);
    at += r.length;
  }
  erase_records(run.first, run.last);
  return out;
}

void FragmentStore::reserve(size_t bytes) {
  if (bytes == 0 || !records_.empty()) return;
  bytes_.reserve(bytes);
  // Fragments are at most one MTU each; 1024 bytes is a low guess that
  // still saves most of the doublings.
  records_.reserve(bytes / 1024 + 1);
}

void FragmentStore::adopt_storage(FragmentStore& finished) {
  if (!finished.records_.empty() || !records_.empty()) return;
  if (finished.records_.capacity() > records_.capacity()) std::swap(records_, finished.records_);
  if (finished.bytes_.capacity() > bytes_.capacity()) std::swap(bytes_, finished.bytes_);
}

void FragmentStore::drop_keys_up_to(uint64_t key) {
  size_t n = 0;
  while (n < records_.size() && records_[n].key <= key)
    ++n;
  if (n > 0) erase_records(0, n - 1);
}

void FragmentStore::erase_records(size_t first, size_t last) {
  for (size_t i = first; i <= last; ++i)
    held_bytes_ -= records_[i].length;
  records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(first),
                 records_.begin() + static_cast<std::ptrdiff_t>(last) + 1);
  if (records_.empty()) {
    bytes_.clear();  // keeps capacity for the next message
    contiguous_in_order_ = true;
    return;
  }
  contiguous_in_order_ = false;
  // Reclaim the dead bytes once they outweigh the live ones, so a long-lived
  // store (the unordered DATA pool) stays within twice what it holds.
  if (bytes_.size() > 2 * held_bytes_) compact();
}

void FragmentStore::compact() {
  std::vector<uint8_t> packed;
  packed.reserve(held_bytes_);
  for (Record& r : records_) {
    const uint32_t offset = static_cast<uint32_t>(packed.size());
    packed.insert(packed.end(), bytes_.begin() + r.offset, bytes_.begin() + r.offset + r.length);
    r.offset = offset;
  }
  bytes_ = std::move(packed);
  contiguous_in_order_ = true;
}

}  // namespace sctp
