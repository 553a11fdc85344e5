#include "packet/error_cause.h"

#include <cstdio>
#include <utility>

#include "packet/parameter_type.h"

namespace sctp {
namespace {

template <typename T>
concept TypedCause = requires {
  T::kCode;
};

template <size_t... I>
constexpr bool cause_codes_are_distinct(std::index_sequence<I...>) {
  const uint16_t codes[] = {
      static_cast<uint16_t>(std::variant_alternative_t<I, ErrorCause>::kCode)...};
  for (size_t a = 0; a < sizeof...(I); ++a) {
    for (size_t b = a + 1; b < sizeof...(I); ++b) {
      if (codes[a] == codes[b]) return false;
    }
  }
  return true;
}
static_assert(cause_codes_are_distinct(std::make_index_sequence<kTypedErrorCauseCount>()));
static_assert(std::is_same_v<std::variant_alternative_t<kTypedErrorCauseCount, ErrorCause>,
                             UnknownErrorCause>);

template <size_t I = 0>
ParseResult<ErrorCause> dispatch(const RawTlv& raw) {
  using T = std::variant_alternative_t<I, ErrorCause>;
  if constexpr (I == kTypedErrorCauseCount) {
    auto c = T::parse(raw);
    if (!c) return Unexpected(c.error());
    return ErrorCause(std::in_place_index<I>, std::move(*c));
  } else {
    if (raw.type16() != static_cast<uint16_t>(T::kCode)) return dispatch<I + 1>(raw);
    auto c = T::parse(raw);
    if (!c) return Unexpected(c.error());
    return ErrorCause(std::in_place_index<I>, std::move(*c));
  }
}

constexpr size_t kMaxDescribedBytes = 256;

// Peer-supplied bytes as loggable text: printable ASCII kept, the rest
// escaped, trailing NULs (C strings) dropped, long input cut with "...".
std::string printable(ByteSpan bytes) {
  while (!bytes.empty() && bytes.back() == 0)
    bytes = bytes.first(bytes.size() - 1);
  std::string out;
  const size_t n = bytes.size() < kMaxDescribedBytes ? bytes.size() : kMaxDescribedBytes;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t b = bytes[i];
    if (b >= 0x20 && b < 0x7F && b != '\\') {
      out.push_back(static_cast<char>(b));
    } else {
      char buf[5];
      std::snprintf(buf, sizeof(buf), "\\x%02x", b);
      out += buf;
    }
  }
  if (n < bytes.size()) out += "...";
  return out;
}

std::string hex16(uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%04x", v);
  return buf;
}

std::string with_text(const char* name, ByteSpan text) {
  if (text.empty()) return name;
  return std::string(name) + ": " + printable(text);
}

std::string quoted_parameter(const char* name, ByteSpan tlv) {
  const uint16_t type = tlv.size() >= 2 ? load_be16(tlv.data()) : 0;
  return std::string(name) + ": " + parameter_type_name(type) + " parameter (" + hex16(type) + ")";
}

// Types of a well-framed TLV sequence, for the causes that quote parameters.
std::string tlv_type_list(ByteSpan tlvs) {
  std::string out;
  for_each_tlv(tlvs, "quoted parameter", true, [&out](const RawTlv& raw) {
    if (!out.empty()) out += ", ";
    out += std::string(parameter_type_name(raw.type16())) + " (" + hex16(raw.type16()) + ")";
    return std::optional<ParseError>();
  });
  return out;
}

struct Describer {
  std::string operator()(const InvalidStreamIdentifierCause& c) const {
    return "Invalid Stream Identifier: stream " + std::to_string(c.stream_id.value());
  }
  std::string operator()(const MissingMandatoryParameterCause& c) const {
    std::string out = "Missing Mandatory Parameter:";
    for (size_t i = 0; i < c.missing_types.size(); ++i) {
      out += i == 0 ? " " : ", ";
      out += parameter_type_name(c.missing_types[i]);
      out += " (" + hex16(c.missing_types[i]) + ")";
    }
    return out;
  }
  std::string operator()(const StaleCookieCause& c) const {
    return "Stale Cookie: " + std::to_string(c.staleness_us) + " us past its lifetime";
  }
  std::string operator()(const OutOfResourceCause&) const { return "Out of Resource"; }
  std::string operator()(const UnresolvableAddressCause& c) const {
    return quoted_parameter("Unresolvable Address", c.address);
  }
  std::string operator()(const UnrecognizedChunkTypeCause& c) const {
    char buf[8];
    std::snprintf(buf, sizeof(buf), "0x%02x", c.chunk_type());
    return std::string("Unrecognized Chunk Type: ") + buf;
  }
  std::string operator()(const InvalidMandatoryParameterCause&) const {
    return "Invalid Mandatory Parameter";
  }
  std::string operator()(const UnrecognizedParametersCause& c) const {
    return "Unrecognized Parameters: " + tlv_type_list(c.parameters);
  }
  std::string operator()(const NoUserDataCause& c) const {
    return "No User Data: TSN " + std::to_string(c.tsn.value());
  }
  std::string operator()(const CookieReceivedWhileShuttingDownCause&) const {
    return "Cookie Received While Shutting Down";
  }
  std::string operator()(const RestartWithNewAddressesCause& c) const {
    return "Restart of an Association with New Addresses: " + tlv_type_list(c.addresses);
  }
  std::string operator()(const UserInitiatedAbortCause& c) const {
    return with_text("User-Initiated Abort", c.reason);
  }
  std::string operator()(const ProtocolViolationCause& c) const {
    return with_text("Protocol Violation", c.additional_information);
  }
  std::string operator()(const RequestToDeleteLastAddressCause& c) const {
    return quoted_parameter("Request to Delete Last Remaining IP Address", c.asconf_parameter);
  }
  std::string operator()(const OperationRefusedNoResourcesCause& c) const {
    return quoted_parameter("Operation Refused Due to Resource Shortage", c.asconf_parameter);
  }
  std::string operator()(const RequestToDeleteSourceAddressCause& c) const {
    return quoted_parameter("Request to Delete Source IP Address", c.asconf_parameter);
  }
  std::string operator()(const IllegalAsconfAckCause&) const {
    return "Association Aborted Due to Illegal ASCONF-ACK";
  }
  std::string operator()(const RequestRefusedNoAuthorizationCause& c) const {
    return quoted_parameter("Request Refused - No Authorization", c.asconf_parameter);
  }
  std::string operator()(const UnsupportedHmacIdentifierCause& c) const {
    return "Unsupported HMAC Identifier: " + std::to_string(c.hmac_id);
  }
  std::string operator()(const UnknownErrorCause& c) const {
    return "Unknown error cause " + hex16(c.code) + " (" + std::to_string(c.value.size()) +
           " bytes)";
  }
};

}  // namespace

