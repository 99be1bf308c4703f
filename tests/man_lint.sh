#!/usr/bin/env bash
# The manual page through mandoc's checker, every level down to style: any message fails.
# Exit 77 (skipped) without mandoc (`apt-get install mandoc`), but exit 1 when
# KEXPORT_REQUIRE_TOOLS=1 (CI) says it must be there.
set -euo pipefail
page=$1
if ! command -v mandoc >/dev/null; then
  if [ "${KEXPORT_REQUIRE_TOOLS:-0}" = 1 ]; then
    echo "man_lint: mandoc is not installed, and KEXPORT_REQUIRE_TOOLS says it must be" >&2
    exit 1
  fi
  echo "man_lint: skipped, mandoc is not installed"
  exit 77
fi
messages=$(mandoc -T lint -W style "$page" 2>&1 || true)
if [ -n "$messages" ]; then
  echo "$messages" >&2
  exit 1
fi
echo "man_lint: $page is clean"
