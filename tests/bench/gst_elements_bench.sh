#!/usr/bin/env bash
# Our sctpenc/sctpdec against gst-plugins-bad's, two processes on UDP
# loopback (tests/bench/gst_sctp_peer.cpp is each side), one reliable
# ordered stream: 100-byte messages/s, 16 KiB Mbit/s, and CPU seconds per GB
# of both processes together. Prints ratios ours / theirs from this run.
#
#   tests/bench/gst_elements_bench.sh BUILD_DIR [WINDOW_SECONDS]
#
# Each case runs about WINDOW+3 s: 2 s to set the association up and fill
# the pipe, then WINDOW s measured (receiver bytes, /proc CPU ticks of both
# processes), then both processes stop.
set -euo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR [WINDOW_SECONDS]}" && pwd)
window=${2:-7}
peer="$build/tests/bench/gst-sctp-peer"
[ -x "$peer" ] || { echo "missing $peer (build with -Dbenchmarks=true)" >&2; exit 2; }
system_plugins=$(pkg-config --variable=pluginsdir gstreamer-1.0)
work=$(mktemp -d /tmp/gst-sctp-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A directory of links to every system plugin except gst-plugins-bad's sctp,
# so "ours" sees only our build's libgstsctp.so.
mkdir -p "$work/system-without-sctp"
for f in "$system_plugins"/*.so; do
  [ "$(basename "$f")" = libgstsctp.so ] || ln -s "$f" "$work/system-without-sctp/"
done

# Always called in a subshell ("&" or "$(...)"): exec keeps the pid, so $!
# is the peer process itself (its CPU ticks are read from /proc).
with_plugin() {  # with_plugin ours|theirs COMMAND...
  local which=$1; shift
  if [ "$which" = ours ]; then
    exec env GST_PLUGIN_PATH="$build/gst-plugin" \
      GST_PLUGIN_SYSTEM_PATH_1_0="$work/system-without-sctp" \
      GST_REGISTRY="$work/registry-ours.bin" "$@"
  else
    exec env -u GST_PLUGIN_PATH GST_PLUGIN_SYSTEM_PATH_1_0="$system_plugins" \
      GST_REGISTRY="$work/registry-theirs.bin" "$@"
  fi
}

ticks=$(getconf CLK_TCK)
cpu_ticks() {  # utime + stime of a process (fields 14 and 15 of /proc/PID/stat)
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
last_rx() { grep '^rx ' "$1" | tail -n 1 | awk '{ print $2, $3 }'; }

# run_case ours|theirs MESSAGE_SIZE PORT -> prints "bytes_per_s cpu_s_per_gb"
# (runs in a subshell: each case gets its own PORT and PORT+1 from the caller)
run_case() {
  local which=$1 size=$2 rx_port=$3
  local tx_port=$((rx_port + 1))
  local out="$work/rx-$which-$size.txt"
  with_plugin "$which" "$peer" --receive --local-port "$rx_port" --remote-port "$tx_port" \
    --message-size "$size" --seconds $((window + 4)) >"$out" 2>"$work/rx.err" &
  local rx_pid=$!
  with_plugin "$which" "$peer" --send --local-port "$tx_port" --remote-port "$rx_port" \
    --message-size "$size" --seconds $((window + 3)) >/dev/null 2>"$work/tx.err" &
  local tx_pid=$!
  sleep 2
  read -r t0 b0 < <(last_rx "$out") || true
  local c0=$(( $(cpu_ticks $rx_pid) + $(cpu_ticks $tx_pid) ))
  sleep "$window"
  read -r t1 b1 < <(last_rx "$out") || true
  local c1=$(( $(cpu_ticks $rx_pid) + $(cpu_ticks $tx_pid) ))
  # The measurement is taken: stop both now rather than wait for their own
  # timers (a pipeline may take long to reach NULL with data in flight).
  kill "$tx_pid" "$rx_pid" 2>/dev/null || true
  wait "$tx_pid" 2>/dev/null || true
  wait "$rx_pid" 2>/dev/null || true
  awk -v b0="${b0:-0}" -v b1="${b1:-0}" -v t0="${t0:-0}" -v t1="${t1:-1}" -v c0="$c0" -v c1="$c1" \
      -v hz="$ticks" 'BEGIN {
        bytes = b1 - b0; secs = (t1 - t0) / 1e6; cpu = (c1 - c0) / hz;
        if (bytes <= 0 || secs <= 0) { print 0, 0; exit }
        printf "%.0f %.2f\n", bytes / secs, cpu / (bytes / 1e9) }'
}

for which in ours theirs; do
  file=$( (with_plugin "$which" gst-inspect-1.0 sctpenc) 2>/dev/null | awk '/Filename/ { print $2 }')
  echo "$which: sctpenc from ${file:-NOT FOUND}"
done

declare -A rate cpu
port=41000
for size in 100 16384; do
  # Interleaved, so a change in background load hits both about equally.
  for which in ours theirs; do
    read -r r c < <(run_case "$which" "$size" "$port") || true
    port=$((port + 2))
    echo "  $which, $size B: ${r:-0} B/s, ${c:-0} CPU s/GB" >&2
    rate[$which,$size]=$r
    cpu[$which,$size]=$c
  done
done

awk -v o100="${rate[ours,100]}" -v t100="${rate[theirs,100]}" \
    -v o16="${rate[ours,16384]}" -v t16="${rate[theirs,16384]}" \
    -v oc100="${cpu[ours,100]}" -v tc100="${cpu[theirs,100]}" \
    -v oc16="${cpu[ours,16384]}" -v tc16="${cpu[theirs,16384]}" 'BEGIN {
  printf "%-32s %14s %14s %8s\n", "", "ours", "gst-plugins-bad", "ratio"
  printf "%-32s %14.0f %14.0f %8.2f\n", "100 B messages/s", o100 / 100, t100 / 100, (t100 > 0 ? o100 / t100 : 0)
  printf "%-32s %14.0f %14.0f %8.2f\n", "16 KiB Mbit/s", o16 * 8 / 1e6, t16 * 8 / 1e6, (t16 > 0 ? o16 / t16 : 0)
  printf "%-32s %14.2f %14.2f %8.2f\n", "CPU s per GB, 16 KiB (both)", oc16, tc16, (tc16 > 0 ? oc16 / tc16 : 0)
  printf "%-32s %14.2f %14.2f %8.2f\n", "CPU s per GB, 100 B (both)", oc100, tc100, (tc100 > 0 ? oc100 / tc100 : 0)
}'
