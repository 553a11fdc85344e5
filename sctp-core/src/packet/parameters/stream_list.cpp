#include "packet/parameters/stream_list.h"

#include "packet/parameters/tlv_value_checks.h"

namespace sctp {

ParseResult<std::vector<StreamId>> parse_stream_list(ByteSpan bytes, const char* what) {
  if (auto e = tlv_checks::expect_multiple_of(bytes.size(), 2, what)) return Unexpected(*e);
  std::vector<StreamId> streams;
  streams.reserve(bytes.size() / 2);
  for (uint16_t s : tlv_checks::read_u16_list(bytes))
    streams.push_back(StreamId(s));
  return streams;
}

void serialize_stream_list(std::span<const StreamId> streams, ByteWriter& writer) {
  for (StreamId s : streams)
    writer.u16(s.value());
}

}  // namespace sctp
