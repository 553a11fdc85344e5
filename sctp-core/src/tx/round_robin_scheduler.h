// Round-robin scheduler (RFC 8260 section 3.2): streams with queued messages
// take turns in stream-id order. A turn is one message, or one fragment when
// interleaving (I-DATA) is in use, so a large message no longer blocks the
// other streams.
#pragma once

#include "tx/rotating_scheduler.h"

namespace sctp {

class RoundRobinScheduler final : public RotatingScheduler {
 public:
  [[nodiscard]] std::optional<StreamId> next_stream(
      const StreamEligibility& eligibility) const override {
    return next_in_turn([&](StreamId s) { return eligibility.can_send(s); });
  }
};

}  // namespace sctp
