// Every parameter of the SCTP wire format as one variant, and the helpers to
// parse and write lists of them (INIT, INIT ACK, RE-CONFIG, ASCONF, ...).
//
// Parameters this implementation does not know parse as UnknownParameter with
// their bytes, so the socket can apply the upper-two-bit rules of RFC 9260
// section 3.2.1 (stop or skip, report or not).
#pragma once

#include <span>
#include <variant>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/parameter_type.h"
#include "packet/parameters/adaptation_layer_indication_parameter.h"
#include "packet/parameters/add_incoming_streams_request_parameter.h"
#include "packet/parameters/add_ip_address_parameter.h"
#include "packet/parameters/add_outgoing_streams_request_parameter.h"
#include "packet/parameters/chunk_list_parameter.h"
#include "packet/parameters/cookie_preservative_parameter.h"
#include "packet/parameters/delete_ip_address_parameter.h"
#include "packet/parameters/ecn_capable_parameter.h"
#include "packet/parameters/error_cause_indication_parameter.h"
#include "packet/parameters/forward_tsn_supported_parameter.h"
#include "packet/parameters/heartbeat_info_parameter.h"
#include "packet/parameters/hmac_algorithm_parameter.h"
#include "packet/parameters/host_name_address_parameter.h"
#include "packet/parameters/incoming_ssn_reset_request_parameter.h"
#include "packet/parameters/ipv4_address_parameter.h"
#include "packet/parameters/ipv6_address_parameter.h"
#include "packet/parameters/outgoing_ssn_reset_request_parameter.h"
#include "packet/parameters/padding_parameter.h"
#include "packet/parameters/random_parameter.h"
#include "packet/parameters/reconfiguration_response_parameter.h"
#include "packet/parameters/set_primary_address_parameter.h"
#include "packet/parameters/ssn_tsn_reset_request_parameter.h"
#include "packet/parameters/state_cookie_parameter.h"
#include "packet/parameters/success_indication_parameter.h"
#include "packet/parameters/supported_address_types_parameter.h"
#include "packet/parameters/supported_extensions_parameter.h"
#include "packet/parameters/unknown_parameter.h"
#include "packet/parameters/unrecognized_parameter_parameter.h"
#include "packet/parameters/zero_checksum_acceptable_parameter.h"
#include "packet/tlv.h"

namespace sctp {

// UnknownParameter must stay last: the dispatcher tries the typed
// alternatives in order and falls back to it.
using Parameter = std::variant<
    // RFC 9260
    HeartbeatInfoParameter, Ipv4AddressParameter, Ipv6AddressParameter, StateCookieParameter,
    UnrecognizedParameterParameter, CookiePreservativeParameter, HostNameAddressParameter,
    SupportedAddressTypesParameter, EcnCapableParameter,
    // RFC 6525
    OutgoingSsnResetRequestParameter, IncomingSsnResetRequestParameter, SsnTsnResetRequestParameter,
    ReconfigurationResponseParameter, AddOutgoingStreamsRequestParameter,
    AddIncomingStreamsRequestParameter,
    // RFC 9653, RFC 4895, RFC 4820, RFC 3758
    ZeroChecksumAcceptableParameter, RandomParameter, ChunkListParameter, HmacAlgorithmParameter,
    PaddingParameter, ForwardTsnSupportedParameter,
    // RFC 5061
    SupportedExtensionsParameter, AddIpAddressParameter, DeleteIpAddressParameter,
    ErrorCauseIndicationParameter, SetPrimaryAddressParameter, SuccessIndicationParameter,
    AdaptationLayerIndicationParameter,
    // anything else
    UnknownParameter>;

// Number of parameter types with a typed parser (UnknownParameter excluded).
inline constexpr size_t kTypedParameterCount = std::variant_size_v<Parameter> - 1;

// Parses one parameter by its type; an unknown type gives UnknownParameter.
[[nodiscard]] ParseResult<Parameter> parse_parameter(const RawTlv& raw);

// Parses a parameter region (the tail of a chunk). The last parameter's
// padding is optional: RFC 9260 section 3.2 says a chunk's length does not
// count the padding of its last parameter. Any malformed item fails the whole
// list (the socket then answers as the RFC says for the enclosing chunk).
[[nodiscard]] ParseResult<std::vector<Parameter>> parse_parameters(ByteSpan tlv_region);

[[nodiscard]] uint16_t parameter_type(const Parameter& parameter);
// Unpadded length (what the Length field says).
[[nodiscard]] size_t parameter_length(const Parameter& parameter);
// Writes header, value and padding. A parameter longer than 65535 bytes
// cannot be represented (16-bit Length); callers keep values within that.
void serialize_parameter(const Parameter& parameter, ByteWriter& writer);

// Sum of PADDED lengths: the bytes serialize_parameters writes.
[[nodiscard]] size_t parameters_size(std::span<const Parameter> parameters);
// Writes every parameter, each padded (the last one too).
void serialize_parameters(std::span<const Parameter> parameters, ByteWriter& writer);

}  // namespace sctp
