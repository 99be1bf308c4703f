#!/usr/bin/env bash
# Runs the kexport binary under valgrind's memcheck over every file of the malformed corpus and
# every golden command: an uninitialised read, an invalid access or a definite leak fails the run
# (exit 1), whatever the binary's own exit code. Catches what sanitizers and fuzzing can miss,
# such as a read of an empty std::optional that happens to hold a plausible value.
#   bash tests/valgrind.sh [BINARY]
# The runs share the machine's cores. Origins are tracked (twice as slow) only when a run that
# failed is repeated to say where its uninitialised value came from.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kexport}
if ! command -v valgrind >/dev/null; then
  echo "valgrind: not installed (apt-get install valgrind)" >&2
  exit 1
fi
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
export NO_COLOR=1 BIN=$bin LOG=$log

# One job per line: the environment (VAR=value, or empty), a tab, then kexport's arguments.
jobs=$log/jobs
: > "$jobs"
while IFS='|' read -r file _code _fragment; do
  case "$file" in ''|'#'*) continue ;; esac
  printf '\t--data tests/malformed/%s summary -p Kayseri\n' "$file" >> "$jobs"
done < tests/malformed/cases.txt
while IFS='|' read -r _file arguments data environment; do
  case "$_file" in ''|'#'*) continue ;; esac
  printf '%s\t--data %s %s\n' "$environment" "${data:-data}" "$arguments" >> "$jobs"
done < tests/golden/commands.txt
# The commands that read the whole data: validate, the lists, Turkey's series.
printf '\t%s\n' "validate data" "--data data provinces -f json" "--data data series -f csv" >> "$jobs"

run_one() {
  local n=$1 environment=${2%%$'\t'*} arguments=${2#*$'\t'}
  local memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full
                  --errors-for-leak-kinds=definite --quiet)
  # Each run its own cache directory, so that parallel runs never share one.
  local env=(env "XDG_CACHE_HOME=$LOG/cache-$n")
  # shellcheck disable=SC2206
  [ -n "$environment" ] && env+=($environment)
  # shellcheck disable=SC2086
  "${env[@]}" "${memcheck[@]}" --log-file="$LOG/vg-$n.txt" "$BIN" --no-cache $arguments >/dev/null 2>&1
  if [ $? -eq 99 ] || [ -s "$LOG/vg-$n.txt" ]; then
    # shellcheck disable=SC2086
    "${env[@]}" "${memcheck[@]}" --track-origins=yes --log-file="$LOG/vg-$n.txt" "$BIN" --no-cache $arguments \
      >/dev/null 2>&1
    { echo "valgrind: errors in: kexport $arguments"; head -40 "$LOG/vg-$n.txt"; } > "$LOG/failed-$n.txt"
  fi
}
export -f run_one

runs=$(wc -l < "$jobs")
n=0
while IFS= read -r job; do
  n=$((n + 1))
  printf '%s\0%s\0' "$n" "$job"
done < "$jobs" | xargs -0 -n 2 -P "$(nproc)" bash -c 'run_one "$1" "$2"' _
failures=0
for report in "$log"/failed-*.txt; do
  [ -e "$report" ] || continue
  failures=$((failures + 1))
  cat "$report" >&2
done
echo "valgrind: $runs runs, $failures with errors"
[ "$failures" -eq 0 ]
