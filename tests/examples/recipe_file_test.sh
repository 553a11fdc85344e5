#!/usr/bin/env bash
# Recipe (d): send a file (5 MB of random data, 64 KiB messages on one
# reliable ordered stream) and check that it arrives intact (sha256).
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
cd "$WORK"
read -r PORT_A PORT_B < <(free_udp_ports 2)
head -c 5000000 /dev/urandom >in.bin

# --- the receiver (shell 1)
spawn receiver ${RECIPE_TIMEOUT:-30} gst-launch-1.0 \
  udpsrc address=127.0.0.1 port=$PORT_B buffer-size=4194304 ! sctpdec name=dec sctp-association-id=1 \
  dec.src_0 ! filesink location=out.bin buffer-mode=unbuffered \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_A sync=false async=false
receiver=$last_pid
wait_playing receiver

# --- the sender (shell 2): exits once every byte is acknowledged (SHUTDOWN)
spawn sender ${RECIPE_TIMEOUT:-30} gst-launch-1.0 -e \
  filesrc location=in.bin blocksize=65536 ! enc.sink_0 \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_B sync=false async=false \
  udpsrc address=127.0.0.1 port=$PORT_A ! sctpdec name=dec sctp-association-id=1
wait_ok "$last_pid" sender

# The receiver runs until stopped (Ctrl-C): stop it once all has arrived.
wait_size out.bin 5000000
kill "$receiver" 2>/dev/null || true
sent="$(sha256sum <in.bin | cut -d' ' -f1)"
got="$(sha256sum <out.bin | cut -d' ' -f1)"
[[ "$sent" == "$got" ]] || fail "sha256 differs: sent $sent, received $got ($(stat -c %s out.bin) bytes)"
echo "recipe (d): 5000000 bytes arrived intact (sha256 $got)"
