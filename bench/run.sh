#!/usr/bin/env bash
# kexport's benchmark: the summary question on generated data, against DuckDB and pandas, in one
# run on this machine. Installs what it needs, checks that every answer agrees to the cent, then
# times them all and writes bench/results.md: first from the CSV file (kexport --no-cache, DuckDB
# over read_csv, pandas), then repeated questions (kexport from its cache, DuckDB from a .duckdb
# database file).
#
#   bash bench/run.sh            (data goes to $KEXPORT_BENCH_DIR, default /tmp/kexport-bench)
#   KEXPORT_BENCH_SIZES="1000000 10000000" bash bench/run.sh
#
# Also: the same records as JSON Lines and a JSON array (up to 10M rows), and the first size's
# rows as a directory of monthly files and of about a thousand files.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
data=${KEXPORT_BENCH_DIR:-/tmp/kexport-bench}
sizes=${KEXPORT_BENCH_SIZES:-"1000000 10000000 20000000"}
runs=${KEXPORT_BENCH_RUNS:-5}
province=Kayseri
mkdir -p "$data"

# What the peers need: Debian's packages, and DuckDB from the npm registry (pinned in package.json).
if ! command -v hyperfine >/dev/null || ! /usr/bin/python3 -c 'import pandas' 2>/dev/null || ! command -v node >/dev/null ||
  ! command -v cmake >/dev/null || [ ! -e /usr/include/xxhash.h ] || [ ! -e /usr/include/simdjson.h ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends g++ make cmake libcli11-dev libfmt-dev nlohmann-json3-dev \
    libxxhash-dev libzip-dev libexpat1-dev libgsf-1-dev libisal-dev libpugixml-dev nettle-dev libcurl4-openssl-dev libsimdjson-dev hyperfine python3-pandas time >/dev/null
  # Node from Debian only where there is none: a Node installed from elsewhere (NodeSource's
  # bundles its npm) conflicts with Debian's npm, and apt would refuse the whole list.
  if ! command -v npm >/dev/null; then apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; fi
fi
(cd bench && npm install --no-audit --no-fund --silent)

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKEXPORT_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
kexport=$root/build-bench/kexport
generate=$root/build-bench/bench/kexport-bench-generate

name_of() { case $1 in 1000000) echo 1M ;; 10000000) echo 10M ;; 20000000) echo 20M ;; *) echo "$1" ;; esac; }
median() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
ms() { python3 -c 'import json,sys; print("%.1f" % (1000 * json.load(open(sys.argv[1]))["results"][0]["median"]))' "$1"; }
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
# kexport --no-cache against DuckDB on one input, median of $runs runs each: sets k and d (seconds)
# and km and dm (peak RSS in MB). $1: the input; $2: a name for the timing files; $3 and $4, for
# the wide layout: the province as the file writes it and `wide`.
race() {
  local peer="$1 ${3:-$province} 2 ${4:-}"
  hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-kexport-$2.json" \
    "$nocache --data $1 summary -p $province -f json" >/dev/null
  hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-duckdb-$2.json" "node bench/duckdb_summary.mjs $peer" >/dev/null
  k=$(median "$data/t-kexport-$2.json"); d=$(median "$data/t-duckdb-$2.json")
  km=$(peak_mb $nocache --data "$1" summary -p $province -f json)
  dm=$(peak_mb node bench/duckdb_summary.mjs $peer)
}

# The cache lives in the benchmark's directory, not the user's.
export XDG_CACHE_HOME=$data/cache
nocache="$kexport --no-cache"

