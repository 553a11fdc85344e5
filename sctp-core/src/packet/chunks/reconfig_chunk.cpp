#include "packet/chunks/reconfig_chunk.h"

#include <utility>

#include "packet/chunks/chunk_checks.h"
#include "packet/chunks/list_lengths.h"

namespace sctp {

ParseResult<ReConfigChunk> ReConfigChunk::parse(const RawChunk& raw) {
  if (auto err = check_chunk_at_least(raw, kType, kTlvHeaderSize, "RE-CONFIG chunk length")) {
    return Unexpected(*err);
  }
  auto parameters = parse_parameters(raw.value);
  if (!parameters) return Unexpected(parameters.error());
  // At least one: the value holds a TLV header, and framing succeeded.
  if (parameters->size() > kMaxParameters) {
    return parse_error(ParseErrorCode::kTooMany, "RE-CONFIG parameters");
  }
  return ReConfigChunk{std::move(*parameters)};
}

size_t ReConfigChunk::length() const {
  return kChunkHeaderSize + parameter_list_length(parameters);
}

void ReConfigChunk::serialize(ByteWriter& writer) const {
  writer.u8(static_cast<uint8_t>(kType));
  writer.u8(0);
  writer.u16(static_cast<uint16_t>(length()));
  serialize_parameters(parameters, writer);
}

bool ReConfigChunk::is_allowed_combination() const {
  using T = ParameterType;
  auto is = [](const Parameter& p, T type) {
    return parameter_type(p) == static_cast<uint16_t>(type);
  };
  if (parameters.size() == 1) {
    const Parameter& p = parameters[0];
    return is(p, T::kOutgoingSsnResetRequest) || is(p, T::kIncomingSsnResetRequest) ||
           is(p, T::kSsnTsnResetRequest) || is(p, T::kAddOutgoingStreamsRequest) ||
           is(p, T::kAddIncomingStreamsRequest) || is(p, T::kReconfigurationResponse);
  }
  if (parameters.size() == 2) {
    // Either order: the RFC lists the pairs without requiring one, and
    // deployed stacks (Linux) accept both.
    auto pair = [&](T first, T second) {
      return (is(parameters[0], first) && is(parameters[1], second)) ||
             (is(parameters[0], second) && is(parameters[1], first));
    };
    return pair(T::kOutgoingSsnResetRequest, T::kIncomingSsnResetRequest) ||
           pair(T::kAddOutgoingStreamsRequest, T::kAddIncomingStreamsRequest) ||
           pair(T::kReconfigurationResponse, T::kOutgoingSsnResetRequest) ||
           pair(T::kReconfigurationResponse, T::kReconfigurationResponse);
  }
  return false;
}

}  // namespace sctp
