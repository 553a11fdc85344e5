// Writes a pcap with one SCTP packet per chunk type, each chunk carrying the
// parameters or error causes it can carry, all serialized by sctp-core, plus
// a manifest of what each frame must decode as. check_tshark.py then has
// Wireshark's dissector read the file and compares.
//
//   write_all_chunks_pcap OUT.pcap OUT.manifest
//
// Manifest: one line per frame, tab separated:
//   NAME  chunks=T,T,...  params=P,P,...  causes=C,C,...
// (decimal type codes. chunks: the chunks in the order written, then any
// chunk quoted inside an error cause; params and causes: the ones each chunk
// carries, which the dissector must decode among whatever it shows).
// Exits non-zero if some typed chunk, parameter or cause of sctp-core was
// not written, so new types must be added here.
#include <array>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "packet/chunk.h"
#include "packet/error_cause.h"
#include "packet/packet_builder.h"
#include "packet/parameter.h"
#include "pcap_file.h"

namespace sctp::wire {
namespace {

const CommonHeader kHeader{5000, 5001, VerificationTag(0x01020304), 0};

struct Expected {
  std::vector<uint16_t> params = {};
  std::vector<uint16_t> causes = {};
  // Chunks quoted inside an error cause, which the dissector decodes too.
  std::vector<uint16_t> quoted_chunks = {};
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
    chunks_seen_.insert(types.begin(), types.end());
    params_seen_.insert(expected.params.begin(), expected.params.end());
    causes_seen_.insert(expected.causes.begin(), expected.causes.end());
    types.insert(types.end(), expected.quoted_chunks.begin(), expected.quoted_chunks.end());
    manifest_ << name << "\tchunks=" << join(types) << "\tparams=" << join(expected.params)
              << "\tcauses=" << join(expected.causes) << "\n";
  }

  [[nodiscard]] bool ok() const { return ok_; }

