#include "packet/parameter.h"

#include <utility>

namespace sctp {
namespace {

template <typename T>
concept TypedParameter = requires {
  T::kType;
};

// Every typed alternative has a distinct kType, and only the last one is untyped.
template <size_t... I>
constexpr bool parameter_types_are_distinct(std::index_sequence<I...>) {
  const uint16_t types[] = {
      static_cast<uint16_t>(std::variant_alternative_t<I, Parameter>::kType)...};
  for (size_t a = 0; a < sizeof...(I); ++a) {
    for (size_t b = a + 1; b < sizeof...(I); ++b) {
      if (types[a] == types[b]) return false;
    }
  }
  return true;
}
static_assert(parameter_types_are_distinct(std::make_index_sequence<kTypedParameterCount>()));
static_assert(
    std::is_same_v<std::variant_alternative_t<kTypedParameterCount, Parameter>, UnknownParameter>);

template <size_t I = 0>
ParseResult<Parameter> dispatch(const RawTlv& raw) {
  using T = std::variant_alternative_t<I, Parameter>;
  if constexpr (I == kTypedParameterCount) {
    auto p = T::parse(raw);
    if (!p) return Unexpected(p.error());
    return Parameter(std::in_place_index<I>, std::move(*p));
  } else {
    if (raw.type16() != static_cast<uint16_t>(T::kType)) return dispatch<I + 1>(raw);
    auto p = T::parse(raw);
    if (!p) return Unexpected(p.error());
    return Parameter(std::in_place_index<I>, std::move(*p));
  }
}

}  // namespace

ParseResult<Parameter> parse_parameter(const RawTlv& raw) {
  return dispatch(raw);
}

ParseResult<std::vector<Parameter>> parse_parameters(ByteSpan tlv_region) {
  std::vector<Parameter> out;
  std::optional<ParseError> err =
      for_each_tlv(tlv_region, "parameter", /*last_padding_optional=*/true,
                   [&out](const RawTlv& raw) -> std::optional<ParseError> {
                     auto p = parse_parameter(raw);
                     if (!p) return p.error();
                     out.push_back(std::move(*p));
                     return std::nullopt;
                   });
  if (err) return Unexpected(*err);
  return out;
}

uint16_t parameter_type(const Parameter& parameter) {
  return std::visit(
      [](const auto& p) -> uint16_t {
        using T = std::decay_t<decltype(p)>;
        if constexpr (TypedParameter<T>) {
          return static_cast<uint16_t>(T::kType);
        } else {
          return p.type;
        }
      },
      parameter);
}

size_t parameter_length(const Parameter& parameter) {
  return std::visit([](const auto& p) { return p.length(); }, parameter);
}

void serialize_parameter(const Parameter& parameter, ByteWriter& writer) {
  std::visit([&writer](const auto& p) { p.serialize(writer); }, parameter);
}

size_t parameters_size(std::span<const Parameter> parameters) {
  size_t n = 0;
  for (const Parameter& p : parameters)
    n += pad4(parameter_length(p));
  return n;
}

void serialize_parameters(std::span<const Parameter> parameters, ByteWriter& writer) {
  for (const Parameter& p : parameters)
    serialize_parameter(p, writer);
}

const char* parameter_type_name(uint16_t type) {
  switch (static_cast<ParameterType>(type)) {
    case ParameterType::kHeartbeatInfo:
      return "Heartbeat Info";
    case ParameterType::kIpv4Address:
      return "IPv4 Address";
    case ParameterType::kIpv6Address:
      return "IPv6 Address";
    case ParameterType::kStateCookie:
      return "State Cookie";
    case ParameterType::kUnrecognizedParameter:
      return "Unrecognized Parameter";
    case ParameterType::kCookiePreservative:
      return "Cookie Preservative";
    case ParameterType::kHostNameAddress:
      return "Host Name Address";
    case ParameterType::kSupportedAddressTypes:
      return "Supported Address Types";
    case ParameterType::kOutgoingSsnResetRequest:
      return "Outgoing SSN Reset Request";
    case ParameterType::kIncomingSsnResetRequest:
      return "Incoming SSN Reset Request";
    case ParameterType::kSsnTsnResetRequest:
      return "SSN/TSN Reset Request";
    case ParameterType::kReconfigurationResponse:
      return "Re-configuration Response";
    case ParameterType::kAddOutgoingStreamsRequest:
      return "Add Outgoing Streams Request";
    case ParameterType::kAddIncomingStreamsRequest:
      return "Add Incoming Streams Request";
    case ParameterType::kEcnCapable:
      return "ECN Capable";
    case ParameterType::kZeroChecksumAcceptable:
      return "Zero Checksum Acceptable";
    case ParameterType::kRandom:
      return "Random";
    case ParameterType::kChunkList:
      return "Chunk List";
    case ParameterType::kHmacAlgorithm:
      return "Requested HMAC Algorithm";
    case ParameterType::kPadding:
      return "Padding";
    case ParameterType::kSupportedExtensions:
      return "Supported Extensions";
    case ParameterType::kForwardTsnSupported:
      return "Forward-TSN Supported";
    case ParameterType::kAddIpAddress:
      return "Add IP Address";
    case ParameterType::kDeleteIpAddress:
      return "Delete IP Address";
    case ParameterType::kErrorCauseIndication:
      return "Error Cause Indication";
    case ParameterType::kSetPrimaryAddress:
      return "Set Primary Address";
    case ParameterType::kSuccessIndication:
      return "Success Indication";
    case ParameterType::kAdaptationLayerIndication:
      return "Adaptation Layer Indication";
  }
  return "Unknown";
}

}  // namespace sctp
