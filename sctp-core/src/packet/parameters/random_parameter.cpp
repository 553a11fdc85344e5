#include "packet/parameters/random_parameter.h"

#include <algorithm>

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<RandomParameter> RandomParameter::parse(const RawTlv& raw) {
  constexpr const char* kWhat = "RANDOM parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_min_size(raw.value, 1, kWhat)) return Unexpected(*e);
  return RandomParameter{raw.value};
}

void RandomParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(random);
  tlv.finish();
}

bool RandomParameter::operator==(const RandomParameter& other) const {
  return std::ranges::equal(random, other.random);
}

}  // namespace sctp
