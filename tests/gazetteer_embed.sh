#!/bin/bash
# The build refuses a malformed gazetteer: embed_gazetteer names the file and line of each defect,
# and writes the rows of a well-formed one, quoted commas and doubled quotes included.
#   gazetteer_embed.sh EMBED_GAZETTEER DATA_GAZETTEER_DIR
set -u
embed=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect_refusal() {  # name of the case, file, text the message must hold
  if "$embed" "$work/out.cpp" "$work/g" 2>"$work/err"; then
    echo "FAIL ($1): a malformed gazetteer was embedded"; failures=$((failures + 1))
  elif ! grep -qF -- "$2" "$work/err"; then
    echo "FAIL ($1): expected '$2' in: $(cat "$work/err")"; failures=$((failures + 1))
  fi
}

fresh() { rm -rf "$work/g"; cp -r "$source_dir" "$work/g"; }

fresh
"$embed" "$work/out.cpp" "$work/g" || { echo "FAIL: the shipped gazetteer is refused"; exit 1; }
# The tables' rows, before the name indexes that follow them.
rows=$(sed '/_names_rows\[\] = {/,$d' "$work/out.cpp" | grep -c '^    {')
lines=0
for f in provinces countries chapters sectors; do
  lines=$((lines + $(grep -c . "$work/g/$f.csv") - 1))
done
[ "$rows" -eq "$lines" ] || { echo "FAIL: $rows rows written for $lines lines"; failures=$((failures + 1)); }
grep -qF '"Cereals, pulses, oilseeds and products"' "$work/out.cpp" ||
  { echo "FAIL: a quoted comma was not kept"; failures=$((failures + 1)); }

# The name indexes: every spelling folded, sorted, pointing at its province or country.
grep -qF '{"kayseri", 38},' "$work/out.cpp" && grep -qF '{"icel", 33},' "$work/out.cpp" &&
  grep -qF '{"turkiyegeneli", 0},' "$work/out.cpp" ||
  { echo "FAIL: a province's spelling is missing from the index"; failures=$((failures + 1)); }
index=$(sed -n '/province_names_rows\[\] = {/,/^};/p' "$work/out.cpp" | sed -n 's/^    {"\([^"]*\)".*/\1/p')
[ "$index" = "$(echo "$index" | LC_ALL=C sort)" ] ||
  { echo "FAIL: the province index is not sorted bytewise"; failures=$((failures + 1)); }

fresh
sed -i 's/^38,Kayseri,TR72,.*/38,Kayseri,TR72,Talas|Niğde/' "$work/g/provinces.csv"
expect_refusal "ambiguous name" "provinces.csv:52: the province name 'Niğde' is also that of another province"

fresh
printf '39,Kırklareli,TR21,\nx,Nowhere,TR00,\n' >>"$work/g/provinces.csv"
expect_refusal "code not a number" "provinces.csv:$(grep -c '' "$work/g/provinces.csv"): 'x' in column code is not a number"

fresh
printf 'AD,AND,Andorra\n' >>"$work/g/countries.csv"
expect_refusal "short row" "countries.csv:$(grep -c '' "$work/g/countries.csv"): has 3 fields, the header 6"

fresh
sed -i '1s/name_en/english/' "$work/g/chapters.csv"
expect_refusal "renamed column" "chapters.csv:1: column 3 is 'english', expected 'name_en'"

fresh
printf '"Unclosed,x,1,\n' >>"$work/g/sectors.csv"
expect_refusal "open quote" "a quoted field is not closed"

[ "$failures" -eq 0 ] && echo "gazetteer_embed: the shipped files embed with their name indexes; 5 malformed ones are refused"
exit $((failures > 0))
