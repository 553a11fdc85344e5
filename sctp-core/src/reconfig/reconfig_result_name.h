// Readable names of RFC 6525 section 4.4 results, for error reports.
#pragma once

#include "packet/parameters/parameter_fields.h"

namespace sctp {

[[nodiscard]] const char* to_string(ReconfigResult result);

}  // namespace sctp
