#!/usr/bin/env bash
# Regenerates the golden files from the built binary. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kexport}
export NO_COLOR=1
"$bin" --data data summary --province Kayseri --month 2026-01 > tests/golden/summary-kayseri-2026-01.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --lang en > tests/golden/summary-kayseri-2026-01-en.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --format json > tests/golden/summary-kayseri-2026-01.json
"$bin" --data data summary --province Kayseri --month 2026-01 --format text > tests/golden/summary-kayseri-2026-01.tr.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --format text --lang en > tests/golden/summary-kayseri-2026-01.en.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --format markdown > tests/golden/summary-kayseri-2026-01.md
"$bin" --data data summary --province Kayseri --month 2026-01 --format svg > tests/golden/summary-kayseri-2026-01.svg
"$bin" --data data summary --province Kayseri --month 2025-09 --format text > tests/golden/summary-kayseri-2025-09.tr.txt
"$bin" --data data series --province Kayseri --from 2025-07 --to 2026-01 > tests/golden/series-kayseri.txt
"$bin" --data data top --province Kayseri --month 2026-01 --n 5 > tests/golden/top-kayseri-2026-01.txt
"$bin" --data data rank --month 2026-01 --period 12m --province Kayseri > tests/golden/rank-2026-01-12m.txt
# The README shows the output of these commands: replace the block after each marker.
replace_block() {
  awk -v marker="<!-- $1 -->" -v golden="$2" '
    $0 == marker { print; getline; print; while ((getline line < golden) > 0) print line; skip = 1; next }
    skip && /^```$/ { skip = 0 }
    !skip { print }' README.md > README.md.tmp && mv README.md.tmp README.md
}
replace_block example-summary tests/golden/summary-kayseri-2026-01.txt
replace_block example-text tests/golden/summary-kayseri-2026-01.tr.txt
replace_block example-text-en tests/golden/summary-kayseri-2026-01.en.txt
replace_block example-series tests/golden/series-kayseri.txt
replace_block example-top tests/golden/top-kayseri-2026-01.txt
replace_block example-rank tests/golden/rank-2026-01-12m.txt
