#include "packet/parameters/add_incoming_streams_request_parameter.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<AddIncomingStreamsRequestParameter> AddIncomingStreamsRequestParameter::parse(
    const RawTlv& raw) {
  constexpr const char* kWhat = "Add Incoming Streams Request parameter";
  if (auto e = tlv_checks::expect_type(raw, static_cast<uint16_t>(kType), kWhat)) {
    return Unexpected(*e);
  }
  if (auto e = tlv_checks::expect_size(raw.value, kValueSize, kWhat)) return Unexpected(*e);
  const ByteReader r(raw.value);
  // The reserved field is ignored on receipt (RFC 6525 section 4.6).
  return AddIncomingStreamsRequestParameter{ReconfigRequestSn(r.u32(0)), r.u16(4)};
}

void AddIncomingStreamsRequestParameter::serialize(ByteWriter& writer) const {
  TlvWriter tlv(writer, static_cast<uint16_t>(kType));
  writer.u32(request_sn.value());
  writer.u16(new_streams);
  writer.u16(0);  // reserved
  tlv.finish();
}

}  // namespace sctp
