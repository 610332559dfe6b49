#!/bin/sh
# Render the man page and compare it with --help: both come from the
# option table, so every option --help shows must be in the page, and man
# must render it without a warning.   usage: man.sh MTLINT MANPAGE
set -u
bin=$1 page=$2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
MANWIDTH=80 man --warnings -l "$page" >"$out" 2>"$err"
rc=$?
if [ $rc -ne 0 ] || [ -s "$err" ]; then
	echo "man: 'man -l $page' exited $rc:"; cat "$err"; exit 1
fi
missing=0 n=0
for opt in $("$bin" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
	n=$((n + 1))
	grep -q -- "$opt" "$out" || { echo "man: $opt is in --help, not in $page"; missing=1; }
done
for cmd in check rules score segment lsp version help; do
	grep -q "mtlint $cmd" "$out" || { echo "man: subcommand $cmd missing"; missing=1; }
done
[ $missing -eq 0 ] || exit 1
[ $n -ge 25 ] || { echo "man: only $n options in --help"; exit 1; }
echo "  MAN      $page: renders, $n options as in --help"