rows=""
cache_rows=""
for size in $sizes; do
  n=$(name_of "$size")
  file=$data/exports-$n.csv
  [ -s "$file" ] || "$generate" "$size" "$file"
  cat "$file" >/dev/null  # in the page cache, as the peers' figures assume

  echo "== $n: answers"
  $nocache --data "$file" summary -p $province -f json >"$data/kexport-$n.json"
  node bench/duckdb_summary.mjs "$file" $province 2 >"$data/duckdb-$n.json"
  peers=("$data/duckdb-$n.json")
  if [ "$size" -le 10000000 ]; then
    /usr/bin/python3 bench/pandas_summary.py "$file" $province >"$data/pandas-$n.json"
    peers+=("$data/pandas-$n.json")
  fi
  python3 bench/check_agree.py "$data/kexport-$n.json" "${peers[@]}"
  # From the cache (written by the first run, read by the second) the answer is the same, byte for byte.
  "$kexport" cache clear >/dev/null
  "$kexport" --data "$file" summary -p $province -f json >"$data/kexport-cache-$n.json"
  "$kexport" --data "$file" summary -p $province -f json | cmp - "$data/kexport-$n.json"
  cmp "$data/kexport-cache-$n.json" "$data/kexport-$n.json"
  [ -s "$data/exports-$n.duckdb" ] || node bench/duckdb_import.mjs "$file" "$data/exports-$n.duckdb"
  node bench/duckdb_summary.mjs "$data/exports-$n.duckdb" $province 2 >"$data/duckdb-db-$n.json"
  python3 bench/check_agree.py "$data/kexport-$n.json" "$data/duckdb-db-$n.json"

  echo "== $n: times"
  race "$file" "$n"
  p="–"; pm="–"  # pandas is not run past 10M rows: it needs more memory than the file by far
  if [ "$size" -le 10000000 ]; then
    hyperfine --runs 3 --export-json "$data/t-pandas-$n.json" "/usr/bin/python3 bench/pandas_summary.py $file $province" >/dev/null
    p="$(median "$data/t-pandas-$n.json") s"; pm="$(peak_mb /usr/bin/python3 bench/pandas_summary.py "$file" $province) MB"
  fi
  ratio=$(python3 -c "print('%.2f' % ($k / $d))")
  mratio=$(python3 -c "print('%.2f' % ($km / $dm))")
  rows+="| $n, generate.cpp ($(du -m "$file" | cut -f1) MB) | $k s | $d s | $p | **${ratio}×** | $km MB | $dm MB | $pm | **${mratio}×** |"$'\n'

  echo "== $n: repeated questions"
  hyperfine --runs 3 --prepare "$kexport cache clear" --export-json "$data/t-first-$n.json" \
    "$kexport --data $file summary -p $province -f json" >/dev/null
  hyperfine -N --runs 30 --warmup 3 --export-json "$data/t-cached-$n.json" \
    "$kexport --data $file summary -p $province -f json" >/dev/null
  hyperfine -N --runs 30 --warmup 3 --export-json "$data/t-rank-$n.json" "$kexport --data $file rank -f json" >/dev/null
  # The floor under any question: starting the process (dynamic linking, the gazetteer) and no more.
  hyperfine -N --runs 30 --warmup 3 --export-json "$data/t-version-$n.json" "$kexport --version" >/dev/null
  # ...and the machine's own floor: a process that does nothing.
  hyperfine -N --runs 30 --warmup 3 --export-json "$data/t-true-$n.json" "/bin/true" >/dev/null
  hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-duckdb-db-$n.json" \
    "node bench/duckdb_summary.mjs $data/exports-$n.duckdb $province 2" >/dev/null
  first=$(median "$data/t-first-$n.json")
  cached=$(ms "$data/t-cached-$n.json"); ranked=$(ms "$data/t-rank-$n.json"); ddb=$(ms "$data/t-duckdb-db-$n.json")
  floor=$(ms "$data/t-version-$n.json"); nothing=$(ms "$data/t-true-$n.json")
  floor_ratio=$(python3 -c "print('%.1f' % ($floor / $nothing))")
  cm=$(peak_mb "$kexport" --data "$file" summary -p $province -f json)
  image=$(du -m "$data/cache/kexport" | cut -f1)
  cratio=$(python3 -c "print('%.3f' % ($cached / $ddb))")
  fratio=$(python3 -c "print('%.2f' % ($first / $k))")
  cache_rows+="| $n | $first s | **${fratio}×** | $image MB | **$cached ms** | **$ranked ms** | $floor ms | $nothing ms | **${floor_ratio}×** | $cm MB | $ddb ms | **${cratio}×** |"$'\n'
done

# The second generator's layout (bench/generate_wide.py: nine columns, codes beside long upper-case
# names, quoted text), so the loader is not measured on one file's shape only.
for size in $sizes; do
  n=$(name_of "$size")
  file=$data/wide-$n.csv
  [ -s "$file" ] || /usr/bin/python3 bench/generate_wide.py "$size" "$file"
  cat "$file" >/dev/null
  echo "== $n wide: answers"
  $nocache --data "$file" summary -p $province -f json >"$data/kexport-wide-$n.json"
  node bench/duckdb_summary.mjs "$file" KAYSERİ 2 wide >"$data/duckdb-wide-$n.json"
  peers=("$data/duckdb-wide-$n.json")
  if [ "$size" -le 10000000 ]; then
    /usr/bin/python3 bench/pandas_summary.py "$file" KAYSERİ wide >"$data/pandas-wide-$n.json"
    peers+=("$data/pandas-wide-$n.json")
  fi
  python3 bench/check_agree.py "$data/kexport-wide-$n.json" "${peers[@]}"
  echo "== $n wide: times"
  race "$file" "wide-$n" KAYSERİ wide
  p="–"; pm="–"
  if [ "$size" -le 10000000 ]; then
    hyperfine --runs 3 --export-json "$data/t-pandas-wide-$n.json" \
      "/usr/bin/python3 bench/pandas_summary.py $file KAYSERİ wide" >/dev/null
    p="$(median "$data/t-pandas-wide-$n.json") s"
    pm="$(peak_mb /usr/bin/python3 bench/pandas_summary.py "$file" KAYSERİ wide) MB"
  fi
  rows+="| $n, generate_wide.py ($(du -m "$file" | cut -f1) MB) | $k s | $d s | $p | **$(python3 -c "print('%.2f' % ($k / $d))")×** | $km MB | $dm MB | $pm | **$(python3 -c "print('%.2f' % ($km / $dm))")×** |"$'\n'
