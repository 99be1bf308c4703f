#!/usr/bin/env bash
# Runs the kexport binary under valgrind's memcheck over every file of the malformed corpus and
# every golden command: an uninitialised read, an invalid access or a definite leak fails the run
# (exit 1), whatever the binary's own exit code. Catches what sanitizers and fuzzing can miss,
# such as a read of an empty std::optional that happens to hold a plausible value.
#   bash tests/valgrind.sh [BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kexport}
if ! command -v valgrind >/dev/null; then
  echo "valgrind: not installed (apt-get install valgrind)" >&2
  exit 1
fi
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
export NO_COLOR=1 XDG_CACHE_HOME="$log/cache"
memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
          --track-origins=yes --quiet)
runs=0 failures=0
run() {
  runs=$((runs + 1))
  "${memcheck[@]}" --log-file="$log/vg.txt" "$bin" --no-cache "$@" >/dev/null 2>&1
  if [ $? -eq 99 ] || [ -s "$log/vg.txt" ]; then
    failures=$((failures + 1))
    echo "valgrind: errors in: kexport $*" >&2
    head -40 "$log/vg.txt" >&2
  fi
}
while IFS='|' read -r file _code _fragment; do
  case "$file" in ''|'#'*) continue ;; esac
  run --data "tests/malformed/$file" summary -p Kayseri
done < tests/malformed/cases.txt
while IFS='|' read -r _file arguments data environment; do
  case "$_file" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086
  [ -n "$environment" ] && export $environment
  # shellcheck disable=SC2086
  run --data "${data:-data}" $arguments
  export XDG_CACHE_HOME="$log/cache"
done < tests/golden/commands.txt
# The commands that read the whole data: validate, the lists, Turkey's series.
run validate data
run --data data provinces -f json
run --data data series -f csv
echo "valgrind: $runs runs, $failures with errors"
[ "$failures" -eq 0 ]
