#!/usr/bin/env bash
# Regenerates the golden files from the built binary. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kexport}
export NO_COLOR=1
"$bin" --data data summary --province Kayseri --month 2026-01 > tests/golden/summary-kayseri-2026-01.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --lang en > tests/golden/summary-kayseri-2026-01-en.txt
"$bin" --data data summary --province Kayseri --month 2026-01 --format json > tests/golden/summary-kayseri-2026-01.json
# The README shows the default command's output: replace the block after <!-- example-summary -->.
awk -v golden=tests/golden/summary-kayseri-2026-01.txt '
  /<!-- example-summary -->/ { print; getline; print; while ((getline line < golden) > 0) print line; skip = 1; next }
  skip && /^```$/ { skip = 0 }
  !skip { print }' README.md > README.md.tmp && mv README.md.tmp README.md
