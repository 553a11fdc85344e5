#!/usr/bin/env bash
# Recipe (a): SCTP over UDP between two gst-launch-1.0 processes on
# 127.0.0.1. Each process has an sctpenc and an sctpdec with the same
# association id (SACKs flow back), udpsink to the peer's udpsrc port. The
# sender sends 60 raw video frames (28800 B each) on stream 0 and keeps a copy;
# the receiver writes what arrives; the two files must be equal.
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
cd "$WORK"
read -r PORT_A PORT_B < <(free_udp_ports 2)

# --- the receiver (shell 1)
spawn receiver ${RECIPE_TIMEOUT:-30} gst-launch-1.0 \
  udpsrc address=127.0.0.1 port=$PORT_B ! sctpdec name=dec sctp-association-id=1 \
  dec.src_0 ! filesink location=received.raw buffer-mode=unbuffered \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_A sync=false async=false
receiver=$last_pid
wait_playing receiver

# --- the sender (shell 2): EOS ends the association with SHUTDOWN, then exits
spawn sender ${RECIPE_TIMEOUT:-30} gst-launch-1.0 -e \
  videotestsrc num-buffers=60 pattern=ball ! video/x-raw,format=I420,width=160,height=120 ! tee name=t \
  t. ! queue ! enc.sink_0 \
  t. ! queue ! filesink location=sent.raw \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_B sync=false async=false \
  udpsrc address=127.0.0.1 port=$PORT_A ! sctpdec name=dec sctp-association-id=1
wait_ok "$last_pid" sender

[[ -s sent.raw ]] || fail "the sender wrote nothing"
# The receiver runs until stopped (Ctrl-C): stop it once all has arrived.
wait_size received.raw "$(stat -c %s sent.raw)"
kill "$receiver" 2>/dev/null || true
cmp sent.raw received.raw || fail "received.raw differs from sent.raw"
echo "recipe (a): $(stat -c %s received.raw) bytes of video arrived intact"
