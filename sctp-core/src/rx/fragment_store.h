// Holds received fragments of one or more user messages until they complete
// (RFC 9260 section 6.9, RFC 8260 section 2.1), copying each payload once.
//
// Fragments are identified by an ordering key: the unwrapped TSN for DATA
// (fragments of one message carry consecutive TSNs) or the FSN for I-DATA
// (consecutive from 0). Payload bytes are appended to one buffer in arrival
// order; when fragments arrive in key order -- the normal case -- that buffer
// already is the message and is handed over without a second copy. Only a
// message whose fragments arrived out of order is gathered by one more copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/byte_io.h"
#include "sctp/strong_types.h"

namespace sctp {

class FragmentStore {
 public:
  // Inclusive range of record indices forming one complete message.
  struct Run {
    size_t first;
    size_t last;
  };
  struct Assembled {
    Ppid ppid;
    std::vector<uint8_t> payload;
  };

  // Stores a copy of `payload`. Returns false (and stores nothing) if a
  // fragment with this key is already held.
  bool add(uint64_t key, bool beginning, bool ending, Ppid ppid, ByteSpan payload);

  // The store holds exactly one message's fragments and they are complete:
  // first has B, last has E, and the keys between are all present.
  [[nodiscard]] bool is_complete() const;
  // For a store mixing several messages (unordered DATA): the complete
  // message containing the fragment with `key`, if there is one.
  [[nodiscard]] std::optional<Run> complete_run_containing(uint64_t key) const;

  // Removes the run's fragments and returns the message they form.
  Assembled take(Run run);
  Assembled take_all() { return take(Run{0, records_.size() - 1}); }

  // Reserves room for a message of about `bytes` payload bytes (a hint; the
  // store grows past it as needed).
  void reserve(size_t bytes);
  // Takes over the (empty) vectors' capacity of a store whose message was
  // taken, so the next message reuses it instead of allocating.
  void adopt_storage(FragmentStore& finished);

  // Drops every fragment whose key is <= `key` (abandoned by FORWARD-TSN).
  void drop_keys_up_to(uint64_t key);

  [[nodiscard]] bool empty() const { return records_.empty(); }
  [[nodiscard]] size_t fragment_count() const { return records_.size(); }
  // Payload bytes of the fragments held (what counts against the window).
  [[nodiscard]] size_t held_bytes() const { return held_bytes_; }
  [[nodiscard]] uint64_t min_key() const { return records_.front().key; }

 private:
  struct Record {
    uint64_t key;
    uint32_t offset;  // into bytes_
    uint32_t length;
    Ppid ppid;
    bool beginning;
    bool ending;
  };
  void erase_records(size_t first, size_t last);
  void compact();

  std::vector<Record> records_;  // sorted by key
  std::vector<uint8_t> bytes_;
  size_t held_bytes_ = 0;
  // True while bytes_ holds exactly the records' payloads, in key order and
  // with nothing else: then the buffer can be handed over as the message.
  bool contiguous_in_order_ = true;
};

}  // namespace sctp
