// Names of the public enums of sctp/types.h, for logs and test output.
#include "sctp/types.h"

namespace sctp {

const char* to_string(SocketState state) {
  switch (state) {
    case SocketState::kClosed:
      return "closed";
    case SocketState::kConnecting:
      return "connecting";
    case SocketState::kConnected:
      return "connected";
    case SocketState::kShuttingDown:
      return "shutting-down";
  }
  return "unknown";
}

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNoError:
      return "no error";
    case ErrorKind::kTooManyRetries:
      return "too many retries";
    case ErrorKind::kNotConnected:
      return "not connected";
    case ErrorKind::kParseFailed:
      return "parse failed";
    case ErrorKind::kWrongSequence:
      return "wrong sequence";
    case ErrorKind::kPeerReported:
      return "peer reported";
    case ErrorKind::kProtocolViolation:
      return "protocol violation";
    case ErrorKind::kResourceExhaustion:
      return "resource exhaustion";
    case ErrorKind::kUnsupportedOperation:
      return "unsupported operation";
  }
  return "unknown";
}

const char* to_string(SendStatus status) {
  switch (status) {
    case SendStatus::kSuccess:
      return "success";
    case SendStatus::kErrorMessageEmpty:
      return "message empty";
    case SendStatus::kErrorMessageTooLarge:
      return "message too large";
    case SendStatus::kErrorResourceExhaustion:
      return "resource exhaustion";
    case SendStatus::kErrorShuttingDown:
      return "shutting down";
    case SendStatus::kErrorInvalidStream:
      return "invalid stream";
    case SendStatus::kErrorStreamResetting:
      return "stream resetting";
  }
  return "unknown";
}

}  // namespace sctp
