#!/usr/bin/env python3
"""Writes the checked-in libFuzzer seed corpus (tests/fuzz/corpus/).

The packets are laid out by hand from the RFC figures, independently of the
C++ serializers, so the seeds also exercise parsers on bytes our own code did
not write. Re-run after changing it:  python3 tests/fuzz/make_seed_corpus.py

corpus/packet/     whole SCTP packets (common header + chunks), valid CRC32c
corpus/parameter/  parameter and error-cause lists as found after a chunk's fixed fields
corpus/socket/     scripts for socket_fuzzer.cpp (see its Harness::run for the format)
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def pad(b: bytes) -> bytes:
    return b + b"\0" * (-len(b) % 4)


def tlv(type16: int, value: bytes) -> bytes:
    """A parameter or error cause (RFC 9260 3.2.1, 3.3.10), unpadded."""
    return struct.pack("!HH", type16, 4 + len(value)) + value


def seq(*items: bytes) -> bytes:
    """Parameters or causes in a row: each padded but the last, because a
    chunk's length counts the padding of every parameter except the last one
    (RFC 9260 section 3.2); chunk() pads the chunk itself."""
    if not items:
        return b""
    return b"".join(pad(i) for i in items[:-1]) + items[-1]


def chunk(ctype: int, flags: int, value: bytes) -> bytes:
    """A chunk (RFC 9260 3.2), padded."""
    return pad(struct.pack("!BBH", ctype, flags, 4 + len(value)) + value)


def packet(chunks, vtag=0x11223344, sport=5000, dport=5000) -> bytes:
    """Common header (RFC 9260 3.1) with the CRC32c in appendix B byte order."""
    body = b"".join(chunks)
    hdr = struct.pack("!HHII", sport, dport, vtag, 0)
    crc = crc32c(hdr + body)
    return hdr[:8] + struct.pack("<I", crc) + body


# ---- parameters ----
ipv4 = tlv(5, bytes([192, 0, 2, 1]))
ipv6 = tlv(6, bytes(range(16)))
cookie_preservative = tlv(9, struct.pack("!I", 5000))
host_name = tlv(11, b"example.org\0")
supported_address_types = tlv(12, struct.pack("!HH", 5, 6))
ecn_capable = tlv(0x8000, b"")
zero_checksum = tlv(0x8001, struct.pack("!I", 1))  # RFC 9653: EDMID 1 = DTLS
random = tlv(0x8002, bytes(range(32)))
chunk_list = tlv(0x8003, bytes([0, 3, 64, 130]))
hmac_algorithms = tlv(0x8004, struct.pack("!HH", 1, 3))
padding = tlv(0x8005, bytes(12))
supported_extensions = tlv(0x8008, bytes([130, 192, 64, 194, 15, 128, 193]))
forward_tsn_supported = tlv(0xC000, b"")
adaptation = tlv(0xC006, struct.pack("!I", 0xA1B2C3D4))
state_cookie = tlv(7, bytes((i * 7) & 0xFF for i in range(40)))
unrecognized = tlv(8, tlv(0x8123, b"\x01\x02\x03"))
heartbeat_info = tlv(1, struct.pack("!Q", 0x0123456789ABCDEF) + b"path0")
# RFC 6525 section 4
outgoing_reset = tlv(13, struct.pack("!III", 1, 2, 99) + struct.pack("!HH", 1, 2))
incoming_reset = tlv(14, struct.pack("!I", 3) + struct.pack("!H", 4))
ssn_tsn_reset = tlv(15, struct.pack("!I", 5))
reconfig_response = tlv(16, struct.pack("!II", 1, 1))
reconfig_response_tsns = tlv(16, struct.pack("!IIII", 2, 1, 1000, 2000))
add_outgoing = tlv(17, struct.pack("!IHH", 6, 8, 0))
add_incoming = tlv(18, struct.pack("!IHH", 7, 8, 0))
# RFC 5061 section 4.2: ASCONF parameters carry a correlation id and an address
add_ip = tlv(0xC001, struct.pack("!I", 1) + ipv4)
delete_ip = tlv(0xC002, struct.pack("!I", 2) + ipv6)
set_primary = tlv(0xC004, struct.pack("!I", 3) + ipv4)
success = tlv(0xC005, struct.pack("!I", 1))
error_indication = tlv(0xC003, struct.pack("!I", 2) + tlv(0x00A0, delete_ip))

init_params = [ipv4, ipv6, cookie_preservative, supported_address_types, ecn_capable,
               zero_checksum, random, chunk_list, hmac_algorithms, supported_extensions,
               forward_tsn_supported, adaptation]
init_ack_params = [state_cookie, ipv4, unrecognized, supported_extensions, forward_tsn_supported,
                   zero_checksum]

# ---- error causes (RFC 9260 3.3.10, RFC 5061 5.3, RFC 4895 4.1) ----
causes = [
    tlv(1, struct.pack("!HH", 7, 0)),  # invalid stream identifier
    tlv(2, struct.pack("!IHH", 2, 7, 9)),  # missing mandatory parameter
    tlv(3, struct.pack("!I", 100000)),  # stale cookie, staleness in us
    tlv(4, b""),  # out of resource
    tlv(5, ipv4),  # unresolvable address
    tlv(6, chunk(0x7F, 0, b"\x01\x02\x03\x04")),  # unrecognized chunk type
    tlv(7, b""),  # invalid mandatory parameter
    tlv(8, tlv(0x8123, b"x")),  # unrecognized parameters
    tlv(9, struct.pack("!I", 42)),  # no user data
    tlv(10, b""),  # cookie received while shutting down
    tlv(11, ipv4),  # restart with new addresses
    tlv(12, b"bye"),  # user-initiated abort
    tlv(13, b"protocol violation"),  # protocol violation
    tlv(0x00A0, delete_ip),  # request to delete last address: the refused parameter
    tlv(0x0105, struct.pack("!H", 2)),  # unsupported HMAC identifier (RFC 4895: 261)
]


def data(tsn, sid, ssn, ppid, payload, flags=3):
    return chunk(0, flags, struct.pack("!IHHI", tsn, sid, ssn, ppid) + payload)


def idata(tsn, sid, mid, ppid_or_fsn, payload, flags=3):
    # RFC 8260 2.1: TSN, stream, reserved, MID, PPID (B set) or FSN
    return chunk(64, flags, struct.pack("!IHHII", tsn, sid, 0, mid, ppid_or_fsn) + payload)


packets = {
    "init": packet([chunk(1, 0, struct.pack("!IIHHI", 0xA1A2A3A4, 131072, 1024, 1024, 1000)
                          + seq(*init_params))], vtag=0),
    "init_ack_with_cookie": packet([chunk(2, 0, struct.pack("!IIHHI", 0xB1B2B3B4, 65536, 16, 16,
                                                            5000) + seq(*init_ack_params))]),
    "cookie_echo_and_data": packet([chunk(10, 0, bytes((i * 7) & 0xFF for i in range(40))),
                                    data(1000, 0, 0, 51, b"hello")]),
    "cookie_ack": packet([chunk(11, 0, b"")]),
    "data_fragments": packet([data(1001, 1, 5, 53, b"\xAA" * 13, flags=2),
                              data(1002, 1, 5, 53, b"\xBB" * 8, flags=0),
                              data(1003, 1, 5, 53, b"\xCC" * 3, flags=1)]),
    "data_unordered_immediate": packet([data(7, 3, 0, 51, b"x", flags=0x0F)]),
    "sack_with_gaps_and_dups": packet([chunk(3, 0, struct.pack("!IIHH", 999, 65000, 3, 2)
                                             + struct.pack("!HHHHHH", 2, 3, 5, 5, 9, 12)
                                             + struct.pack("!II", 998, 997))]),
    "sack_and_data": packet([chunk(3, 0, struct.pack("!IIHH", 5, 1000, 0, 0)),
                             data(2000, 2, 1, 51, b"bundled")]),
    "heartbeat": packet([chunk(4, 0, seq(heartbeat_info))]),
    "heartbeat_ack": packet([chunk(5, 0, heartbeat_info)]),
    "abort_with_causes": packet([chunk(6, 0, seq(*causes[:6]))]),
    "abort_t_bit": packet([chunk(6, 1, tlv(12, b"reflected"))]),
    "error_with_causes": packet([chunk(9, 0, seq(*causes[6:]))]),
    "shutdown": packet([chunk(7, 0, struct.pack("!I", 1003))]),
    "shutdown_ack": packet([chunk(8, 0, b"")]),
    "shutdown_complete": packet([chunk(14, 1, b"")]),
    "ecne_cwr": packet([chunk(12, 0, struct.pack("!I", 77)), chunk(13, 0, struct.pack("!I", 77))]),
    "idata_fragments": packet([idata(3000, 4, 9, 51, b"first", flags=2),
                               idata(3001, 4, 9, 1, b"last", flags=1)]),
    "forward_tsn": packet([chunk(192, 0, struct.pack("!I", 1500) + struct.pack("!HHHH", 1, 4, 2, 7))]),
    "iforward_tsn": packet([chunk(194, 0, struct.pack("!I", 1600) + struct.pack("!HHI", 1, 1, 9)
                                  + struct.pack("!HHI", 4, 0, 3))]),
    "reconfig_reset": packet([chunk(130, 0, seq(outgoing_reset, incoming_reset))]),
    "reconfig_response": packet([chunk(130, 0, reconfig_response_tsns)]),
    "reconfig_add_streams": packet([chunk(130, 0, seq(add_outgoing, add_incoming))]),
    "reconfig_ssn_tsn": packet([chunk(130, 0, ssn_tsn_reset)]),
    "pad_and_data": packet([chunk(132, 0, bytes(20)), data(10, 0, 1, 51, b"padded")]),
    "auth_and_data": packet([chunk(15, 0, struct.pack("!HH", 1, 1) + bytes(20)),
                             data(11, 0, 2, 51, b"authenticated")]),
    "asconf": packet([chunk(193, 0, struct.pack("!I", 77) + seq(ipv4, add_ip, set_primary, delete_ip))]),
    "asconf_ack": packet([chunk(128, 0, struct.pack("!I", 77) + seq(success, error_indication))]),
    "unknown_chunk_skip": packet([chunk(0xBF, 0x5A, b"\x01\x02\x03"), data(12, 0, 3, 51, b"z")]),
}

parameter_lists = {
    "init_params": seq(*init_params),
    "init_ack_params": seq(*init_ack_params),
    "heartbeat_info": heartbeat_info,
    "host_name_and_padding": seq(host_name, padding),
    "reconfig_requests": seq(outgoing_reset, incoming_reset, ssn_tsn_reset, add_outgoing,
                             add_incoming),
    "reconfig_responses": seq(reconfig_response, reconfig_response_tsns),
    "asconf_params": seq(add_ip, delete_ip, set_primary, success, error_indication),
    "unrecognized_parameter": unrecognized,
    "error_causes_rfc9260": seq(*causes[:13]),
    "error_causes_asconf_auth": seq(*causes[13:]),
}


def inject(chunks: bytes, target_b=True, relative=True) -> bytes:
    """socket_fuzzer op 0/1: chunks behind a genuine header; with the high
    bit, TSN fields are offsets from the genuine TSNs."""
    op = (0 if target_b else 1) | (0x80 if relative else 0)
    return bytes([op]) + struct.pack("!H", len(chunks)) + chunks


def advance(steps20ms: int) -> bytes:
    return bytes([3, steps20ms])


DELIVER = bytes([4])


def user_send(flags: int, stream: int, size: int) -> bytes:
    return bytes([5, flags, stream]) + struct.pack("!H", size)


def control(what: int) -> bytes:
    return bytes([6, what])


def lose(direction: int) -> bytes:
    return bytes([7, direction])


# A socket_fuzzer script per packet seed (its chunks into B, TSNs relative),
# plus scripts that walk through data, loss, reset and teardown paths.
socket_scripts = {
    "wrapped_" + name: b"\0" + inject(blob[12:]) + DELIVER + advance(20) + DELIVER
    for name, blob in packets.items()
}
socket_scripts.update({
    "data_next_tsn_in_order": b"\0" + inject(data(1, 1, 1, 51, b"next")) + DELIVER,
    "data_gap_then_fill": b"\0" + inject(data(3, 1, 3, 51, b"gap")) + DELIVER
    + inject(data(2, 1, 2, 51, b"fill")) + DELIVER + advance(15),
    "data_duplicate": b"\0" + inject(data(0, 1, 0, 51, b"dup")) + DELIVER,
    "data_fragments_relative": b"\0" + inject(data(1, 3, 0, 53, b"\xAA" * 40, flags=2)
                                               + data(2, 3, 0, 53, b"\xBB" * 40, flags=0)
                                               + data(3, 3, 0, 53, b"\xCC" * 4, flags=1)),
    "idata_interleaved": b"\1" + inject(idata(1, 2, 0, 51, b"first", flags=2)
                                         + idata(2, 5, 0, 51, b"other", flags=3)
                                         + idata(3, 2, 0, 1, b"last", flags=1)) + DELIVER,
    "sack_acks_and_gaps": b"\0" + user_send(0, 1, 6000) + DELIVER
    + inject(chunk(3, 0, struct.pack("!IIHH", 0, 65000, 1, 1) + struct.pack("!HHI", 2, 3, 0)),
             target_b=False) + DELIVER,
    "sack_beyond_sent": b"\0" + inject(chunk(3, 0, struct.pack("!IIHH", 50, 65000, 0, 0)),
                                        target_b=False),
    "forward_tsn_skip": b"\0" + inject(chunk(192, 0, struct.pack("!IHH", 4, 1, 2))) + DELIVER,
    "iforward_tsn_skip": b"\1" + inject(chunk(194, 0, struct.pack("!IHHI", 4, 2, 1, 1)))
    + DELIVER,
    "loss_then_timeouts": b"\0" + user_send(0, 1, 20000) + lose(0) + advance(60) + DELIVER
    + advance(120) + DELIVER,
    "pr_sctp_lifetime": b"\0" + user_send(0x04 | 0x10, 2, 3000) + lose(0) + advance(100)
    + DELIVER,
    "reset_each_way": b"\0" + control(0x50) + DELIVER + control(0x51) + DELIVER + DELIVER,
    "shutdown_a": b"\0" + control(2) + DELIVER + DELIVER + DELIVER,
    "abort_b": b"\0" + control(5) + DELIVER,
    "restart_init": b"\0" + inject(packets["init"][12:], relative=False) + DELIVER + DELIVER,
    "raw_ootb": b"\0" + bytes([2]) + struct.pack("!H", len(packets["data_fragments"]))
    + packets["data_fragments"],
})


def write(folder, items):
    path = os.path.join(HERE, "corpus", folder)
    os.makedirs(path, exist_ok=True)
    for name, blob in items.items():
        with open(os.path.join(path, name + ".bin"), "wb") as f:
            f.write(blob)


if __name__ == "__main__":
    assert crc32c(b"123456789") == 0xE3069283
    write("packet", packets)
    write("parameter", parameter_lists)
    write("socket", socket_scripts)
    print(f"wrote {len(packets)} packets, {len(parameter_lists)} parameter lists "
          f"and {len(socket_scripts)} socket scripts")