done

# The same records as JSON Lines and as a JSON array (bench/csv_to_json.py), against DuckDB's
# read_json; not past 10M rows.
json_rows=""
for size in $sizes; do
  [ "$size" -le 10000000 ] || continue
  n=$(name_of "$size")
  for ext in jsonl json; do
    file=$data/exports-$n.$ext
    [ -s "$file" ] || /usr/bin/python3 bench/csv_to_json.py "$data/exports-$n.csv" "$file"
    cat "$file" >/dev/null
    echo "== $n $ext"
    $nocache --data "$file" summary -p $province -f json >"$data/kexport-$n-$ext.json"
    node bench/duckdb_summary.mjs "$file" $province 2 >"$data/duckdb-$n-$ext.json"
    python3 bench/check_agree.py "$data/kexport-$n-$ext.json" "$data/duckdb-$n-$ext.json"
    cmp "$data/kexport-$n-$ext.json" "$data/kexport-$n.json"  # the CSV file's answer, byte for byte
    race "$file" "$n-$ext"
    json_rows+="| $n, $([ $ext = jsonl ] && echo "JSON Lines" || echo "JSON array") ($(du -m "$file" | cut -f1) MB) | $k s | $d s | **$(python3 -c "print('%.2f' % ($k / $d))")×** | $km MB | $dm MB |"$'\n'
  done
done

# simdjson evaluated (bench/json_parsers.cpp): its On-Demand parser against kexport's flat-record
# reader on the first size's JSON, one thread, the file in memory: parsing alone.
first_n=$(name_of "$(echo "$sizes" | awk '{print $1}')")
parsers=""
for ext in jsonl json; do
  parsers+="$("$root/build-bench/bench/kexport-bench-json-parsers" "$data/exports-$first_n.$ext" $province 5 | sed "s/^/- $ext: /")"$'\n'
done
load_one=$(hyperfine -N --runs "$runs" --warmup 1 --export-json "$data/t-jsonl-1thread.json" \
  "$nocache --threads 1 --data $data/exports-$first_n.jsonl summary -p $province -f json" >/dev/null && median "$data/t-jsonl-1thread.json")

# Data as it accumulates for a cron job: the first size's rows as one file a month, and as about
# a thousand files (a month's provinces in fifteen groups), against the single file.
first_size=$(echo "$sizes" | awk '{print $1}')
n=$(name_of "$first_size")
single=$data/exports-$n.csv
monthly=$data/monthly-$n
small=$data/small-$n
if [ ! -d "$monthly" ]; then
  mkdir -p "$monthly" "$small"
  awk -F, -v m="$monthly" -v s="$small" 'NR == 1 { h = $0; next }
    { f = m "/exports-" $1 ".csv"; if (!(f in seen)) { seen[f] = 1; print h > f } print >> f
      if (!($2 in id)) id[$2] = ids++
      g = s "/exports-" $1 "-" (id[$2] % 15) ".csv"; if (!(g in seen)) { seen[g] = 1; print h > g } print >> g
      if (++rows % 100000 == 0) for (x in seen) close(x) }' "$single"
fi
echo "== many files"
files_rows=""
hyperfine --runs 10 --warmup 1 --export-json "$data/t-single-$n.json" "$nocache --data $single summary -p $province -f json" >/dev/null
one=$(median "$data/t-single-$n.json")
for dir in "$monthly" "$small"; do
  $nocache --data "$dir" summary -p $province -f json | cmp - "$data/kexport-$n.json"
  name=$(basename "$dir")
  hyperfine --runs 10 --warmup 1 --export-json "$data/t-$name.json" "$nocache --data $dir summary -p $province -f json" >/dev/null
  hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-duckdb-$name.json" "node bench/duckdb_summary.mjs '$dir/*.csv' $province 2" >/dev/null
  t=$(median "$data/t-$name.json"); d=$(median "$data/t-duckdb-$name.json")
  files_rows+="| $(ls "$dir" | wc -l) files | $t s | $one s | **$(python3 -c "print('%.2f' % ($t / $one))")×** | $d s | $(peak_mb $nocache --data "$dir" summary -p $province -f json) MB |"$'\n'
done

