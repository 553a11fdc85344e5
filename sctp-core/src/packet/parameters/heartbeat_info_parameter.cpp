#include "packet/parameters/heartbeat_info_parameter.h"

#include <algorithm>

namespace sctp {

ParseResult<HeartbeatInfoParameter> HeartbeatInfoParameter::parse(const RawTlv& raw) {
  if (raw.type16() != static_cast<uint16_t>(kType)) {
    return parse_error(ParseErrorCode::kWrongType, "Heartbeat Info parameter");
  }
  return HeartbeatInfoParameter{raw.value};
}

void HeartbeatInfoParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.bytes(info);
  tlv.finish();
}

bool HeartbeatInfoParameter::operator==(const HeartbeatInfoParameter& other) const {
  return std::ranges::equal(info, other.info);
}

}  // namespace sctp
