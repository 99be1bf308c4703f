#!/usr/bin/env bash
# kexport's spreadsheet benchmark: the summary question on a 1-million-row long-format workbook
# (bench/make_workbook.py, openpyxl's write-only mode, from the generator's 1M-row CSV), against
# what people do today — LibreOffice's headless conversion to CSV — and the libraries scripts use:
# SheetJS (npm "xlsx") and pandas' read_excel (openpyxl). Each peer turns the workbook into CSV;
# kexport answers on that CSV, and the answer must be the one kexport gives on the workbook itself,
# byte for byte. Writes the "Spreadsheets" section of bench/results.md.
#
#   bash bench/spreadsheet.sh      (data in $KEXPORT_BENCH_DIR, default /tmp/kexport-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
data=${KEXPORT_BENCH_DIR:-/tmp/kexport-bench}
province=Kayseri
mkdir -p "$data"

if ! command -v hyperfine >/dev/null || ! command -v soffice >/dev/null || ! command -v node >/dev/null ||
  ! /usr/bin/python3 -c 'import openpyxl, pandas' 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends g++ make cmake libcli11-dev libfmt-dev nlohmann-json3-dev \
    libxxhash-dev libzip-dev libexpat1-dev libgsf-1-dev libisal-dev libpugixml-dev nettle-dev libcurl4-openssl-dev hyperfine python3-pandas python3-openpyxl time \
    nodejs npm libreoffice-calc-nogui >/dev/null
fi
(cd bench && npm install --no-audit --no-fund --silent)
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKEXPORT_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
kexport="$root/build-bench/kexport --no-cache"
# LibreOffice writes CSV in the system's legacy encoding unless told (Adıyaman → "Ad?yaman"):
# comma-separated, quoted with ", UTF-8 (76), from the first line.
csv_filter="csv:Text - txt - csv (StarCalc):44,34,76,1"

csv=$data/exports-1M.csv
book=$data/exports-1M.xlsx
[ -s "$csv" ] || "$root/build-bench/bench/kexport-bench-generate" 1000000 "$csv"
[ -s "$book" ] || /usr/bin/python3 bench/make_workbook.py "$csv" "$book"
cat "$book" >/dev/null

seconds() { python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
answer() { $kexport --data "$1" summary -p $province -f json; }

echo "== answers"
answer "$book" >"$data/sheet-kexport.json"
rm -rf "$data/lo" && mkdir -p "$data/lo"
soffice --headless --convert-to "$csv_filter" --outdir "$data/lo" "$book" >/dev/null 2>&1
node bench/sheetjs_to_csv.mjs "$book" "$data/sheet-sheetjs.csv"
/usr/bin/python3 bench/pandas_to_csv.py "$book" "$data/sheet-pandas.csv"
for peer in "$data/lo/exports-1M.csv" "$data/sheet-sheetjs.csv" "$data/sheet-pandas.csv"; do
  answer "$peer" | cmp - "$data/sheet-kexport.json"
done

echo "== times"
hyperfine --runs 5 --warmup 1 --export-json "$data/t-sheet-kexport.json" "$kexport --data $book summary -p $province -f json" >/dev/null
hyperfine --runs 2 --export-json "$data/t-sheet-lo.json" \
  "soffice --headless --convert-to '$csv_filter' --outdir $data/lo $book" >/dev/null
hyperfine --runs 2 --export-json "$data/t-sheet-sheetjs.json" "node bench/sheetjs_to_csv.mjs $book $data/sheet-sheetjs.csv" >/dev/null
hyperfine --runs 1 --export-json "$data/t-sheet-pandas.json" "/usr/bin/python3 bench/pandas_to_csv.py $book $data/sheet-pandas.csv" >/dev/null
k=$(seconds "$data/t-sheet-kexport.json"); lo=$(seconds "$data/t-sheet-lo.json")
js=$(seconds "$data/t-sheet-sheetjs.json"); pd=$(seconds "$data/t-sheet-pandas.json")
km=$(peak_mb $kexport --data "$book" summary -p $province -f json)
lom=$(peak_mb soffice --headless --convert-to "$csv_filter" --outdir "$data/lo" "$book")
jsm=$(peak_mb node bench/sheetjs_to_csv.mjs "$book" "$data/sheet-sheetjs.csv")
pdm=$(peak_mb /usr/bin/python3 bench/pandas_to_csv.py "$book" "$data/sheet-pandas.csv")
hyperfine -N --runs 30 --warmup 3 --prepare true --export-json "$data/t-sheet-cached.json" \
  "$root/build-bench/kexport --data $book summary -p $province -f json" >/dev/null
cached=$(python3 -c 'import json,sys; print("%.1f" % (1000 * json.load(open(sys.argv[1]))["results"][0]["median"]))' "$data/t-sheet-cached.json")
ratio() { python3 -c "print('%.3f' % ($1 / $2))"; }
faster_library=$(python3 -c "print(min($js, $pd))")

section=$(
  echo "## Spreadsheets"
  echo
  echo "The same summary question on a 1-million-row long-format workbook ($(du -m "$book" | cut -f1) MB, one sheet,"
  echo "\`bench/make_workbook.py\`: openpyxl's write-only mode over the generator's 1M-row CSV), whole"
  echo "process, in one run of \`bash bench/spreadsheet.sh\` on $(date -u +%Y-%m-%d): $(lscpu | sed -n 's/^Model name: *//p'),"
  echo "$(nproc) cores. Each peer turns the workbook into CSV, which kexport then answers on: every"
  echo "answer is byte for byte the one kexport gives on the workbook. LibreOffice $(soffice --version | awk '{print $2}')"
  echo "(\`--convert-to csv\`, what users do today), SheetJS $(node -e "console.log(require('./bench/node_modules/xlsx/package.json').version)")"
  echo "(\`bench/sheetjs_to_csv.mjs\`), pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)') \`read_excel\` with openpyxl (\`bench/pandas_to_csv.py\`)."
  echo
  echo "| | time | peak RSS | kexport / it |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| kexport \`--no-cache\` (median of 5) | **$k s** | **$km MB** | |"
  echo "| LibreOffice headless conversion (median of 2) | $lo s | $lom MB | **$(ratio "$k" "$lo")×** |"
  echo "| SheetJS (median of 2) | $js s | $jsm MB | **$(ratio "$k" "$js")×** |"
  echo "| pandas \`read_excel\` (1 run) | $pd s | $pdm MB | **$(ratio "$k" "$pd")×** |"
  echo
  echo "Against the faster library: **$(ratio "$k" "$faster_library")×**. Repeated questions come from the"
  echo "cache, as for CSV: **$cached ms** for the summary (median of 30)."
)
python3 - "$section" <<'PY'
import re, sys
path = "bench/results.md"
text = open(path, encoding="utf-8").read()
# The section replaced, the sections after it (Reports) kept.
head, _, after = text.partition("\n## Spreadsheets\n")
rest = after[after.find("\n## "):] if "\n## " in after else ""
open(path, "w", encoding="utf-8").write(head.rstrip("\n") + "\n\n" + sys.argv[1] + "\n" + rest)
PY
echo "$section"
