#!/usr/bin/env bash
# The month's whole publication for all 81 provinces (`kexport report --province all`, both
# languages) on the bundled data, against its peer: the shell loop people run today, one
# `kexport summary` per province, format and language for the same documents (json, text,
# markdown, svg; Turkish and English: 8 runs a province, 648 in all). One hyperfine run on this
# machine; appends nothing, prints the table for bench/results.md.
#
#   bash bench/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${KEXPORT_BENCH_DIR:-/tmp/kexport-bench}/report
mkdir -p "$work"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKEXPORT_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
kexport=$root/build-bench/kexport
export XDG_CACHE_HOME=$work/cache
month=2026-01

# The peer: what a cron job does without `report`, into a directory per province.
cat > "$work/loop.sh" <<EOF
#!/usr/bin/env bash
set -e
for p in \$(seq 1 81); do
  d=$work/loop/\$p; mkdir -p "\$d"
  $kexport summary -p \$p -m $month -f json > "\$d/summary.json"
  $kexport summary -p \$p -m $month -f json --lang en > "\$d/summary.en.json"
  $kexport summary -p \$p -m $month -f text > "\$d/release.tr.txt"
  $kexport summary -p \$p -m $month -f text --lang en > "\$d/release.en.txt"
  $kexport summary -p \$p -m $month -f markdown > "\$d/report.md"
  $kexport summary -p \$p -m $month -f markdown --lang en > "\$d/report.en.md"
  $kexport summary -p \$p -m $month -f svg > "\$d/chart.svg"
  $kexport summary -p \$p -m $month -f svg --lang en > "\$d/chart.en.svg"
done
EOF
report="$kexport report --province all --month $month --dir $work/out"
"$kexport" summary -p 38 -m $month > /dev/null  # the cache image, for the runs from the cache

hyperfine --style basic --warmup 2 --runs 20 --export-json "$work/cached.json" \
  -n "report, from the cache" "$report" \
  -n "report, one thread" "$kexport --threads 1 report --province all --month $month --dir $work/out" \
  -n "report, first run (cache cleared)" --prepare "$kexport cache clear" "$report"
hyperfine --style basic --warmup 1 --runs 5 --export-json "$work/loop.json" -n "shell loop of summary" "bash $work/loop.sh"

python3 - "$work/cached.json" "$work/loop.json" <<'EOF'
import json, subprocess, sys
runs = json.load(open(sys.argv[1]))["results"] + json.load(open(sys.argv[2]))["results"]
median = {r["command"]: r["median"] for r in runs}
cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
cached, one, first = median["report, from the cache"], median["report, one thread"], median["report, first run (cache cleared)"]
loop = median["shell loop of summary"]
print(f"machine: {cpu}, {cores} cores")
print("| | time | per province | report / loop |")
print("| --- | ---: | ---: | ---: |")
print(f"| `report --province all`, from the cache | **{cached * 1000:.0f} ms** | {cached / 81 * 1000:.2f} ms | **{cached / loop:.3f}×** |")
print(f"| the same on one thread (`--threads 1`) | {one * 1000:.0f} ms | {one / 81 * 1000:.2f} ms | {one / loop:.3f}× |")
print(f"| first run, the cache cleared before it | **{first * 1000:.0f} ms** | {first / 81 * 1000:.2f} ms | {first / loop:.3f}× |")
print(f"| shell loop of 648 `summary` runs (8 a province) | {loop:.2f} s | {loop / 81 * 1000:.1f} ms | |")
print(f"two threads against one: {one / cached:.2f}×")
EOF
