#!/usr/bin/env bash
# The zsh and fish completions parse in their shells, and offer the provinces: zsh loads the
# function (autoload, as from $fpath), fish runs its file and lists what `kexport summary -p Kay`
# completes to. Exit 77 (skipped) when zsh or fish is missing, unless KEXPORT_REQUIRE_TOOLS=1 (CI).
# Usage: tests/completion_shells.sh COMPLETIONS_DIR
set -euo pipefail
dir=$1
for shell in zsh fish; do
  if ! command -v $shell >/dev/null; then
    if [ "${KEXPORT_REQUIRE_TOOLS:-0}" = 1 ]; then
      echo "completion_shells: $shell is not installed, and KEXPORT_REQUIRE_TOOLS says it must be" >&2
      exit 1
    fi
    echo "completion_shells: skipped, $shell is not installed"
    exit 77
  fi
done
zsh -n "$dir/_kexport"
zsh -c "fpath=('$dir' \$fpath); autoload -Uz _kexport; whence -w _kexport" | grep -q "function"
# zsh offers provinces as --province matches them: the folding and matching functions run with
# compadd standing in for zsh's, which prints what it is given.
for case in "Sanl:Şanlıurfa" "kay:Kayseri" "Istan:İstanbul" "tür:Türkiye" "agri:Ağrı"; do
  typed=${case%%:*} want=${case#*:}
  got=$(zsh -c "eval \"\$(sed -n '/^_kexport_fold() {/,/^_kexport() {/p' '$dir/_kexport' | sed '\$d')\"
    compadd() { print -rl -- \${(P)\${@[-1]}}; }
    PREFIX='$typed'; _kexport_provinces Türkiye")
  if [ "$got" != "$want" ]; then
    echo "completion_shells: zsh completes --province $typed to '$got', not $want" >&2
    exit 1
  fi
done
fish --no-execute "$dir/kexport.fish"
# fish matches candidates itself, in any case (kay, ista), but cannot be told to fold Ş to S.
for case in "Kay:Kayseri" "kay:Kayseri" "ista:İstanbul"; do
  typed=${case%%:*} want=${case#*:}
  got=$(fish -c "source '$dir/kexport.fish'; complete -C 'kexport summary -p $typed'" | cut -f1)
  if [ "$got" != "$want" ]; then
    echo "completion_shells: fish completes 'kexport summary -p $typed' to '$got', not $want" >&2
    exit 1
  fi
done
got=$(fish -c "source '$dir/kexport.fish'; complete -C 'kexport rank --by c'" | cut -f1 | sort | tr '\n' ' ')
if [ "$got" != "change coverage " ]; then
  echo "completion_shells: fish completes 'kexport rank --by c' to '$got'" >&2
  exit 1
fi
echo "completion_shells: zsh and fish read their completions"
