#!/usr/bin/env bash
# Regenerates the golden files (tests/golden/commands.txt) from the built binary. Review the diff
# before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kexport}
export NO_COLOR=1
# Each command's standard output, and its standard error (the warnings users see) beside it in
# FILE.stderr where it writes any. A command that fails stops the update, saying why.
err=$(mktemp)
trap 'rm -f "$err"' EXIT
while IFS='|' read -r file arguments data environment; do
  case "$file" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086
  if ! env $environment "$bin" --data "${data:-data}" $arguments > "tests/golden/$file" 2> "$err"; then
    echo "update_golden: kexport --data ${data:-data} $arguments failed:" >&2
    cat "$err" >&2
    exit 1
  fi
  if [ -s "$err" ]; then cp "$err" "tests/golden/$file.stderr"; else rm -f "tests/golden/$file.stderr"; fi
done < tests/golden/commands.txt
# The report's file list and manifest (hashes left out) are written by their own test.
KEXPORT_UPDATE_GOLDEN=1 XDG_CACHE_HOME=$(mktemp -d) "$(dirname "$bin")/tests/kexport_tests" "[report][golden]" >/dev/null
# The README and the guide show the output of these commands: replace the block after each marker.
replace_block() {
  for document in README.md docs/guide.md; do
    awk -v marker="<!-- $1 -->" -v golden="$2" '
      $0 == marker { print; getline; print; while ((getline line < golden) > 0) print line; close(golden); skip = 1; next }
      skip && /^```$/ { skip = 0 }
      !skip { print }' "$document" > "$document.tmp" && mv "$document.tmp" "$document"
  done
}
replace_block example-summary tests/golden/summary-kayseri-2026-01.txt
replace_block example-text tests/golden/summary-kayseri-2026-01.tr.txt
replace_block example-text-en tests/golden/summary-kayseri-2026-01.en.txt
replace_block example-series tests/golden/series-kayseri.txt
replace_block example-top tests/golden/top-kayseri-2026-01.txt
replace_block example-rank tests/golden/rank-2026-01-12m.txt
