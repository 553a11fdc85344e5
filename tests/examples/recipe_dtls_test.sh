#!/usr/bin/env bash
# Recipe (b): SCTP over DTLS over UDP between two gst-launch-1.0 processes on
# 127.0.0.1, as recipe (a) with dtlsenc/dtlsdec between SCTP and UDP. The
# sender is the DTLS client. sctpenc's wait-for-dtls=true holds its packets
# until dtlsenc's handshake is complete (dtlsenc fails on data before). The
# sender sends 60 raw video frames on stream 0 and keeps a copy; the
# receiver writes what arrives; once it has all, both are stopped and the
# two files must be equal.
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
cd "$WORK"
read -r PORT_A PORT_B < <(free_udp_ports 2)

# --- the receiver (shell 1), the DTLS server
spawn receiver ${RECIPE_TIMEOUT:-30} gst-launch-1.0 \
  udpsrc address=127.0.0.1 port=$PORT_B ! dtlsdec connection-id=rx \
  ! sctpdec name=dec sctp-association-id=1 \
  dec.src_0 ! filesink location=received.raw buffer-mode=unbuffered \
  sctpenc name=enc sctp-association-id=1 wait-for-dtls=true ! dtlsenc connection-id=rx \
  ! udpsink host=127.0.0.1 port=$PORT_A sync=false async=false
receiver=$last_pid
wait_playing receiver

# --- the sender (shell 2), the DTLS client. Neither side ends by itself:
# dtlsenc forwards EOS only once the peer has closed DTLS too, so the SHUTDOWN
# after the last frame completes but both processes run until stopped.
spawn sender ${RECIPE_TIMEOUT:-30} gst-launch-1.0 \
  videotestsrc num-buffers=60 pattern=ball ! video/x-raw,format=I420,width=160,height=120 ! tee name=t \
  t. ! queue ! enc.sink_0 \
  t. ! queue ! filesink location=sent.raw \
  sctpenc name=enc sctp-association-id=1 wait-for-dtls=true ! dtlsenc connection-id=tx is-client=true \
  ! udpsink host=127.0.0.1 port=$PORT_B sync=false async=false \
  udpsrc address=127.0.0.1 port=$PORT_A ! dtlsdec connection-id=tx ! sctpdec name=dec sctp-association-id=1
sender=$last_pid

expected=$((60 * 160 * 120 * 3 / 2))  # 60 I420 frames
for _ in $(seq 500); do
  [[ -f received.raw && "$(stat -c %s received.raw)" -ge $expected ]] && break
  kill -0 "$sender" 2>/dev/null || fail "the sender exited early"
  kill -0 "$receiver" 2>/dev/null || fail "the receiver exited early"
  sleep 0.05
done
kill "$sender" "$receiver" 2>/dev/null || true
grep -q '^ERROR' "$WORK/sender.log" "$WORK/receiver.log" && fail "a pipeline reported an error"
[[ "$(stat -c %s sent.raw)" -eq $expected ]] || fail "the sender wrote $(stat -c %s sent.raw) B, not $expected"
cmp sent.raw received.raw || fail "received.raw differs from sent.raw"
echo "recipe (b): $(stat -c %s received.raw) bytes of video arrived intact through DTLS"

# wait-for-dtls with no DTLS element after sctpenc: the start fails, saying why.
rc=0
timeout 20 gst-launch-1.0 fakesrc num-buffers=1 ! sctpenc wait-for-dtls=true ! fakesink \
  >"$WORK/misuse.log" 2>&1 || rc=$?
[[ "$rc" -ne 0 && "$rc" -ne 124 ]] || fail "wait-for-dtls without dtlsenc: gst-launch-1.0 exited $rc"
grep -q "has no DTLS connection-state" "$WORK/misuse.log" ||
  fail "wait-for-dtls without dtlsenc: no error naming the cause ($(cat "$WORK/misuse.log"))"
echo "wait-for-dtls without a DTLS element: refused"
