#include "packet/parameters/incoming_ssn_reset_request_parameter.h"

#include "packet/parameters/stream_list.h"
#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<IncomingSsnResetRequestParameter> IncomingSsnResetRequestParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Incoming SSN Reset Request parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_min_size(raw.value, kFixedSize, kWhat)) return Unexpected(*e);
  const ByteReader r(raw.value);
  auto streams = parse_stream_list(r.rest(kFixedSize), kWhat);
  if (!streams) return Unexpected(streams.error());
  IncomingSsnResetRequestParameter p;
  p.request_sn = ReconfigRequestSn(r.u32(0));
  p.streams = std::move(*streams);
  return p;
}

void IncomingSsnResetRequestParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(request_sn.value());
  serialize_stream_list(streams, writer);
  tlv.finish();
}

}  // namespace sctp
