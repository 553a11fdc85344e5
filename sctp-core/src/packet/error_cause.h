// Every error cause of the SCTP wire format as one variant (ERROR and ABORT
// chunks, and the Error Cause Indication parameter of ASCONF-ACK), the list
// helpers, and a human-readable description for users.
#pragma once

#include <span>
#include <string>
#include <variant>
#include <vector>

#include "common/byte_io.h"
#include "common/parse_error.h"
#include "packet/error_cause_code.h"
#include "packet/error_causes/cookie_received_while_shutting_down_cause.h"
#include "packet/error_causes/illegal_asconf_ack_cause.h"
#include "packet/error_causes/invalid_mandatory_parameter_cause.h"
#include "packet/error_causes/invalid_stream_identifier_cause.h"
#include "packet/error_causes/missing_mandatory_parameter_cause.h"
#include "packet/error_causes/no_user_data_cause.h"
#include "packet/error_causes/operation_refused_no_resources_cause.h"
#include "packet/error_causes/out_of_resource_cause.h"
#include "packet/error_causes/protocol_violation_cause.h"
#include "packet/error_causes/request_refused_no_authorization_cause.h"
#include "packet/error_causes/request_to_delete_last_address_cause.h"
#include "packet/error_causes/request_to_delete_source_address_cause.h"
#include "packet/error_causes/restart_with_new_addresses_cause.h"
#include "packet/error_causes/stale_cookie_cause.h"
#include "packet/error_causes/unknown_error_cause.h"
#include "packet/error_causes/unrecognized_chunk_type_cause.h"
#include "packet/error_causes/unrecognized_parameters_cause.h"
#include "packet/error_causes/unresolvable_address_cause.h"
#include "packet/error_causes/unsupported_hmac_identifier_cause.h"
#include "packet/error_causes/user_initiated_abort_cause.h"
#include "packet/tlv.h"

namespace sctp {

// UnknownErrorCause must stay last: the dispatcher tries the typed
// alternatives in order and falls back to it.
using ErrorCause = std::variant<
    // RFC 9260 sections 3.3.10.1 - 3.3.10.13
    InvalidStreamIdentifierCause, MissingMandatoryParameterCause, StaleCookieCause,
    OutOfResourceCause, UnresolvableAddressCause, UnrecognizedChunkTypeCause,
    InvalidMandatoryParameterCause, UnrecognizedParametersCause, NoUserDataCause,
    CookieReceivedWhileShuttingDownCause, RestartWithNewAddressesCause, UserInitiatedAbortCause,
    ProtocolViolationCause,
    // RFC 5061 section 4.3
    RequestToDeleteLastAddressCause, OperationRefusedNoResourcesCause,
    RequestToDeleteSourceAddressCause, IllegalAsconfAckCause, RequestRefusedNoAuthorizationCause,
    // RFC 4895 section 4.1
    UnsupportedHmacIdentifierCause,
    // anything else
    UnknownErrorCause>;

// Number of cause codes with a typed parser (UnknownErrorCause excluded).
inline constexpr size_t kTypedErrorCauseCount = std::variant_size_v<ErrorCause> - 1;

// Parses one cause by its code; an unknown code gives UnknownErrorCause.
[[nodiscard]] ParseResult<ErrorCause> parse_error_cause(const RawTlv& raw);

// Parses the causes of an ERROR or ABORT chunk (or of an Error Cause
// Indication). The last cause's padding is optional, as for parameters
// (RFC 9260 section 3.2). Any malformed cause fails the whole list.
[[nodiscard]] ParseResult<std::vector<ErrorCause>> parse_error_causes(ByteSpan tlv_region);

[[nodiscard]] uint16_t error_cause_code(const ErrorCause& cause);
// Unpadded length (what the Cause Length field says).
[[nodiscard]] size_t error_cause_length(const ErrorCause& cause);
// Writes header, value and padding. A cause longer than 65535 bytes cannot
// be represented (16-bit Length); callers keep values within that.
void serialize_error_cause(const ErrorCause& cause, ByteWriter& writer);

// Sum of PADDED lengths: the bytes serialize_error_causes writes.
[[nodiscard]] size_t error_causes_size(std::span<const ErrorCause> causes);
// Writes every cause, each padded (the last one too).
void serialize_error_causes(std::span<const ErrorCause> causes, ByteWriter& writer);

// One line for humans, e.g. "Protocol Violation: bad TSN" or
// "Invalid Stream Identifier: stream 7". Free-form bytes from the peer are
// shown as printable ASCII with other bytes escaped as \xNN, and capped in
// length, so the text is safe to log.
[[nodiscard]] std::string describe(const ErrorCause& cause);
// All causes joined with "; " (empty list: "no error cause").
[[nodiscard]] std::string describe(std::span<const ErrorCause> causes);

}  // namespace sctp
