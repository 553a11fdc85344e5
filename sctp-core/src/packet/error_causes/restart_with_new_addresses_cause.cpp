#include "packet/error_causes/restart_with_new_addresses_cause.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<RestartWithNewAddressesCause> RestartWithNewAddressesCause::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "Restart of an Association with New Addresses cause";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kCode), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::check_tlv_sequence(raw.value, kWhat, /*require_nonempty=*/true)) {
    return Unexpected(*e);
  }
  return RestartWithNewAddressesCause{raw.value};
}

void RestartWithNewAddressesCause::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kCode));
  writer.bytes(addresses);
  tlv.finish();
}

bool RestartWithNewAddressesCause::operator==(const RestartWithNewAddressesCause& other) const {
  return std::ranges::equal(addresses, other.addresses);
}

}  // namespace sctp
