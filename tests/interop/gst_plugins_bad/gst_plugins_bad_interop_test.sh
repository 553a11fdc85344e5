#!/usr/bin/env bash
# Our sctpenc/sctpdec in one process, gst-plugins-bad 1.22's in another, UDP
# loopback, traffic both ways at once (tests/interop/gst_plugins_bad/
# interop_peer.cpp is each side; traffic.cpp says what is sent and checked).
#
#   gst_plugins_bad_interop_test.sh PEER_BINARY OUR_PLUGIN_DIR SYSTEM_PLUGIN_DIR WORK_DIR
#
# "ours" sees a directory of links to every system plugin except
# libgstsctp.so plus our build's plugin; "theirs" sees the system plugins
# only. Each has a registry file of its own. gst-plugins-bad's side runs
# with use-sock-stream=true: only then does its reset-stream reach the wire. Both ways round: ours as role a
# then as role b (the roles differ only in which stream each resets).
set -euo pipefail

peer=${1:?usage: $0 PEER_BINARY OUR_PLUGIN_DIR SYSTEM_PLUGIN_DIR WORK_DIR}
ours_dir=${2:?}
system_dir=${3:?}
work=${4:?}
mkdir -p "$work/system-without-sctp"
rm -f "$work/system-without-sctp"/*.so
for f in "$system_dir"/*.so; do
  [ "$(basename "$f")" = libgstsctp.so ] || ln -s "$f" "$work/system-without-sctp/"
done
[ -e "$system_dir/libgstsctp.so" ] || { echo "gst-plugins-bad's $system_dir/libgstsctp.so is missing" >&2; exit 1; }

run_side() {  # run_side ours|theirs ROLE LOCAL_PORT REMOTE_PORT
  local which=$1 role=$2 local=$3 remote=$4
  if [ "$which" = ours ]; then
    env GST_PLUGIN_PATH="$ours_dir" GST_PLUGIN_SYSTEM_PATH_1_0="$work/system-without-sctp" \
      GST_REGISTRY="$work/registry-ours.bin" GST_REGISTRY_FORK=no \
      "$peer" --role "$role" --local-port "$local" --remote-port "$remote" \
      --expect-plugin "$ours_dir/libgstsctp.so" --timeout 40
  else
    env -u GST_PLUGIN_PATH GST_PLUGIN_SYSTEM_PATH_1_0="$system_dir" \
      GST_REGISTRY="$work/registry-theirs.bin" GST_REGISTRY_FORK=no \
      "$peer" --use-sock-stream --role "$role" --local-port "$local" --remote-port "$remote" \
      --expect-plugin "$system_dir/libgstsctp.so" --timeout 40
  fi
}

# Two UDP ports nobody listens on (bound and released by Python).
free_ports() {
  python3 -c 'import socket
s=[socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])'
}

status=0
for ours_role in a b; do
  theirs_role=$([ "$ours_role" = a ] && echo b || echo a)
  read -r port_ours port_theirs < <(free_ports)
  start=$(date +%s.%N)
  run_side ours "$ours_role" "$port_ours" "$port_theirs" &
  ours_pid=$!
  run_side theirs "$theirs_role" "$port_theirs" "$port_ours" &
  theirs_pid=$!
  rc_ours=0; wait "$ours_pid" || rc_ours=$?
  rc_theirs=0; wait "$theirs_pid" || rc_theirs=$?
  echo "ours as $ours_role: exit $rc_ours, gst-plugins-bad as $theirs_role: exit $rc_theirs," \
    "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }')"
  [ "$rc_ours" = 0 ] && [ "$rc_theirs" = 0 ] || status=1
done
exit $status
