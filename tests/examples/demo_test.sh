#!/usr/bin/env bash
# examples/run-demo.sh with 45 frames, on the programs of this build and free
# loopback ports.
#   demo_test.sh BUILD_ROOT
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
read -r DEMO_VIDEO_PORT DEMO_SCTP_PORT DEMO_CAMERA_PORT < <(free_udp_ports 3)
export DEMO_VIDEO_PORT DEMO_SCTP_PORT DEMO_CAMERA_PORT
spawn demo 60 "$(dirname "$0")/../../examples/run-demo.sh" --skip-build --build-dir "$1" --frames 45
wait_ok "$last_pid" run-demo.sh
grep -q '^receiver: all 45 frames and their metadata arrived' "$WORK/demo.log" ||
  fail "the receiver did not report all 45 frames"
cat "$WORK/demo.log"
