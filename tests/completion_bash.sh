#!/usr/bin/env bash
# Drives kexport's bash completion as bash does on Tab: the function `complete -p` names, called
# with COMP_WORDS and COMP_CWORD, and what it leaves in COMPREPLY.
# Usage: tests/completion_bash.sh COMPLETION_FILE
set -uo pipefail
# shellcheck source=/dev/null
source "$1"
failures=0

registered=$(complete -p kexport 2>&1)
if [ "$registered" != "complete -F _kexport kexport" ]; then
  echo "completion_bash: complete -p kexport says: $registered" >&2
  failures=$((failures + 1))
fi

# expect "WORDS..." "CANDIDATES": completing the last word of WORDS offers exactly CANDIDATES.
expect() {
  local line=$1 want=$2
  read -r -a COMP_WORDS <<< "$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _kexport
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$want" ]; then
    echo "completion_bash: '$line<Tab>' offers '$got', expected '$want'" >&2
    failures=$((failures + 1))
  fi
}

expect "kexport summary --province Kay" "Kayseri"
expect "kexport summary -p Tür" "Türkiye"
expect "kexport report --province Ağ" "Ağrı"
# As --province matches: any case, Turkish letters folded.
expect "kexport summary -p kay" "Kayseri"
expect "kexport summary -p Sanl" "Şanlıurfa"
expect "kexport summary -p Istan" "İstanbul"
expect "kexport summary -p agri" "Ağrı"
expect "kexport summary -p tur" "Türkiye"
expect "kexport summary -p IZM" "İzmir"
expect "kexport report -p al" "all"
expect "kexport top --province Tür" ""
expect "kexport su" "summary"
expect "kexport ca" "cache"
expect "kexport --data data ra" "rank"
expect "kexport cache " "clear info"
expect "kexport summary --format " "html json markdown svg table text"
expect "kexport series --format " "csv json markdown table"
expect "kexport validate -f " "json table"
expect "kexport rank --by " "balance change coverage value"
expect "kexport top --by " "chapter country sector"
expect "kexport top --period " "12m month ytd"
expect "kexport rank --flow i" "import"
expect "kexport --unit " "million thousand usd"
expect "kexport report --lang " "en en,tr tr tr,en"
expect "kexport summary --lang " "en tr"
expect "kexport summary -m " "latest"
expect "kexport report --di" "--dir"
expect "kexport summary --pro" "--province"
expect "kexport cache clear --st" "--stale"
expect "kexport --no-c" "--no-cache"

# File names for --data and --output, directories for --dir.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/veri klasörü"
touch "$work/ihracat 2026.xlsx"
cd "$work" || exit 1
expect "kexport --data ihr" "ihracat 2026.xlsx"
expect "kexport summary -p 38 -o ihr" "ihracat 2026.xlsx"
expect "kexport report --dir v" "veri klasörü"
expect "kexport report --dir i" ""

if [ "$failures" -gt 0 ]; then
  echo "completion_bash: $failures failed" >&2
  exit 1
fi
echo "completion_bash: every completion as expected"
