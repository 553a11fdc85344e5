#include "socket/peer_capabilities.h"

namespace sctp {
namespace {

constexpr uint8_t kBitPartialReliability = 0x01;
constexpr uint8_t kBitReconfig = 0x02;
constexpr uint8_t kBitInterleaving = 0x04;
constexpr uint8_t kBitZeroChecksum = 0x08;

}  // namespace

uint8_t PeerCapabilities::to_bits() const {
  return uint8_t((partial_reliability ? kBitPartialReliability : 0) |
                 (stream_reconfiguration ? kBitReconfig : 0) |
                 (message_interleaving ? kBitInterleaving : 0) |
                 (zero_checksum ? kBitZeroChecksum : 0));
}

PeerCapabilities PeerCapabilities::from_bits(uint8_t bits) {
  PeerCapabilities c;
  c.partial_reliability = (bits & kBitPartialReliability) != 0;
  c.stream_reconfiguration = (bits & kBitReconfig) != 0;
  c.message_interleaving = (bits & kBitInterleaving) != 0;
  c.zero_checksum = (bits & kBitZeroChecksum) != 0;
  return c;
}

PeerCapabilities negotiate_capabilities(const SocketOptions& options,
                                        std::span<const Parameter> peer_parameters) {
  bool peer_forward_tsn = false;
  bool peer_reconfig = false;
  bool peer_idata = false;
  bool peer_iforward_tsn = false;
  bool peer_zero_checksum = false;
  for (const Parameter& p : peer_parameters) {
    if (const auto* ext = std::get_if<SupportedExtensionsParameter>(&p)) {
      peer_forward_tsn = peer_forward_tsn || ext->contains(ChunkType::kForwardTsn);
      peer_reconfig = peer_reconfig || ext->contains(ChunkType::kReConfig);
      peer_idata = peer_idata || ext->contains(ChunkType::kIData);
      peer_iforward_tsn = peer_iforward_tsn || ext->contains(ChunkType::kIForwardTsn);
    } else if (std::holds_alternative<ForwardTsnSupportedParameter>(p)) {
      // RFC 3758 section 3.1: the Forward-TSN-Supported parameter alone also
      // announces PR-SCTP (older peers do not list FORWARD TSN in Supported
      // Extensions).
      peer_forward_tsn = true;
    } else if (const auto* zc = std::get_if<ZeroChecksumAcceptableParameter>(&p)) {
      // RFC 9653 section 5.2: only with the EDMID we use ourselves.
      peer_zero_checksum = zc->error_detection_method == options.zero_checksum_edmid;
    }
  }
  PeerCapabilities c;
  c.partial_reliability = options.enable_partial_reliability && peer_forward_tsn;
  c.stream_reconfiguration = options.enable_stream_reconfiguration && peer_reconfig;
  // RFC 8260 section 2.3: I-DATA is used only when both announce I-DATA
  // (and I-FORWARD-TSN when PR-SCTP is used too).
  c.message_interleaving = options.enable_message_interleaving && peer_idata &&
                           (!c.partial_reliability || peer_iforward_tsn);
  c.zero_checksum = peer_zero_checksum;
  return c;
}

void append_capability_parameters(const SocketOptions& options, std::vector<Parameter>& out) {
  SupportedExtensionsParameter ext;
  if (options.enable_partial_reliability)
    ext.chunk_types.push_back(uint8_t(ChunkType::kForwardTsn));
  if (options.enable_stream_reconfiguration)
    ext.chunk_types.push_back(uint8_t(ChunkType::kReConfig));
  if (options.enable_message_interleaving) {
    ext.chunk_types.push_back(uint8_t(ChunkType::kIData));
    ext.chunk_types.push_back(uint8_t(ChunkType::kIForwardTsn));
  }
  if (!ext.chunk_types.empty()) out.emplace_back(std::move(ext));
  if (options.enable_partial_reliability) out.emplace_back(ForwardTsnSupportedParameter{});
  if (options.enable_zero_checksum) {
    out.emplace_back(ZeroChecksumAcceptableParameter{options.zero_checksum_edmid});
  }
}

}  // namespace sctp
