// How much of a chunk's Length field a list of parameters or error causes
// accounts for.
//
// RFC 9260 section 3.2: the Chunk Length "does include padding of any
// variable-length parameter except the last parameter in the chunk". So a
// list counts every item padded but the last one unpadded; the last item's
// padding is then the chunk's own padding. (Error causes share the parameter
// format, section 3.3.10, and follow the same rule.) Receivers accept both
// forms; see parse_parameters and parse_error_causes.
#pragma once

#include <cstddef>
#include <span>

#include "packet/error_cause.h"
#include "packet/parameter.h"

namespace sctp {

[[nodiscard]] size_t parameter_list_length(std::span<const Parameter> parameters);
[[nodiscard]] size_t error_cause_list_length(std::span<const ErrorCause> causes);

}  // namespace sctp
