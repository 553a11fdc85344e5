// A parameter whose type this implementation does not know. Kept with its
// bytes so the socket can apply RFC 9260 section 3.2.1: the upper two bits of
// the type say whether to stop or skip, and whether to report it back (in an
// Unrecognized Parameter parameter or an Unrecognized Parameters cause, which
// quote the parameter whole).
#pragma once

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/chunk_type.h"
#include "packet/tlv.h"

namespace sctp {

struct UnknownParameter {
  uint16_t type = 0;
  ByteSpan value;  // without header and padding
  // Header + value as received (what a report quotes); empty when built locally.
  ByteSpan whole;

  // Accepts any type: the dispatcher calls it for types it has no parser for.
  static ParseResult<UnknownParameter> parse(const RawTlv& raw);
  [[nodiscard]] size_t length() const { return kTlvHeaderSize + value.size(); }
  void serialize(ByteWriter& writer) const;
  [[nodiscard]] UnrecognizedParameterAction action() const {
    return unrecognized_parameter_action(type);
  }
  // Compares type and value bytes (not `whole`, which is only provenance).
  bool operator==(const UnknownParameter& other) const;
};

}  // namespace sctp
