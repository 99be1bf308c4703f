#!/usr/bin/env bash
# Renders kexport's SVG chart in headless Chromium and checks that a picture came out.
# Usage: tests/render_svg.sh KEXPORT_BINARY DATA_DIR [OUTPUT.png]
# Exit 77 (skipped) when Chromium is not installed (`apt-get install chromium` to run it), but
# exit 1 when KEXPORT_REQUIRE_BROWSER=1 (CI) says the browser must be there.
set -euo pipefail
bin=$1
data=$2
out=${3:-$(mktemp -d)/chart.png}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  # CI installs Chromium and sets KEXPORT_REQUIRE_BROWSER: there a missing browser is a failure.
  if [ "${KEXPORT_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "render_svg: Chromium is not installed, and KEXPORT_REQUIRE_BROWSER says it must be" >&2
    exit 1
  fi
  echo "render_svg: skipped, Chromium is not installed"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --data "$data" summary --province Kayseri --month 2026-01 --format svg > "$work/chart.svg"
# Chromium's headless flags for a closed network, as root, with a fresh profile.
timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=800,640 \
  --screenshot="$out" "file://$work/chart.svg" > "$work/chromium.log" 2>&1 || {
  cat "$work/chromium.log"
  exit 1
}
if [ ! -s "$out" ]; then
  echo "render_svg: Chromium wrote no picture" >&2
  exit 1
fi
# A PNG of 800 × 640: the signature, then the IHDR chunk's width and height (big-endian).
header=$(od -An -tx1 -N24 "$out" | tr -d ' \n')
if [ "${header:0:16}" != "89504e470d0a1a0a" ] || [ "${header:32:16}" != "0000032000000280" ]; then
  echo "render_svg: not an 800 x 640 PNG: $header" >&2
  exit 1
fi
# A blank page compresses to a few kilobytes; a drawn chart with text does not.
size=$(stat -c %s "$out")
if [ "$size" -lt 15000 ]; then
  echo "render_svg: the picture is nearly empty ($size bytes)" >&2
  exit 1
fi
echo "render_svg: rendered $out ($size bytes)"
