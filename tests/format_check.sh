#!/usr/bin/env bash
# Every C++ file of the project (src, include, tests, bench) is as clang-format (.clang-format)
# writes it: the first file that is not fails, with clang-format's own account of what differs.
# Exit 77 (skipped) without clang-format, but exit 1 when KEXPORT_REQUIRE_TOOLS=1 (CI) says it
# must be there.
#   bash tests/format_check.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
if ! command -v clang-format >/dev/null; then
  if [ "${KEXPORT_REQUIRE_TOOLS:-0}" = 1 ]; then
    echo "format_check: clang-format is not installed, and KEXPORT_REQUIRE_TOOLS says it must be" >&2
    exit 1
  fi
  echo "format_check: skipped, clang-format is not installed"
  exit 77
fi
mapfile -d '' files < <(find src include tests bench data/tools -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0)
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "format_check: run clang-format -i on the files above" >&2
  exit 1
fi
echo "format_check: ${#files[@]} files as clang-format writes them"
