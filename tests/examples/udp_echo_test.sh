#!/usr/bin/env bash
# examples/standalone/udp_echo: a server and a client on 127.0.0.1; the
# client sends 60 messages of 4 B to 200 kB, checks every echo and closes.
#   udp_echo_test.sh PATH/TO/udp_echo
udp_echo="$1"
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT

spawn server 20 "$udp_echo" --listen 0 --timeout-ms 15000
server=$last_pid
port=""
for _ in $(seq 100); do
  port="$(awk '/^listening on/ {print $3}' "$WORK/server.log")"
  [[ -n "$port" ]] && break
  sleep 0.05
done
[[ -n "$port" ]] || fail "the server did not print its port"

spawn client 20 "$udp_echo" --connect "127.0.0.1:$port" --count 60 --timeout-ms 15000
client=$last_pid
wait_ok "$client" client
wait_ok "$server" server
grep -q '60 echoes verified' "$WORK/client.log" || fail "the client did not verify 60 echoes"
cat "$WORK/client.log" "$WORK/server.log"
