// One fragment the send queue produced, ready to become a DATA or I-DATA chunk
// (RFC 9260 section 3.3.1, RFC 8260 section 2.1). The socket assigns the TSN
// and hands it to the retransmission queue, which keeps it until acknowledged.
#pragma once

#include <cstdint>
#include <optional>

#include "common/byte_io.h"
#include "sctp/strong_types.h"
#include "sctp/time.h"
#include "tx/shared_payload.h"

namespace sctp {

// Identifies a message inside the send path (never on the wire), so an
// abandoned fragment can name the message whose unsent rest is to be dropped.
struct OutgoingMessageIdTag {};
using OutgoingMessageId = StrongId<OutgoingMessageIdTag, uint64_t>;

struct OutgoingFragment {
  OutgoingMessageId message_id;
  StreamId stream_id;
  Ppid ppid;
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  // DATA: Stream Sequence Number (ordered messages; 0 when unordered).
  Ssn ssn;
  // I-DATA: Message Identifier (ordered and unordered each have their own
  // sequence, RFC 8260 2.1) and Fragment Sequence Number.
  Mid mid;
  Fsn fsn;
  // RFC 7496 TTL policy: abandoned once this time has passed.
  std::optional<TimeMs> expires_at;
  // RFC 7496 RTX policy: abandoned after this many retransmissions.
  std::optional<uint16_t> max_retransmissions;

  // The message's payload, shared by its fragments while any is
  // unacknowledged: fragments reference it instead of copying (the only
  // copy is into packets).
  SharedPayload data;
  uint32_t offset = 0;
  uint32_t length = 0;

  [[nodiscard]] ByteSpan payload() const {
    return data ? data.bytes().subspan(offset, length) : ByteSpan();
  }
};

}  // namespace sctp
