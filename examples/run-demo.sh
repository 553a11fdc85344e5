#!/usr/bin/env bash
# The demo: an edge camera streams test video (VP8 over RTP/UDP) and per-frame
# JSON metadata (SCTP through DTLS over UDP, with this project's sctpenc and
# sctpdec) to a receiver on this machine, which matches metadata to frames by
# PTS and prints a line per second. Ends 0 once every frame and its metadata
# arrived.
#
#   examples/run-demo.sh [--frames N] [--build-dir DIR] [--skip-build]
#
# On a fresh Debian 12 it installs what is missing (tests/install-packages.sh,
# needs root or sudo then), builds in DIR (default build-demo) and runs. Ports:
# 127.0.0.1 $DEMO_VIDEO_PORT (5600), $DEMO_SCTP_PORT (5601), $DEMO_CAMERA_PORT (5602).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frames=300
build_dir="$root/build-demo"
skip_build=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --frames) frames="$2"; shift ;;
    --build-dir) build_dir="$2"; shift ;;
    --skip-build) skip_build=true ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run-demo.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
video_port="${DEMO_VIDEO_PORT:-5600}"
sctp_port="${DEMO_SCTP_PORT:-5601}"
camera_port="${DEMO_CAMERA_PORT:-5602}"

if ! $skip_build; then
  bash "$root/tests/install-packages.sh"
  if [[ -f "$build_dir/build.ninja" ]]; then
    meson setup --reconfigure "$build_dir" "$root" -Dexamples=true -Dgst_plugin=enabled \
      -Dtests=false -Dbenchmarks=false -Dfuzzers=false
  else
    meson setup "$build_dir" "$root" -Dexamples=true -Dgst_plugin=enabled \
      -Dtests=false -Dbenchmarks=false -Dfuzzers=false
  fi
  ninja -C "$build_dir"
fi
for program in gst-plugin/libgstsctp.so examples/edge-camera-sender examples/edge-camera-receiver; do
  if [[ ! -e "$build_dir/$program" ]]; then
    echo "run-demo.sh: $build_dir/$program was not built" >&2
    exit 1
  fi
done

# Our sctp plugin, not gst-plugins-bad's: the system plugins come from a
# directory of links to all of them but libgstsctp.so; a registry of our own.
system_plugins="$(pkg-config --variable=pluginsdir gstreamer-1.0)"
plugins_without_sctp="$build_dir/demo-system-plugins"
mkdir -p "$plugins_without_sctp"
rm -f "$plugins_without_sctp"/*.so
for f in "$system_plugins"/*.so; do
  [[ "$(basename "$f")" == libgstsctp.so ]] || ln -sf "$f" "$plugins_without_sctp/"
done
export GST_PLUGIN_PATH="$build_dir/gst-plugin"
export GST_PLUGIN_SYSTEM_PATH_1_0="$plugins_without_sctp"
export GST_REGISTRY="$build_dir/demo-registry.bin"

children=()
trap 'for p in "${children[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
seconds=$((frames / 30 + 30))  # 30 frames per second, plus start-up and close

# Build the plugin registry once now: on a fresh machine the first process
# would otherwise spend seconds scanning every plugin while the other starts.
gst-inspect-1.0 sctpenc >/dev/null 2>&1 || true

ready="$build_dir/receiver.ready"
rm -f "$ready"
"$build_dir/examples/edge-camera-receiver" --frames "$frames" --video-port "$video_port" \
  --sctp-port "$sctp_port" --peer-port "$camera_port" --timeout "$seconds" \
  --ready-file "$ready" &
receiver=$!
children+=("$receiver")
# The camera starts once the receiver listens, so no frame is missed.
for _ in $(seq 1 600); do
  [[ -e "$ready" ]] && break
  if ! kill -0 "$receiver" 2>/dev/null; then
    wait "$receiver" || true
    echo "run-demo.sh: the receiver did not start" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ ! -e "$ready" ]]; then
  echo "run-demo.sh: the receiver was not listening after 60 s" >&2
  exit 1
fi
"$build_dir/examples/edge-camera-sender" --frames "$frames" --video-port "$video_port" \
  --sctp-port "$sctp_port" --local-port "$camera_port" --timeout "$seconds" &
sender=$!
children+=("$sender")

rc=0
wait "$sender" || rc=$?
[[ $rc -eq 0 ]] || echo "run-demo.sh: the sender failed (exit $rc)" >&2
receiver_rc=0
wait "$receiver" || receiver_rc=$?
if [[ $receiver_rc -ne 0 ]]; then
  echo "run-demo.sh: the receiver failed (exit $receiver_rc)" >&2
  rc=$receiver_rc
fi
[[ $rc -eq 0 ]] && echo "run-demo.sh: demo OK ($frames frames with their metadata)"
exit $rc
