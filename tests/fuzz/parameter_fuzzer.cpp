// libFuzzer target: a TLV region as found after a chunk's fixed fields, read
// both as a parameter list (INIT, INIT ACK, RE-CONFIG, ASCONF, ...) and as an
// error-cause list (ABORT, ERROR, Error Cause Indication). Whatever parses
// must survive serialize -> parse unchanged, and the serialized size must be
// what the size helpers predict.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "packet/error_cause.h"
#include "packet/parameter.h"

namespace sctp::fuzz {
namespace {

WireBuffer g_buffer;

void check_parameters(ByteSpan input) {
  auto parameters = parse_parameters(input);
  if (!parameters) return;
  const size_t size = parameters_size(*parameters);
  if (size > g_buffer.size()) return;  // a region this large never fits one chunk
  ByteWriter writer(g_buffer);
  serialize_parameters(*parameters, writer);
  check(!writer.overflowed(), "parameters: serialize overflow");
  check(writer.size() == size, "parameters: size helper");
  for (const Parameter& p : *parameters) {
    check(parameter_length(p) >= kTlvHeaderSize && parameter_length(p) <= 0xFFFF,
          "parameter length");
  }
  auto again = parse_parameters(writer.written());
  check(static_cast<bool>(again), "parameters round trip: reparse");
  check(*again == *parameters, "parameters round trip: equal");
}

void check_error_causes(ByteSpan input) {
  auto causes = parse_error_causes(input);
  if (!causes) return;
  const size_t size = error_causes_size(*causes);
  if (size > g_buffer.size()) return;
  ByteWriter writer(g_buffer);
  serialize_error_causes(*causes, writer);
  check(!writer.overflowed(), "causes: serialize overflow");
  check(writer.size() == size, "causes: size helper");
  auto again = parse_error_causes(writer.written());
  check(static_cast<bool>(again), "causes round trip: reparse");
  check(*again == *causes, "causes round trip: equal");
  // The human-readable text must be safe to build for any cause.
  (void)describe(*causes);
}

}  // namespace
}  // namespace sctp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sctp::ByteSpan input(data, size);
  sctp::fuzz::check_parameters(input);
  sctp::fuzz::check_error_causes(input);
  return 0;
}