echo "== threads"
big=$data/exports-$(name_of "$(echo "$sizes" | awk '{print $2 ? $2 : $1}')").csv
hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-threads-1.json" "$nocache --threads 1 --data $big summary -p $province -f json" >/dev/null
hyperfine --runs "$runs" --warmup 1 --export-json "$data/t-threads-2.json" "$nocache --threads 2 --data $big summary -p $province -f json" >/dev/null
t1=$(median "$data/t-threads-1.json"); t2=$(median "$data/t-threads-2.json")
speedup=$(python3 -c "print('%.2f' % ($t1 / $t2))")

# The targets discussed by hand and bench/spreadsheet.sh's section are kept at the end of the file.
sheets=$(sed -n '/^## \(Targets\|Spreadsheets\)$/,$p' bench/results.md 2>/dev/null || true)
{
  echo "# Benchmark results"
  echo
  echo "The summary question (\`kexport summary --province $province\`, the latest month, as JSON) on"
  echo "generated CSV of two shapes: canonical (\`bench/generate.cpp\`: 81 provinces, up to 229"
  echo "destinations, gaps; eight columns: the record and its source, basis and release) and a TÜİK download's layout (\`bench/generate_wide.py\`:"
  echo "province × destination × chapter, nine columns, plate and ISO codes beside long upper-case names,"
  echo "every text field quoted),"
  echo "the file in the page cache, whole process, median of $runs runs (pandas: 3), measured in one run"
  echo "on this machine ($(lscpu | sed -n 's/^Model name: *//p'), $(grep -qw avx2 /proc/cpuinfo && echo AVX2 || echo "no AVX2")$(grep -qw avx512f /proc/cpuinfo && echo ", AVX-512"), $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB). DuckDB $(node -e "console.log(require('./bench/node_modules/@duckdb/node-api/package.json').version)") runs SQL over"
  echo "\`read_csv\` with 2 threads (\`bench/duckdb_summary.mjs\`); pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')"
  echo "(\`bench/pandas_summary.py\`). Every answer was checked to agree to the cent (\`bench/check_agree.py\`)."
  echo
  echo "From the CSV file, nothing cached (\`kexport --no-cache\`):"
  echo
  echo "| data | kexport | DuckDB | pandas | kexport / DuckDB | kexport RSS | DuckDB RSS | pandas RSS | RSS ratio |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf "%s" "$rows"
  echo
  echo "Repeated questions. kexport's first run over a file loads every record and writes the cache"
  echo "image (median of 3, the cache cleared before each); later runs answer from the image (median"
  echo "of 30, whole process): the summary, and \`kexport rank\` of all 81 provinces, beside the"
  echo "process's floor, \`kexport --version\` (starting the program and nothing else), itself beside"
  echo "\`/bin/true\`, the machine's floor for any process. DuckDB's peer"
  echo "is the same summary SQL over a .duckdb database file the CSV was imported into beforehand"
  echo "(\`bench/duckdb_import.mjs\`; the import is not timed)."
  echo
  echo "| rows | kexport first run | first / \`--no-cache\` | image | summary from cache | rank from cache | \`kexport --version\` | \`/bin/true\` | version / true | RSS | DuckDB from .duckdb | summary / DuckDB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf "%s" "$cache_rows"
  echo
  echo "The same records as JSON (\`bench/csv_to_json.py\`: amounts as JSON numbers written as in the"
  echo "CSV), \`kexport --no-cache\` against DuckDB's \`read_json\` (2 threads), median of $runs runs:"
  echo
  echo "| data | kexport | DuckDB | kexport / DuckDB | kexport RSS | DuckDB RSS |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  printf "%s" "$json_rows"
  echo
  echo "Parsing alone, \`bench/json_parsers.cpp\`: simdjson $(dpkg-query -W -f '${Version}' libsimdjson-dev 2>/dev/null) On-Demand against kexport's flat-record"
  echo "reader, the same work (every record's members read, the province's cents summed; both sums"
  echo "agree), $first_n rows, one thread, the file in memory, best of 5. The whole load of the JSON Lines file"
  echo "on one thread (\`--threads 1\`) takes $load_one s:"
  echo
  printf "%s" "$parsers"
  echo
  echo "A directory of files against the same rows in one file ($n rows; median of 10 runs, DuckDB"
  echo "over the directory's \`*.csv\`: $runs): one file a month, and a month's provinces in fifteen files."
  echo "Every answer is byte for byte the single file's."
  echo
  echo "| directory | kexport | one file | directory / one file | DuckDB | kexport RSS |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  printf "%s" "$files_rows"
  echo
  echo "Two threads against one on the $(basename "$big") load: $t1 s / $t2 s = **${speedup}×**."
  echo
  echo "Produced by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d)."
} >bench/results.md
if [ -n "$sheets" ]; then printf '\n%s\n' "$sheets" >>bench/results.md; fi
cat bench/results.md
