#include "packet/error_causes/user_initiated_abort_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<UserInitiatedAbortCause> UserInitiatedAbortCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "User-Initiated Abort cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  // Any size, empty included: the field is optional free-form content.
  return UserInitiatedAbortCause{raw.value};
}

void UserInitiatedAbortCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(reason);
  tlv.finish();
}

bool UserInitiatedAbortCause::operator==(const UserInitiatedAbortCause& other) const {
  return std::ranges::equal(reason, other.reason);
}

}  // namespace sctp
