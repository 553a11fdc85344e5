// libFuzzer target: a list of parameters as found after a chunk's fixed
// fields (INIT, INIT ACK, HEARTBEAT, RE-CONFIG, ASCONF). Each parameter goes
// through its typed parser; whatever parses must survive serialize -> parse
// unchanged.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz_check.h"
#include "packet/parameter_type.h"
#include "packet/parameters/heartbeat_info_parameter.h"
#include "packet/tlv.h"

namespace sctp::fuzz {
namespace {

void check_typed_parameter(const RawTlv& raw) {
  if (raw.type16() == static_cast<uint16_t>(ParameterType::kHeartbeatInfo)) {
    if (auto parameter = HeartbeatInfoParameter::parse(raw)) {
      check_round_trip(*parameter, &raw_tlv_of, &HeartbeatInfoParameter::parse,
                       "Heartbeat Info round trip");
    }
  }
}

}  // namespace
}  // namespace sctp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sctp;
  const ByteSpan input(data, size);
  // RFC 9260 section 3.2: the chunk length excludes the last parameter's
  // padding, so a list may end unpadded.
  (void)for_each_tlv(input, "parameter", /*last_padding_optional=*/true,
                     [](const RawTlv& raw) -> std::optional<ParseError> {
                       fuzz::check_typed_parameter(raw);
                       return std::nullopt;
                     });
  return 0;
}
