# Shared by the example tests: children that cannot outlive the test, free
# loopback ports, and failing with the children's logs.
# Sourced; expects $WORK (a scratch directory) to be set by the caller.
set -euo pipefail

children=()
cleanup() {
  local pid
  for pid in "${children[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# spawn NAME SECONDS CMD...: runs CMD in the background under `timeout`, its
# output in $WORK/NAME.log; the pid is in $last_pid.
spawn() {
  local name="$1" seconds="$2"
  shift 2
  timeout -k 2 "$seconds" "$@" >"$WORK/$name.log" 2>&1 &
  last_pid=$!
  children+=("$last_pid")
}

# fail MESSAGE: prints MESSAGE and every child's log, exits 1.
fail() {
  echo "FAIL: $*" >&2
  local log
  for log in "$WORK"/*.log; do
    [[ -f "$log" ]] || continue
    echo "----- $(basename "$log")" >&2
    tail -n 40 "$log" >&2
  done
  exit 1
}

# wait_ok PID WHAT: waits for PID and fails unless it exited 0.
wait_ok() {
  local rc=0
  wait "$1" || rc=$?
  [[ "$rc" -eq 0 ]] || fail "$2 exited with status $rc"
}

# free_udp_ports N: prints N UDP ports on 127.0.0.1 that are free right now.
free_udp_ports() {
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

# wait_playing NAME: waits (at most 10 s) until gst-launch-1.0's log NAME says
# the pipeline is PLAYING.
wait_playing() {
  local _
  for _ in $(seq 200); do
    grep -q '^Setting pipeline to PLAYING' "$WORK/$1.log" && return 0
    sleep 0.05
  done
  fail "$1 did not reach PLAYING"
}

# wait_size FILE BYTES: waits (at most 10 s) until FILE holds BYTES bytes (a
# receiver writes its last message after the sender has already exited).
wait_size() {
  local _
  for _ in $(seq 200); do
    [[ -f "$1" && "$(stat -c %s "$1")" -ge "$2" ]] && return 0
    sleep 0.05
  done
  return 0  # the comparison that follows reports the difference
}
