#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (the library instrumented with ASan and UBSan too) and
# runs each for SECONDS (default 10) on its seed corpus. Exit 1 on any finding: the crashing input
# is left in BUILD_DIR/findings/ to be turned into a regression test.
#   bash tests/fuzz/run.sh [SECONDS [BUILD_DIR]]
# BUILD_DIR is a build already configured with clang, -DKEXPORT_FUZZ=ON and -fsanitize=fuzzer-no-link
# (CI's sanitizer build, which so builds the library once for its tests and the fuzzers alike);
# without it the targets are built in build-fuzz.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
build=${2:-build-fuzz}
if ! command -v clang++ >/dev/null || [ ! -e "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  apt-get update -qq && apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
if [ -z "${2:-}" ]; then
  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DKEXPORT_FUZZ=ON \
    -DKEXPORT_BUILD_TESTS=OFF -DKEXPORT_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
fi
targets=(csv json jsonl parse image xlsx ods xls)
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >/dev/null
mkdir -p "$build/findings"
status=0
for target in "${targets[@]}"; do
  corpus=tests/fuzz/corpus/$target
  [ "$target" = parse ] && corpus="tests/fuzz/corpus/period tests/fuzz/corpus/amount tests/fuzz/corpus/text"
  work=$build/corpus-$target
  mkdir -p "$work"
  # shellcheck disable=SC2086
  if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp \
      $build/tests/fuzz/fuzz_$target "$work" $corpus \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=$build/findings/$target- -print_final_stats=1 > "$build/fuzz-$target.log" 2>&1; then
    echo "fuzz_$target: FINDING (see $build/fuzz-$target.log and $build/findings/)"
    tail -30 "$build/fuzz-$target.log"
    status=1
  else
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-$target.log" | grep -o '[0-9]*$')
    echo "fuzz_$target: ${runs:-?} inputs in ${seconds}s, no finding"
  fi
done
exit $status