ParseResult<ErrorCause> parse_error_cause(const RawTlv& raw) {
  return dispatch(raw);
}

ParseResult<std::vector<ErrorCause>> parse_error_causes(ByteSpan tlv_region) {
  std::vector<ErrorCause> out;
  std::optional<ParseError> err =
      for_each_tlv(tlv_region, "error cause", /*last_padding_optional=*/true,
                   [&out](const RawTlv& raw) -> std::optional<ParseError> {
                     auto c = parse_error_cause(raw);
                     if (!c) return c.error();
                     out.push_back(std::move(*c));
                     return std::nullopt;
                   });
  if (err) return Unexpected(*err);
  return out;
}

uint16_t error_cause_code(const ErrorCause& cause) {
  return std::visit(
      [](const auto& c) -> uint16_t {
        using T = std::decay_t<decltype(c)>;
        if constexpr (TypedCause<T>) {
          return static_cast<uint16_t>(T::kCode);
        } else {
          return c.code;
        }
      },
      cause);
}

size_t error_cause_length(const ErrorCause& cause) {
  return std::visit([](const auto& c) { return c.length(); }, cause);
}

void serialize_error_cause(const ErrorCause& cause, ByteWriter& writer) {
  std::visit([&writer](const auto& c) { c.serialize(writer); }, cause);
}

size_t error_causes_size(std::span<const ErrorCause> causes) {
  size_t n = 0;
  for (const ErrorCause& c : causes)
    n += pad4(error_cause_length(c));
  return n;
}

void serialize_error_causes(std::span<const ErrorCause> causes, ByteWriter& writer) {
  for (const ErrorCause& c : causes)
    serialize_error_cause(c, writer);
}

std::string describe(const ErrorCause& cause) {
  return std::visit(Describer{}, cause);
}

std::string describe(std::span<const ErrorCause> causes) {
  if (causes.empty()) return "no error cause";
  std::string out;
  for (const ErrorCause& c : causes) {
    if (!out.empty()) out += "; ";
    out += describe(c);
  }
  return out;
}

const char* error_cause_name(uint16_t code) {
  switch (static_cast<ErrorCauseCode>(code)) {
    case ErrorCauseCode::kInvalidStreamIdentifier:
      return "Invalid Stream Identifier";
    case ErrorCauseCode::kMissingMandatoryParameter:
      return "Missing Mandatory Parameter";
    case ErrorCauseCode::kStaleCookie:
      return "Stale Cookie";
    case ErrorCauseCode::kOutOfResource:
      return "Out of Resource";
    case ErrorCauseCode::kUnresolvableAddress:
      return "Unresolvable Address";
    case ErrorCauseCode::kUnrecognizedChunkType:
      return "Unrecognized Chunk Type";
    case ErrorCauseCode::kInvalidMandatoryParameter:
      return "Invalid Mandatory Parameter";
    case ErrorCauseCode::kUnrecognizedParameters:
      return "Unrecognized Parameters";
    case ErrorCauseCode::kNoUserData:
      return "No User Data";
    case ErrorCauseCode::kCookieReceivedWhileShuttingDown:
      return "Cookie Received While Shutting Down";
    case ErrorCauseCode::kRestartWithNewAddresses:
      return "Restart of an Association with New Addresses";
    case ErrorCauseCode::kUserInitiatedAbort:
      return "User-Initiated Abort";
    case ErrorCauseCode::kProtocolViolation:
      return "Protocol Violation";
    case ErrorCauseCode::kRequestToDeleteLastAddress:
      return "Request to Delete Last Remaining IP Address";
    case ErrorCauseCode::kOperationRefusedNoResources:
      return "Operation Refused Due to Resource Shortage";
    case ErrorCauseCode::kRequestToDeleteSourceAddress:
      return "Request to Delete Source IP Address";
    case ErrorCauseCode::kIllegalAsconfAck:
      return "Association Aborted Due to Illegal ASCONF-ACK";
    case ErrorCauseCode::kRequestRefusedNoAuthorization:
      return "Request Refused - No Authorization";
    case ErrorCauseCode::kUnsupportedHmacIdentifier:
      return "Unsupported HMAC Identifier";
  }
  return "Unknown";
}

}  // namespace sctp
