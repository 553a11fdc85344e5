// The fixed-size entries at the end of a SACK (gap ack blocks, duplicate
// TSNs), FORWARD-TSN or I-FORWARD-TSN chunk.
//
// A parsed chunk's list is a view of the entries as they are on the wire:
// parsing allocates nothing (the chunk, like a DATA chunk's payload, lives
// as long as the received packet), and each entry is decoded when read. A
// list a sender builds holds its values (a std::vector). Both read the same
// way and compare equal when their entries are equal.
//
// `Codec` provides `static constexpr size_t kWireSize`,
// `static Entry read(const ByteReader&, size_t offset)` and
// `static void write(ByteWriter&, const Entry&)`. The parser checks that the
// bytes are a whole number of entries before making the view.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include "common/byte_io.h"

namespace sctp {

template <typename Entry, typename Codec = Entry>
class WireList {
 public:
  WireList() = default;
  WireList(std::initializer_list<Entry> values) : values_(values) {}
  explicit WireList(std::vector<Entry> values) : values_(std::move(values)) {}

  // A view of `bytes`, which must hold a whole number of entries.
  static WireList view(ByteSpan bytes) {
    WireList list;
    list.wire_ = bytes;
    return list;
  }

  [[nodiscard]] size_t size() const {
    return wire_ ? wire_->size() / Codec::kWireSize : values_.size();
  }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] Entry operator[](size_t i) const {
    return wire_ ? Codec::read(ByteReader(*wire_), i * Codec::kWireSize) : values_[i];
  }

  // Empties the list, keeping the capacity of its values for reuse.
  void clear() {
    wire_.reset();
    values_.clear();
  }
  // Appends a value; a view first becomes a list of its values.
  void push_back(const Entry& entry) {
    if (wire_) {
      std::vector<Entry> values(begin(), end());
      wire_.reset();
      values_ = std::move(values);
    }
    values_.push_back(entry);
  }

  // Re-encodes every entry, so reserved bits of a parsed view go out as zero.
  void write(ByteWriter& writer) const {
    for (const Entry& entry : *this)
      Codec::write(writer, entry);
  }

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Entry;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Entry;
    Iterator() = default;
    Iterator(const WireList* list, size_t index) : list_(list), index_(index) {}
    Entry operator*() const { return (*list_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++index_;
      return old;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const WireList* list_ = nullptr;
    size_t index_ = 0;
  };
  [[nodiscard]] Iterator begin() const { return Iterator(this, 0); }
  [[nodiscard]] Iterator end() const { return Iterator(this, size()); }

  bool operator==(const WireList& other) const {
    if (size() != other.size()) return false;
    for (size_t i = 0; i < size(); ++i) {
      if (!((*this)[i] == other[i])) return false;
    }
    return true;
  }

 private:
  std::optional<ByteSpan> wire_;  // set: a view of received entries
  std::vector<Entry> values_;     // otherwise: the entries
};

}  // namespace sctp
