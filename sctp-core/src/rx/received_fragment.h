// One received DATA or I-DATA chunk as the reassembly queue sees it, so the
// queue does not depend on the chunk structs (the socket converts).
#pragma once

#include "common/byte_io.h"
#include "sctp/strong_types.h"

namespace sctp {

struct ReceivedFragment {
  Tsn tsn;
  StreamId stream_id;
  // DATA (RFC 9260 section 3.3.1): the Stream Sequence Number; ignored for
  // unordered messages.
  Ssn ssn;
  // I-DATA (RFC 8260 section 2.1): the Message Identifier and the Fragment
  // Sequence Number (0 on the fragment with the B bit).
  Mid mid;
  Fsn fsn;
  // DATA: on every fragment. I-DATA: only on the first fragment (FSN 0).
  Ppid ppid;
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  // Points into the received packet; the queue copies what it keeps.
  ByteSpan payload;
};

}  // namespace sctp
