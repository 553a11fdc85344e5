// libFuzzer target: a whole SCTP packet from the wire.
//
// PacketView::parse validates the framing; each chunk then goes through
// parse_chunk, which reaches every typed chunk parser and, through them, the
// parameter and error-cause parsers inside INIT, INIT ACK, HEARTBEAT, ABORT,
// ERROR, RE-CONFIG, ASCONF and ASCONF-ACK. Whatever parses must survive
// serialize -> parse unchanged (the identity check), and the packet rebuilt
// from its chunks with PacketBuilder must parse back to the same chunks with
// a valid checksum. ASan and UBSan catch any read outside the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "packet/chunk.h"
#include "packet/crc32c.h"
#include "packet/packet_builder.h"
#include "packet/packet_view.h"

namespace sctp::fuzz {
namespace {

// A chunk copied verbatim, to rebuild the packet through PacketBuilder.
struct VerbatimChunk {
  RawChunk raw;
  [[nodiscard]] size_t length() const { return raw.whole.size(); }
  void serialize(ByteWriter& writer) const {
    writer.bytes(raw.whole);
    writer.pad_to_4();
  }
};

// AnyChunk through the SerializableChunk interface.
struct AnyChunkRef {
  const AnyChunk& chunk;
  [[nodiscard]] size_t length() const { return chunk_length(chunk); }
  void serialize(ByteWriter& writer) const { serialize_chunk(chunk, writer); }
};

void check_typed_chunk(const RawChunk& raw) {
  auto chunk = parse_chunk(raw);
  if (!chunk) return;
  check(chunk_type_of(*chunk) == raw.type, "parse_chunk: type");
  static WireBuffer buffer;
  const ByteSpan bytes = serialize_checked(AnyChunkRef{*chunk}, buffer, "chunk serialize");
  check(bytes[0] == raw.type, "serialize: type");
  auto again = parse_chunk(raw_chunk_of(bytes));
  check(static_cast<bool>(again), "chunk round trip: reparse");
  check(*again == *chunk, "chunk round trip: equal");
}

void check_rebuild(const PacketView& view) {
  static WireBuffer buffer;
  PacketBuilder builder(buffer, buffer.size(), view.header());
  for (const RawChunk& raw : view)
    check(builder.add(VerbatimChunk{raw}), "rebuild: add");
  const ByteSpan rebuilt = builder.finish(ChecksumMode::kCrc32c);
  check(verify_packet_checksum(rebuilt), "rebuild: checksum");
  auto again = PacketView::parse(rebuilt);
  check(static_cast<bool>(again), "rebuild: parse");
  check(again->chunk_count() == view.chunk_count(), "rebuild: chunk count");
  auto it = again->begin();
  for (const RawChunk& raw : view) {
    const RawChunk copy = *it++;
    check(copy.type == raw.type && copy.flags == raw.flags, "rebuild: chunk header");
    check(std::equal(copy.whole.begin(), copy.whole.end(), raw.whole.begin(), raw.whole.end()),
          "rebuild: chunk bytes");
  }
}

}  // namespace
}  // namespace sctp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sctp;
  const ByteSpan input(data, size);
  // Any input, well formed or not, must be safe to checksum.
  (void)verify_packet_checksum(input);
  auto view = PacketView::parse(input);
  if (!view) return 0;
  for (const RawChunk& raw : *view)
    fuzz::check_typed_chunk(raw);
  fuzz::check_rebuild(*view);
  return 0;
}
