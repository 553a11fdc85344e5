#!/usr/bin/env bash
# The project's test command: installs what is missing, builds with warnings
# as errors, runs the whole meson test suite and ends with "N passed, N failed".
#
#   tests/run.sh                 g++ build in $BUILD_DIR (default build-tests)
#   tests/run.sh --asan          clang ASan+UBSan build in $ASAN_BUILD_DIR (default build-tests-asan)
#   tests/run.sh --fuzz SECONDS  libFuzzer targets (clang) in $FUZZ_BUILD_DIR (default
#                                build-tests-fuzz), each run for SECONDS from the seed corpus
#
# Exits non-zero if anything fails to build, any test fails, or no test ran.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=default
fuzz_seconds=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --asan) mode=asan ;;
    --fuzz)
      mode=fuzz
      fuzz_seconds="${2:-}"
      shift || true
      if ! [[ "$fuzz_seconds" =~ ^[0-9]+$ ]]; then
        echo "run.sh: --fuzz needs a number of seconds" >&2
        exit 2
      fi
      ;;
    -h | --help)
      sed -n '2,10p' "$0"
      exit 0
      ;;
    *)
      echo "run.sh: unknown argument '$1' (try --help)" >&2
      exit 2
      ;;
  esac
  shift
done

bash tests/install-packages.sh

jobs="${JOBS:-$(nproc)}"

# configure DIR OPTIONS...: sets up a build dir, or re-applies the options to
# an existing one (so a changed option or a new source file is picked up).
configure() {
  local dir="$1"
  shift
  if [[ -f "$dir/build.ninja" ]]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

# Prints "passed failed skipped" for a finished meson test run: one count per
# GoogleTest case (read from the JUnit files meson has the gtest binaries
# write) and one per test of any other protocol.
count_results() {
  python3 - "$1" <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET

build = sys.argv[1]
passed = failed = skipped = 0
with open(os.path.join(build, "meson-logs", "testlog.json")) as f:
    for line in f:
        if not line.strip():
            continue
        t = json.loads(line)
        result = t.get("result")
        counted = False
        # meson runs gtest binaries with --gtest_output=xml:NAME.xml in the
        # build dir; only a file written by this run counts.
        xml_path = os.path.join(build, t["name"] + ".xml")
        if os.path.exists(xml_path) and os.path.getmtime(xml_path) >= t.get("starttime", 0) - 1:
            try:
                cases = list(ET.parse(xml_path).getroot().iter("testcase"))
            except ET.ParseError:
                cases = []
            for case in cases:
                if case.find("failure") is not None or case.find("error") is not None:
                    failed += 1
                elif case.find("skipped") is not None or case.get("result") == "skipped":
                    skipped += 1
                else:
                    passed += 1
            if cases:
                counted = True
                # A binary that crashed or exited non-zero after its cases
                # passed still fails.
                if result not in ("OK", "EXPECTEDFAIL"):
                    failed += 1
        if not counted:
            # Other test programs of this project end with "N passed, N failed".
            match = None
            for out_line in (t.get("stdout") or "").splitlines():
                m = re.match(r"^(\d+) passed, (\d+) failed", out_line)
                if m:
                    match = m
            if match and (int(match.group(1)) + int(match.group(2))) > 0:
                passed += int(match.group(1))
                failed += int(match.group(2))
                if result not in ("OK", "EXPECTEDFAIL") and int(match.group(2)) == 0:
                    failed += 1
                counted = True
        if not counted:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
print(passed, failed, skipped)
PY
}

run_meson_suite() {
  local dir="$1" timeout_multiplier="$2"
  local rc=0
  ninja -C "$dir" -j "$jobs"
  meson test -C "$dir" --no-rebuild --print-errorlogs --num-processes "$jobs" \
    --timeout-multiplier "$timeout_multiplier" || rc=$?
  local passed failed skipped
  read -r passed failed skipped < <(count_results "$dir")
  if [[ "$skipped" -gt 0 ]]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  if [[ "$rc" -ne 0 || "$failed" -ne 0 ]]; then
    return 1
  fi
  if [[ "$passed" -eq 0 ]]; then
    echo "run.sh: no test ran" >&2
    return 1
  fi
}

case "$mode" in
  default)
    dir="${BUILD_DIR:-build-tests}"
    configure "$dir" -Dwerror=true -Dtests=true -Dfuzzers=false
    run_meson_suite "$dir" 1
    ;;

  asan)
    # clang here and g++ in the default mode: the two compilers' warnings
    # both gate the build. b_lundef=false because the sanitizer runtime is
    # linked into executables, not into the libraries they load.
    dir="${ASAN_BUILD_DIR:-build-tests-asan}"
    export CXX="${ASAN_CXX:-clang++-14}" CC="${ASAN_CC:-clang-14}"
    configure "$dir" -Dwerror=true -Dtests=true -Dfuzzers=false -Dbenchmarks=false \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dcpp_args=-fno-sanitize-recover=all -Dcpp_link_args=-fno-sanitize-recover=all
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
    run_meson_suite "$dir" 4
    ;;

  fuzz)
    dir="${FUZZ_BUILD_DIR:-build-tests-fuzz}"
    export CXX="${FUZZ_CXX:-clang++-14}" CC="${FUZZ_CC:-clang-14}"
    configure "$dir" -Dwerror=true -Dfuzzers=true -Dtests=false -Dbenchmarks=false \
      -Dexamples=false -Dgst_plugin=disabled -Dinterop=disabled \
      -Db_sanitize=address,undefined -Db_lundef=false
    ninja -C "$dir" -j "$jobs"
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
    passed=0
    failed=0
    artifacts="$root/tests/fuzz/artifacts"
    mkdir -p "$artifacts"
    shopt -s nullglob
    fuzzers=("$dir"/tests/fuzz/*_fuzzer)
    if [[ ${#fuzzers[@]} -eq 0 ]]; then
      echo "run.sh: no fuzz target was built" >&2
      exit 1
    fi
    for fuzzer in "${fuzzers[@]}"; do
      name="$(basename "$fuzzer")"
      seeds="$root/tests/fuzz/corpus/${name%_fuzzer}"
      # New inputs go to a scratch corpus; the checked-in seeds stay as they are.
      work="$dir/fuzz-corpus/$name"
      mkdir -p "$work"
      log="$dir/$name.log"
      corpora=("$work")
      [[ -d "$seeds" ]] && corpora+=("$seeds")
      echo "== $name for ${fuzz_seconds}s (seeds: ${seeds#"$root"/})"
      rc=0
      "$fuzzer" -max_total_time="$fuzz_seconds" -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$artifacts/$name-" "${corpora[@]}" \
        >"$log" 2>&1 || rc=$?
      execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
      cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
      if [[ "$rc" -eq 0 ]]; then
        passed=$((passed + 1))
        echo "$name: ${execs:-?} executions in ${fuzz_seconds}s, ${cov:-cov: ?}, no crash"
      else
        failed=$((failed + 1))
        tail -n 60 "$log"
        echo "$name: FAILED (exit $rc) after ${execs:-?} executions; reproducer in ${artifacts#"$root"/}/"
      fi
    done
    echo "$passed passed, $failed failed"
    [[ "$failed" -eq 0 ]]
    ;;
esac
