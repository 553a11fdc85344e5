#!/usr/bin/env bash
# The ICE example (examples/ice): an offerer and an answerer on loopback,
# signalling through files in a scratch directory. Both must exit 0: every
# frame and its metadata arrived, through ICE, DTLS-SRTP and SCTP over DTLS.
# Then with a man in the middle of the signalling that swaps both DTLS
# fingerprints: each side must refuse its peer's certificate, and say so.
#   ice_test.sh ICE_EXAMPLE
WORK="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
trap 'cleanup; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"' EXIT
example="$1"
frames=60

# 1. The two processes share one signalling directory.
mkdir "$WORK/signal"
spawn answerer 70 "$example" --role answerer --signal-dir "$WORK/signal" --frames "$frames" --timeout 60
answerer=$last_pid
spawn offerer 70 "$example" --role offerer --signal-dir "$WORK/signal" --frames "$frames" --timeout 60
offerer=$last_pid
wait_ok "$offerer" "the offerer"
wait_ok "$answerer" "the answerer"
grep -q "^answerer: all $frames frames and their metadata arrived" "$WORK/answerer.log" ||
  fail "the answerer did not report all $frames frames"
grep -q "^offerer: $frames frames and their metadata sent, association closed" "$WORK/offerer.log" ||
  fail "the offerer did not report a graceful close"
cat "$WORK/offerer.log" "$WORK/answerer.log"

# 2. Each process has its own directory; this shell carries the files across
# and replaces each fingerprint with the other's (the certificates are
# different, so neither matches what its peer presents).
rm -f "$WORK"/*.log
mkdir "$WORK/offerer-side" "$WORK/answerer-side"
spawn answerer 40 "$example" --role answerer --signal-dir "$WORK/answerer-side" --frames 5 --timeout 30
answerer=$last_pid
spawn offerer 40 "$example" --role offerer --signal-dir "$WORK/offerer-side" --frames 5 --timeout 30
offerer=$last_pid
for _ in $(seq 400); do
  [[ -f "$WORK/offerer-side/offerer.sig" && -f "$WORK/answerer-side/answerer.sig" ]] && break
  sleep 0.05
done
[[ -f "$WORK/offerer-side/offerer.sig" && -f "$WORK/answerer-side/answerer.sig" ]] ||
  fail "the signalling files were not written within 20 s"
offer_fp="$(grep '^fingerprint=' "$WORK/offerer-side/offerer.sig")"
answer_fp="$(grep '^fingerprint=' "$WORK/answerer-side/answerer.sig")"
sed "s/^fingerprint=.*/$answer_fp/" "$WORK/offerer-side/offerer.sig" >"$WORK/answerer-side/offerer.sig.tmp"
sed "s/^fingerprint=.*/$offer_fp/" "$WORK/answerer-side/answerer.sig" >"$WORK/offerer-side/answerer.sig.tmp"
mv "$WORK/answerer-side/offerer.sig.tmp" "$WORK/answerer-side/offerer.sig"
mv "$WORK/offerer-side/answerer.sig.tmp" "$WORK/offerer-side/answerer.sig"
for side in offerer answerer; do
  rc=0
  wait "$([[ $side == offerer ]] && echo "$offerer" || echo "$answerer")" || rc=$?
  [[ "$rc" -eq 1 ]] || fail "the $side exited with $rc, not 1, despite a forged fingerprint"
  grep -q "^$side: the peer's DTLS certificate does not match its signalled fingerprint" \
    "$WORK/$side.log" || fail "the $side did not report the fingerprint mismatch"
done
grep -h "does not match" "$WORK/offerer.log" "$WORK/answerer.log"
echo "ice example OK"
