#!/usr/bin/env bash
# Recipe (c): several streams with different reliability on one association.
# Each sctpenc sink pad reads its settings from its caps (as gst-plugins-bad
# does): stream 0 ordered and reliable, stream 1 unordered with a 2 s lifetime
# (RFC 7496 TTL), stream 2 unordered with no retransmission (RFC 7496 RTX 0).
# On a loopback link nothing is lost once the UDP receive buffers are large
# enough (buffer-size: with the 208 KiB default the kernel drops datagrams in
# bursts, and the RTX-0 stream then loses messages, as its policy allows), so
# every file must arrive intact.
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
cd "$WORK"
read -r PORT_A PORT_B < <(free_udp_ports 2)
for i in 0 1 2; do head -c $((100000 + i * 1000)) /dev/urandom >in$i.bin; done

# --- the receiver (shell 1): one file per stream
spawn receiver ${RECIPE_TIMEOUT:-30} gst-launch-1.0 \
  udpsrc address=127.0.0.1 port=$PORT_B buffer-size=4194304 ! sctpdec name=dec sctp-association-id=1 \
  dec.src_0 ! filesink location=out0.bin buffer-mode=unbuffered \
  dec.src_1 ! filesink location=out1.bin buffer-mode=unbuffered \
  dec.src_2 ! filesink location=out2.bin buffer-mode=unbuffered \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_A sync=false async=false
receiver=$last_pid
wait_playing receiver

# --- the sender (shell 2): 1000-byte messages as fast as SCTP lets them go
spawn sender ${RECIPE_TIMEOUT:-30} gst-launch-1.0 -e \
  filesrc location=in0.bin blocksize=1000 ! 'application/x-data,ordered=(boolean)true,ppid=(uint)53' ! enc.sink_0 \
  filesrc location=in1.bin blocksize=1000 ! 'application/x-data,ordered=(boolean)false,ppid=(uint)53,partially-reliability=(string)ttl,reliability-parameter=(uint)2000' ! enc.sink_1 \
  filesrc location=in2.bin blocksize=1000 ! 'application/x-data,ordered=(boolean)false,ppid=(uint)53,partially-reliability=(string)rtx,reliability-parameter=(uint)0' ! enc.sink_2 \
  sctpenc name=enc sctp-association-id=1 ! udpsink host=127.0.0.1 port=$PORT_B sync=false async=false \
  udpsrc address=127.0.0.1 port=$PORT_A buffer-size=4194304 ! sctpdec name=dec sctp-association-id=1
wait_ok "$last_pid" sender

# The receiver runs until stopped (Ctrl-C): stop it once all has arrived.
for i in 0 1 2; do wait_size out$i.bin "$(stat -c %s in$i.bin)"; done
kill "$receiver" 2>/dev/null || true
for i in 0 1 2; do
  cmp in$i.bin out$i.bin || fail "stream $i: out$i.bin differs from in$i.bin"
done
echo "recipe (c): three streams (reliable ordered, TTL 2 s, RTX 0) arrived intact"
