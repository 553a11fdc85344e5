#include "reconfig/reconfig_result_name.h"

namespace sctp {

const char* to_string(ReconfigResult result) {
  switch (result) {
    case ReconfigResult::kSuccessNothingToDo:
      return "Success - Nothing to do";
    case ReconfigResult::kSuccessPerformed:
      return "Success - Performed";
    case ReconfigResult::kDenied:
      return "Denied";
    case ReconfigResult::kErrorWrongSsn:
      return "Error - Wrong SSN";
    case ReconfigResult::kErrorRequestAlreadyInProgress:
      return "Error - Request already in progress";
    case ReconfigResult::kErrorBadSequenceNumber:
      return "Error - Bad Sequence Number";
    case ReconfigResult::kInProgress:
      return "In progress";
  }
  return "unknown result";
}

}  // namespace sctp
