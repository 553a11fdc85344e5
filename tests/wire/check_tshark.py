#!/usr/bin/env python3
"""Wire check: Wireshark's SCTP dissector must decode every packet our
serializers write, exactly as intended.

  check_tshark.py WRITER TSHARK WORKDIR

Runs WRITER (write_all_chunks_pcap) to produce a pcap and a manifest, has
tshark dissect the pcap with CRC32c verification on, and fails unless, for
every frame:
  * the chunk types decode in the order the manifest lists (chunks quoted
    inside an error cause last),
  * every parameter and error cause the manifest lists is decoded,
  * the CRC32c checksum is verified as good,
  * there is no malformed-packet mark and no expert info of severity
    warning or error.
Prints one line per frame and ends with "N passed, N failed".
"""
import os
import subprocess
import sys

# epan/proto.h: PI_SEVERITY_MASK values
SEVERITY = {0x00200000: "chat", 0x00400000: "note", 0x00600000: "warn", 0x00800000: "error"}
CHECKSUM_GOOD = "1"  # proto_checksum_enum_e: PROTO_CHECKSUM_E_GOOD

FIELDS = [
    "frame.number",
    "sctp.chunk_type",
    "sctp.parameter_type",
    "sctp.cause_code",
    "sctp.checksum.status",
    "_ws.malformed",
    "_ws.expert.severity",
    "_ws.expert.message",
]


def parse_list(text):
    return [int(v, 0) for v in text.split(",") if v]


def main():
    writer, tshark, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    pcap = os.path.join(workdir, "all_chunks.pcap")
    manifest_path = os.path.join(workdir, "all_chunks.manifest")
    subprocess.run([writer, pcap, manifest_path], check=True)

    manifest = []
    with open(manifest_path) as f:
        for line in f:
            name, chunks, params, causes = line.rstrip("\n").split("\t")
            manifest.append({
                "name": name,
                "chunks": parse_list(chunks.split("=", 1)[1]),
                "params": parse_list(params.split("=", 1)[1]),
                "causes": parse_list(causes.split("=", 1)[1]),
            })

    command = [tshark, "-n", "-r", pcap,
               # verify the checksum as CRC32c (RFC 9260 section 6.8)
               "-o", "sctp.checksum:CRC 32c",
               # judge SCTP only: payloads are test bytes, not WebRTC messages
               "-o", "sctp.ulp_dissection:FALSE",
               "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"]
    for field in FIELDS:
        command += ["-e", field]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(result.stderr)
        print(f"tshark exited with {result.returncode}")
        print("0 passed, 1 failed")
        return 1
    rows = [line.split("\t") for line in result.stdout.splitlines() if line.strip()]

    passed = failed = 0
    if len(rows) != len(manifest):
        print(f"tshark decoded {len(rows)} frames, the writer wrote {len(manifest)}")
        failed += 1
    for expected, row in zip(manifest, rows):
        row += [""] * (len(FIELDS) - len(row))
        values = dict(zip(FIELDS, row))
        problems = []
        chunks = parse_list(values["sctp.chunk_type"])
        if chunks != expected["chunks"]:
            problems.append(f"chunk types {chunks}, expected {expected['chunks']}")
        params = parse_list(values["sctp.parameter_type"])
        missing = [hex(p) for p in expected["params"] if p not in params]
        if missing:
            problems.append(f"parameters not decoded: {missing} (decoded {[hex(p) for p in params]})")
        causes = parse_list(values["sctp.cause_code"])
        missing = [hex(c) for c in expected["causes"] if c not in causes]
        if missing:
            problems.append(f"error causes not decoded: {missing} (decoded {[hex(c) for c in causes]})")
        if values["sctp.checksum.status"] != CHECKSUM_GOOD:
            problems.append(f"checksum status '{values['sctp.checksum.status']}', expected good")
        if values["_ws.malformed"]:
            problems.append("malformed packet mark")
        severities = parse_list(values["_ws.expert.severity"])
        messages = values["_ws.expert.message"].split(",") if values["_ws.expert.message"] else []
        for i, severity in enumerate(severities):
            level = SEVERITY.get(severity, hex(severity))
            if level in ("warn", "error"):
                message = messages[i] if i < len(messages) else "?"
                problems.append(f"expert {level}: {message}")
        status = "ok  " if not problems else "FAIL"
        print(f"{status} frame {values['frame.number']}: {expected['name']}")
        for p in problems:
            print(f"       {p}")
        if problems:
            failed += 1
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
