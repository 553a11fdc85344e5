#!/usr/bin/env bash
# Recipe (e): our sctpenc/sctpdec talking to gst-plugins-bad's (usrsctp) on
# the other end. The receiver process runs with the system's plugins only
# (GST_PLUGIN_PATH unset, the default system plugin path, a registry file of
# its own in $SYSTEM_GST_REGISTRY); the sender uses ours. gst-plugins-bad only
# starts an association once both SCTP ports are set, so they are given.
# The sender is ours: gst-plugins-bad's sctpenc cannot link sink pads in
# gst-launch-1.0 before its association is up.
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
cd "$WORK"
read -r PORT_A PORT_B < <(free_udp_ports 2)
head -c 1000000 /dev/urandom >in.bin

# --- the receiver (shell 1), gst-plugins-bad's elements
spawn receiver ${RECIPE_TIMEOUT:-30} env -u GST_PLUGIN_PATH -u GST_PLUGIN_SYSTEM_PATH_1_0 \
  GST_REGISTRY="${SYSTEM_GST_REGISTRY:-$WORK/system-registry.bin}" gst-launch-1.0 \
  udpsrc address=127.0.0.1 port=$PORT_B ! sctpdec name=dec sctp-association-id=1 local-sctp-port=5000 \
  dec.src_0 ! filesink location=out.bin buffer-mode=unbuffered \
  sctpenc name=enc sctp-association-id=1 remote-sctp-port=5000 ! udpsink host=127.0.0.1 port=$PORT_A sync=false async=false
receiver=$last_pid
wait_playing receiver

# --- the sender (shell 2), our elements
spawn sender ${RECIPE_TIMEOUT:-30} gst-launch-1.0 -e \
  filesrc location=in.bin blocksize=16384 ! enc.sink_0 \
  sctpenc name=enc sctp-association-id=1 remote-sctp-port=5000 ! udpsink host=127.0.0.1 port=$PORT_B sync=false async=false \
  udpsrc address=127.0.0.1 port=$PORT_A ! sctpdec name=dec sctp-association-id=1 local-sctp-port=5000
wait_ok "$last_pid" sender

# The receiver runs until stopped (Ctrl-C): stop it once all has arrived.
wait_size out.bin 1000000
kill "$receiver" 2>/dev/null || true
cmp in.bin out.bin || fail "out.bin (received by gst-plugins-bad) differs from in.bin"
echo "recipe (e): 1000000 bytes from our sctpenc arrived intact at gst-plugins-bad's sctpdec"
