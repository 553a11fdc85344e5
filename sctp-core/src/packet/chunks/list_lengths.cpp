#include "packet/chunks/list_lengths.h"

#include "common/byte_io.h"

namespace sctp {

size_t parameter_list_length(std::span<const Parameter> parameters) {
  if (parameters.empty()) return 0;
  const size_t last = parameter_length(parameters.back());
  return parameters_size(parameters) - pad4(last) + last;
}

size_t error_cause_list_length(std::span<const ErrorCause> causes) {
  if (causes.empty()) return 0;
  const size_t last = error_cause_length(causes.back());
  return error_causes_size(causes) - pad4(last) + last;
}

}  // namespace sctp
