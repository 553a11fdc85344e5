#include "standard_session.h"

namespace webrtcbin_interop {

namespace {

constexpr std::chrono::seconds kOpenTimeout{15};

bool wait_open(ChannelRecorder* recorder, const char* side, std::string* error) {
  if (recorder->wait_state(GST_WEBRTC_DATA_CHANNEL_STATE_OPEN, kOpenTimeout)) return true;
  *error = "channel '" + recorder->label() + "' not open on the " + side + " within 15 s";
  return false;
}

}  // namespace

const std::vector<ChannelSpec>& standard_channel_specs() {
  static const std::vector<ChannelSpec> specs = {
      {.label = "reliable-ordered"},
      {.label = "reliable-unordered", .ordered = false},
      {.label = "max-retransmits-0", .max_retransmits = 0},
      {.label = "max-retransmits-3", .max_retransmits = 3},
      {.label = "max-packet-lifetime-500", .max_packet_lifetime = 500},
      // Away from the ids webrtcbin picks for in-band channels (0, 1, 2, ...
      // by DTLS role, RFC 8832 6).
      {.label = "pre-negotiated", .negotiated_id = 100},
  };
  return specs;
}

GstStructure* channel_options(const ChannelSpec& spec) {
  GstStructure* options = gst_structure_new("application/data-channel", "ordered", G_TYPE_BOOLEAN,
                                            spec.ordered ? TRUE : FALSE, nullptr);
  if (spec.max_retransmits >= 0) {
    gst_structure_set(options, "max-retransmits", G_TYPE_INT, spec.max_retransmits, nullptr);
  }
  if (spec.max_packet_lifetime >= 0) {
    gst_structure_set(options, "max-packet-lifetime", G_TYPE_INT, spec.max_packet_lifetime,
                      nullptr);
  }
  if (spec.negotiated_id >= 0) {
    gst_structure_set(options, "negotiated", G_TYPE_BOOLEAN, TRUE, "id", G_TYPE_INT,
                      spec.negotiated_id, nullptr);
  }
  return options;
}

bool open_standard_session(PeerPair& pair, std::vector<ChannelPair>* channels, std::string* error) {
  if (!pair.start(error)) return false;
  channels->clear();
  for (const ChannelSpec& spec : standard_channel_specs()) {
    ChannelPair channel{spec};
    GstStructure* options = channel_options(spec);
    channel.offerer = pair.create_channel(Side::kOfferer, spec.label, options);
    if (spec.negotiated_id >= 0) {
      channel.answerer = pair.create_channel(Side::kAnswerer, spec.label, options);
    }
    gst_structure_free(options);
    if (channel.offerer == nullptr || (spec.negotiated_id >= 0 && channel.answerer == nullptr)) {
      *error = "create-data-channel '" + spec.label + "' returned no channel";
      return false;
    }
    channels->push_back(channel);
  }
  if (!pair.negotiate(error)) return false;
  for (ChannelPair& channel : *channels) {
    if (channel.answerer == nullptr) {
      channel.answerer = pair.wait_announced_channel(Side::kAnswerer, channel.spec.label,
                                                     std::chrono::milliseconds(kOpenTimeout));
      if (channel.answerer == nullptr) {
        *error = "no on-data-channel for '" + channel.spec.label + "' within 15 s";
        return false;
      }
    }
    if (!wait_open(channel.offerer, "offerer", error) ||
        !wait_open(channel.answerer, "answerer", error)) {
      return false;
    }
  }

  // An in-band channel opened by the answerer once the association is up.
  ChannelPair reverse{{.label = "from-answerer"}};
  GstStructure* options = channel_options(reverse.spec);
  reverse.answerer = pair.create_channel(Side::kAnswerer, reverse.spec.label, options);
  gst_structure_free(options);
  if (reverse.answerer == nullptr) {
    *error = "create-data-channel 'from-answerer' returned no channel";
    return false;
  }
  reverse.offerer = pair.wait_announced_channel(Side::kOfferer, reverse.spec.label,
                                                std::chrono::milliseconds(kOpenTimeout));
  if (reverse.offerer == nullptr) {
    *error = "no on-data-channel for 'from-answerer' on the offerer within 15 s";
    return false;
  }
  if (!wait_open(reverse.answerer, "answerer", error) ||
      !wait_open(reverse.offerer, "offerer", error)) {
    return false;
  }
  channels->push_back(reverse);
  return true;
}

}  // namespace webrtcbin_interop
