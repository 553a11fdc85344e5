// Writes a pcap with one SCTP packet per chunk type, each chunk carrying the
// parameters or error causes it can carry, all serialized by sctp-core, plus
// a manifest of what each frame must decode as. check_tshark.py then has
// Wireshark's dissector read the file and compares.
//
//   write_all_chunks_pcap OUT.pcap OUT.manifest
//
// Manifest: one line per frame, tab separated:
//   NAME  chunks=T,T,...  params=P,P,...  causes=C,C,...
// (decimal type codes, in the order they are written; params and causes
// list every parameter and error cause the frame contains, nested ones too).
#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "packet/chunks/data_chunk.h"
#include "packet/packet_builder.h"
#include "pcap_file.h"

namespace sctp::wire {
namespace {

const CommonHeader kHeader{5000, 5001, VerificationTag(0x01020304), 0};

struct Expected {
  std::vector<uint16_t> params;
  std::vector<uint16_t> causes;
};

class Writer {
 public:
  Writer(PcapFile& pcap, std::ofstream& manifest) : pcap_(pcap), manifest_(manifest) {}

  // One frame holding `chunks` in order.
  template <SerializableChunk... Chunks>
  void frame(const char* name, const Expected& expected, const Chunks&... chunks) {
    PacketBuilder builder(buffer_, buffer_.size(), kHeader);
    std::vector<uint16_t> types;
    const bool all_added = (add(builder, chunks, types) && ...);
    if (!all_added) {
      std::fprintf(stderr, "%s: a chunk did not serialize\n", name);
      ok_ = false;
      return;
    }
    pcap_.write_sctp_packet(builder.finish(ChecksumMode::kCrc32c));
    manifest_ << name << "\tchunks=" << join(types) << "\tparams=" << join(expected.params)
              << "\tcauses=" << join(expected.causes) << "\n";
  }

  [[nodiscard]] bool ok() const { return ok_; }

 private:
  template <typename Chunk>
  static bool add(PacketBuilder& builder, const Chunk& chunk, std::vector<uint16_t>& types) {
    types.push_back(static_cast<uint16_t>(Chunk::kType));
    return builder.add(chunk);
  }
  static std::string join(const std::vector<uint16_t>& values) {
    std::string out;
    for (uint16_t v : values) {
      if (!out.empty()) out += ',';
      out += std::to_string(v);
    }
    return out;
  }

  PcapFile& pcap_;
  std::ofstream& manifest_;
  std::array<uint8_t, 4096> buffer_{};
  bool ok_ = true;
};

const std::array<uint8_t, 11> kPayload{'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};

DataChunk data(uint32_t tsn, bool beginning, bool ending) {
  DataChunk chunk;
  chunk.tsn = Tsn(tsn);
  chunk.stream_id = StreamId(1);
  chunk.ssn = Ssn(7);
  chunk.ppid = Ppid(51);
  chunk.beginning = beginning;
  chunk.ending = ending;
  chunk.payload = kPayload;
  return chunk;
}

void write_all(Writer& w) {
  w.frame("DATA", {}, data(100, true, true));
  DataChunk unordered = data(101, true, false);
  unordered.unordered = true;
  unordered.immediate_sack = true;
  w.frame("DATA fragments, U and I bits", {}, unordered, data(102, false, true));
}

}  // namespace
}  // namespace sctp::wire

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s OUT.pcap OUT.manifest\n", argv[0]);
    return 2;
  }
  sctp::wire::PcapFile pcap(argv[1]);
  std::ofstream manifest(argv[2]);
  if (!pcap.ok() || !manifest) {
    std::fprintf(stderr, "cannot open the output files\n");
    return 1;
  }
  sctp::wire::Writer writer(pcap, manifest);
  sctp::wire::write_all(writer);
  manifest.close();
  const bool written = pcap.close() && manifest.good() && writer.ok();
  return written ? 0 : 1;
}