  // Whether every typed chunk, parameter and error cause of sctp-core went
  // into the file, so a type added to chunk.h, parameter.h or error_cause.h
  // fails this check until a frame here covers it.
  [[nodiscard]] bool covers_every_type() const {
    bool covered = true;
    if (chunks_seen_.size() != kTypedChunkCount) {
      std::fprintf(stderr, "%zu of %zu chunk types written\n", chunks_seen_.size(),
                   kTypedChunkCount);
      covered = false;
    }
    if (params_seen_.size() != kTypedParameterCount) {
      std::fprintf(stderr, "%zu of %zu parameter types written\n", params_seen_.size(),
                   kTypedParameterCount);
      covered = false;
    }
    if (causes_seen_.size() != kTypedErrorCauseCount) {
      std::fprintf(stderr, "%zu of %zu error causes written\n", causes_seen_.size(),
                   kTypedErrorCauseCount);
      covered = false;
    }
    return covered;
  }

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
  std::set<uint16_t> chunks_seen_;
  std::set<uint16_t> params_seen_;
  std::set<uint16_t> causes_seen_;
};

const std::array<uint8_t, 11> kPayload{'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};
const std::array<uint8_t, 24> kCookie{0xC0, 0x0C, 0x1E, 1,  2,  3,  4,  5,  6,  7,  8,  9,
                                      10,   11,   12,   13, 14, 15, 16, 17, 18, 19, 20, 21};
const std::array<uint8_t, 12> kHeartbeatInfo{'p', 'a', 't', 'h', '0', 0, 0, 0, 0, 0, 0, 42};
const std::array<uint8_t, 32> kRandom{1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
                                      12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                                      23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
const std::array<uint8_t, 20> kHmac{0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, 0x11, 0x22, 0x33,
                                    0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAB, 0xCD, 0xEF, 0x01};
const std::array<uint8_t, 12> kHostName{'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'o', 'r', 'g', 0};
// Quoted wire items, as an ERROR or INIT ACK quotes what it did not accept.
const std::array<uint8_t, 8> kIpv4Tlv{0x00, 0x05, 0x00, 0x08, 192, 0, 2, 7};
// Quoted TLVs end at their length, without padding (RawTlv::whole): the
// padding of the last quoted item is the enclosing item's padding.
const std::array<uint8_t, 7> kUnknownParameterTlv{0x80, 0x77, 0x00, 0x07, 1, 2, 3};
const std::array<uint8_t, 8> kUnknownChunk{0x3F, 0x00, 0x00, 0x08, 9, 8, 7, 6};
// A Delete IP Address parameter (RFC 5061 4.2.2): correlation id 2, IPv4.
const std::array<uint8_t, 16> kDeleteIpTlv{0xC0, 0x02, 0x00, 0x10, 0,   0, 0, 2,
                                           0x00, 0x05, 0x00, 0x08, 192, 0, 2, 9};
const std::array<uint8_t, 9> kReason{'s', 'h', 'u', 't', 't', 'i', 'n', 'g', '!'};
const std::array<uint8_t, 17> kViolation{'b', 'a', 'd', ' ', 'T', 'S', 'N', ' ', 'i',
                                         'n', ' ', 'S', 'A', 'C', 'K', '.', '.'};
const std::array<uint8_t, 20> kPadding{};

template <typename T>
uint16_t code(const T&) {
  return static_cast<uint16_t>(T::kType);
}
template <typename T>
uint16_t code_of() {
  return static_cast<uint16_t>(T::kType);
}

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

IDataChunk idata(uint32_t tsn, bool beginning, bool ending) {
  IDataChunk chunk;
  chunk.tsn = Tsn(tsn);
  chunk.stream_id = StreamId(2);
  chunk.mid = Mid(9);
  chunk.ppid = Ppid(53);
  chunk.fsn = Fsn(beginning ? 0 : 1);
  chunk.beginning = beginning;
  chunk.ending = ending;
  chunk.payload = kPayload;
  return chunk;
}

Ipv4AddressParameter ipv4(uint8_t last) {
  return Ipv4AddressParameter{{192, 0, 2, last}};
}
Ipv6AddressParameter ipv6() {
  return Ipv6AddressParameter{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}};
}

// Every parameter INIT can carry (RFC 9260 3.3.2.1 and the extensions).
std::vector<Parameter> init_parameters() {
  HostNameAddressParameter host_name;
  host_name.host_name = kHostName;
  SupportedAddressTypesParameter address_types;
  address_types.address_types = {5, 6};
  ZeroChecksumAcceptableParameter zero_checksum;
  zero_checksum.error_detection_method = ZeroChecksumAcceptableParameter::kEdmidDtls;
  RandomParameter random;
  random.random = kRandom;
  ChunkListParameter chunk_list;
  chunk_list.chunk_types = {0, 3, 64, 130, 192, 194};
  HmacAlgorithmParameter hmac;
  hmac.hmac_ids = {HmacAlgorithmParameter::kSha256, HmacAlgorithmParameter::kSha1};
  SupportedExtensionsParameter extensions;
  extensions.chunk_types = {130, 192, 64, 194, 15, 193, 128, 132};
  CookiePreservativeParameter preservative;
  preservative.life_span_increment_ms = 5000;
  AdaptationLayerIndicationParameter adaptation;
  adaptation.adaptation_code_point = 0x01020304;
  PaddingParameter padding;
  padding.padding_size = 16;
  return {
      ipv4(1),       ipv6(), preservative, host_name, address_types, EcnCapableParameter{},
      zero_checksum, random, chunk_list,   hmac,      extensions,    ForwardTsnSupportedParameter{},
      adaptation,    padding};
}

std::vector<Parameter> init_ack_parameters() {
  StateCookieParameter cookie;
  cookie.cookie = kCookie;
  UnrecognizedParameterParameter unrecognized;
  unrecognized.parameter = kUnknownParameterTlv;
  SupportedExtensionsParameter extensions;
  extensions.chunk_types = {130, 192, 64, 194};
  ZeroChecksumAcceptableParameter zero_checksum;
  zero_checksum.error_detection_method = ZeroChecksumAcceptableParameter::kEdmidDtls;
  return {cookie, ipv4(2), unrecognized, extensions, ForwardTsnSupportedParameter{}, zero_checksum};
}

std::vector<uint16_t> types_of(const std::vector<Parameter>& parameters) {
  std::vector<uint16_t> types;
  for (const Parameter& p : parameters)
    types.push_back(parameter_type(p));
  return types;
}
std::vector<uint16_t> codes_of(const std::vector<ErrorCause>& causes) {
  std::vector<uint16_t> codes;
  for (const ErrorCause& c : causes)
    codes.push_back(error_cause_code(c));
  return codes;
}

// RFC 9260 3.3.10.1 - 3.3.10.7.
std::vector<ErrorCause> abort_causes() {
  InvalidStreamIdentifierCause invalid_stream;
  invalid_stream.stream_id = StreamId(7);
  MissingMandatoryParameterCause missing;
  missing.missing_types = {7, 9};
  StaleCookieCause stale;
  stale.staleness_us = 250000;
  UnresolvableAddressCause unresolvable;
  unresolvable.address = kIpv4Tlv;
  UnrecognizedChunkTypeCause unrecognized_chunk;
  unrecognized_chunk.chunk = kUnknownChunk;
  return {invalid_stream,
          missing,
          stale,
          OutOfResourceCause{},
          unresolvable,
          unrecognized_chunk,
          InvalidMandatoryParameterCause{}};
}

// RFC 9260 3.3.10.8 - 3.3.10.13, RFC 5061 4.3 and RFC 4895 4.1.
std::vector<ErrorCause> error_causes() {
  UnrecognizedParametersCause unrecognized_parameters;
  unrecognized_parameters.parameters = kUnknownParameterTlv;
  NoUserDataCause no_user_data;
  no_user_data.tsn = Tsn(4242);
  RestartWithNewAddressesCause restart;
  restart.addresses = kIpv4Tlv;
  UserInitiatedAbortCause user_abort;
  user_abort.reason = kReason;
  ProtocolViolationCause violation;
  violation.additional_information = kViolation;
  RequestToDeleteLastAddressCause delete_last;
  delete_last.asconf_parameter = kDeleteIpTlv;
  OperationRefusedNoResourcesCause refused;
  refused.asconf_parameter = kDeleteIpTlv;
  RequestToDeleteSourceAddressCause delete_source;
  delete_source.asconf_parameter = kDeleteIpTlv;
  RequestRefusedNoAuthorizationCause no_authorization;
  no_authorization.asconf_parameter = kDeleteIpTlv;
  UnsupportedHmacIdentifierCause hmac;
  hmac.hmac_id = 2;
  return {unrecognized_parameters,
          no_user_data,
          CookieReceivedWhileShuttingDownCause{},
          restart,
          user_abort,
          violation,
          delete_last,
          refused,
          delete_source,
          IllegalAsconfAckCause{},
          no_authorization,
          hmac};
}

void write_all(Writer& w) {
  // RFC 9260 3.3.1 DATA, with the U and I (RFC 7053) bits.
  w.frame("DATA", {}, data(100, true, true));
  DataChunk unordered = data(101, true, false);
  unordered.unordered = true;
  unordered.immediate_sack = true;
  w.frame("DATA fragments, U and I bits", {}, unordered, data(102, false, true));

  // 3.3.2 INIT and 3.3.3 INIT ACK with every parameter they carry.
  InitChunk init;
  init.initiate_tag = VerificationTag(0xA1A2A3A4);
  init.a_rwnd = 131072;
  init.outbound_streams = 1024;
  init.inbound_streams = 1024;
  init.initial_tsn = Tsn(1000);
  init.parameters = init_parameters();
  w.frame("INIT", {types_of(init.parameters), {}}, init);
  InitAckChunk init_ack;
  init_ack.initiate_tag = VerificationTag(0xB1B2B3B4);
  init_ack.a_rwnd = 65536;
  init_ack.outbound_streams = 16;
  init_ack.inbound_streams = 16;
  init_ack.initial_tsn = Tsn(5000);
  init_ack.parameters = init_ack_parameters();
  w.frame("INIT ACK with state cookie", {types_of(init_ack.parameters), {}}, init_ack);

  // 3.3.4 SACK with gap blocks and duplicates.
  SackChunk sack;
  sack.cumulative_tsn_ack = Tsn(999);
  sack.a_rwnd = 64000;
  sack.gap_ack_blocks = {{2, 3}, {5, 5}, {9, 12}};
  sack.duplicate_tsns = {Tsn(998), Tsn(997)};
  w.frame("SACK with gaps and duplicates", {}, sack);

  // 3.3.5 / 3.3.6 HEARTBEAT and HEARTBEAT ACK.
  HeartbeatChunk heartbeat;
  heartbeat.info.info = kHeartbeatInfo;
  w.frame("HEARTBEAT", {{code_of<HeartbeatInfoParameter>()}, {}}, heartbeat);
  HeartbeatAckChunk heartbeat_ack;
  heartbeat_ack.info.info = kHeartbeatInfo;
  w.frame("HEARTBEAT ACK", {{code_of<HeartbeatInfoParameter>()}, {}}, heartbeat_ack);

  // 3.3.7 ABORT with causes, and with the T bit.
  AbortChunk abort;
  abort.causes = abort_causes();
  w.frame("ABORT with causes", {{}, codes_of(abort.causes), {kUnknownChunk[0]}}, abort);
  AbortChunk abort_reflected;
  abort_reflected.tag_reflected = true;
  UserInitiatedAbortCause reason;
  reason.reason = kReason;
  abort_reflected.causes = {reason};
  w.frame("ABORT with T bit", {{}, codes_of(abort_reflected.causes)}, abort_reflected);

  // 3.3.8 - 3.3.9 SHUTDOWN, SHUTDOWN ACK; 3.3.13 SHUTDOWN COMPLETE.
  ShutdownChunk shutdown;
  shutdown.cumulative_tsn_ack = Tsn(1003);
  w.frame("SHUTDOWN", {}, shutdown);
  w.frame("SHUTDOWN ACK", {}, ShutdownAckChunk{});
  ShutdownCompleteChunk complete;
  complete.tag_reflected = true;
  w.frame("SHUTDOWN COMPLETE with T bit", {}, complete);

  // 3.3.10 ERROR with the remaining causes.
  ErrorChunk error;
  error.causes = error_causes();
  w.frame("ERROR with causes", {{}, codes_of(error.causes)}, error);

  // 3.3.11 / 3.3.12 COOKIE ECHO (bundled with DATA, as in 5.1) and COOKIE ACK.
  CookieEchoChunk cookie_echo;
  cookie_echo.cookie = kCookie;
  w.frame("COOKIE ECHO + DATA", {}, cookie_echo, data(1000, true, true));
  w.frame("COOKIE ACK", {}, CookieAckChunk{});

  // Appendix A: ECNE and CWR.
  EcneChunk ecne;
  ecne.lowest_tsn = Tsn(77);
  w.frame("ECNE", {}, ecne);
  CwrChunk cwr;
  cwr.lowest_tsn = Tsn(77);
  w.frame("CWR", {}, cwr);

  // RFC 4895 AUTH, before the chunk it authenticates.
  AuthChunk auth;
  auth.shared_key_id = 1;
  auth.hmac_id = 1;  // SHA-1: 20 bytes
  auth.hmac = kHmac;
  w.frame("AUTH + DATA", {}, auth, data(103, true, true));

  // RFC 8260 I-DATA fragments.
  w.frame("I-DATA fragments", {}, idata(3000, true, false), idata(3001, false, true));

  // RFC 5061 ASCONF and ASCONF-ACK.
  AsconfChunk asconf;
  asconf.serial_number = 77;
  asconf.address = ipv4(1);
  AddIpAddressParameter add;
  add.correlation_id = AsconfCorrelationId(1);
  add.address = ipv6();
  DeleteIpAddressParameter remove;
  remove.correlation_id = AsconfCorrelationId(2);
  remove.address = ipv4(9);
  SetPrimaryAddressParameter primary;
  primary.correlation_id = AsconfCorrelationId(3);
  primary.address = ipv6();
  asconf.parameters = {add, remove, primary};
  w.frame("ASCONF", {types_of(asconf.parameters), {}}, asconf);
  AsconfAckChunk asconf_ack;
  asconf_ack.serial_number = 77;
  SuccessIndicationParameter success;
  success.correlation_id = AsconfCorrelationId(1);
  ErrorCauseIndicationParameter failure;
  failure.correlation_id = AsconfCorrelationId(2);
  RequestToDeleteLastAddressCause last;
  last.asconf_parameter = kDeleteIpTlv;
  failure.causes = {last};
  asconf_ack.parameters = {success, failure};
  w.frame("ASCONF-ACK", {types_of(asconf_ack.parameters), codes_of(failure.causes)}, asconf_ack);

  // RFC 6525 RE-CONFIG: every request and both response forms.
  OutgoingSsnResetRequestParameter outgoing;
  outgoing.request_sn = ReconfigRequestSn(1);
  outgoing.response_sn = ReconfigRequestSn(2);
  outgoing.sender_last_assigned_tsn = Tsn(99);
  outgoing.streams = {StreamId(1), StreamId(2)};
  IncomingSsnResetRequestParameter incoming;
  incoming.request_sn = ReconfigRequestSn(3);
  incoming.streams = {StreamId(4)};
  ReConfigChunk reset;
  reset.parameters = {outgoing, incoming};
  w.frame("RE-CONFIG outgoing + incoming reset", {types_of(reset.parameters), {}}, reset);
  SsnTsnResetRequestParameter ssn_tsn;
  ssn_tsn.request_sn = ReconfigRequestSn(5);
  ReConfigChunk reset_all;
  reset_all.parameters = {ssn_tsn};
  w.frame("RE-CONFIG SSN/TSN reset", {types_of(reset_all.parameters), {}}, reset_all);
  AddOutgoingStreamsRequestParameter add_out;
  add_out.request_sn = ReconfigRequestSn(6);
  add_out.new_streams = 8;
  AddIncomingStreamsRequestParameter add_in;
  add_in.request_sn = ReconfigRequestSn(7);
  add_in.new_streams = 8;
  ReConfigChunk add_streams;
  add_streams.parameters = {add_out, add_in};
  w.frame("RE-CONFIG add streams", {types_of(add_streams.parameters), {}}, add_streams);
  ReconfigurationResponseParameter response;
  response.response_sn = ReconfigRequestSn(1);
  response.result = ReconfigResult::kSuccessPerformed;
  ReconfigurationResponseParameter response_tsns;
  response_tsns.response_sn = ReconfigRequestSn(5);
  response_tsns.result = ReconfigResult::kSuccessPerformed;
  response_tsns.next_tsns = ReconfigurationResponseParameter::NextTsns{Tsn(1000), Tsn(2000)};
  ReConfigChunk responses;
  responses.parameters = {response, response_tsns};
  w.frame("RE-CONFIG responses", {types_of(responses.parameters), {}}, responses);

  // RFC 4820 PAD, bundled as a probe would be.
  PadChunk pad;
  pad.padding = kPadding;
  w.frame("PAD + DATA", {}, pad, data(104, true, true));

  // RFC 3758 FORWARD TSN and RFC 8260 I-FORWARD-TSN.
  ForwardTsnChunk forward;
  forward.new_cumulative_tsn = Tsn(1500);
  forward.skipped_streams = {{StreamId(1), Ssn(4)}, {StreamId(2), Ssn(7)}};
  w.frame("FORWARD TSN", {}, forward);
  IForwardTsnChunk iforward;
  iforward.new_cumulative_tsn = Tsn(1600);
  iforward.skipped_streams = {{StreamId(1), true, Mid(9)}, {StreamId(4), false, Mid(3)}};
  w.frame("I-FORWARD-TSN", {}, iforward);
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
  const bool written = pcap.close() && manifest.good() && writer.ok() && writer.covers_every_type();
  return written ? 0 : 1;
}
