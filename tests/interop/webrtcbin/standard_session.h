// The session every webrtcbin interop test starts from: one channel of each
// kind RFC 8831 6.4 / W3C RTCDataChannelInit allow, opened between the two
// peers of a PeerPair.
#pragma once

#include <string>
#include <vector>

#include "peer_pair.h"

namespace webrtcbin_interop {

struct ChannelSpec {
  std::string label;
  bool ordered = true;
  int max_retransmits = -1;      // -1: not limited
  int max_packet_lifetime = -1;  // ms, -1: not limited
  int negotiated_id = -1;        // >= 0: pre-negotiated (no DCEP) on this stream id
};

// reliable ordered, reliable unordered, maxRetransmits 0 and 3,
// maxPacketLifeTime 500 ms, and a pre-negotiated reliable ordered channel.
const std::vector<ChannelSpec>& standard_channel_specs();

// The create-data-channel options for `spec` (caller frees).
GstStructure* channel_options(const ChannelSpec& spec);

struct ChannelPair {
  ChannelSpec spec;
  ChannelRecorder* offerer = nullptr;
  ChannelRecorder* answerer = nullptr;
};

// Starts `pair`, creates every standard channel on the offerer (and the
// pre-negotiated one on both sides, before any SCTP transport exists, which
// webrtcbin 1.22 requires), negotiates and waits until every channel is open
// on both sides. Then opens one more in-band channel from the answerer
// ("from-answerer"), so DCEP runs both ways. Fills `channels` in spec order,
// the answerer's channel last.
bool open_standard_session(PeerPair& pair, std::vector<ChannelPair>* channels, std::string* error);

}  // namespace webrtcbin_interop
