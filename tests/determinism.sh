#!/bin/sh
# Same input and options -> byte-identical output, whatever the run
# (issue 14): the JSON of a multi-file corpus must not change between two
# runs, between -j 1 and -j 2, nor between a run that builds the
# suggestion index (an empty cache directory) and one that maps it.
#
# The corpus: every text and Markdown fixture, the project's own docs, and
# a copy of the fixture article with a misspelling made in every fifth
# word (transposed letters: many suggestion lists, ties in their ranking).
# The parser is on (the default) for the fixtures, the README and two of
# the docs; all the docs run once more with it off, cut into many small
# files, so -j 2 interleaves more.
#
# Usage: tests/determinism.sh BUILD/mtlint   (from the project root)
set -eu
BIN=$1
tmp=$(mktemp -d /tmp/mtlint-determinism-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

# every fifth word of four letters or more gets its 2nd and 3rd letters
# swapped: deterministic, and words a speller must rank suggestions for
awk '{ for (i = 1; i <= NF; i++) if (++n % 5 == 0 && $i ~ /^[a-z]{4,}$/)
	$i = substr($i, 1, 1) substr($i, 3, 1) substr($i, 2, 1) substr($i, 4);
	print }' fixtures/mt-article.txt >"$tmp/typos.txt"
# the docs cut at their second-level headings: many small files
mkdir "$tmp/parts"
for f in docs/*.md README.md; do
	awk -v p="$tmp/parts/$(basename "$f" .md)" \
		'/^## / { n++ } { print > (p "-" n + 0 ".md") }' "$f"
done

files=$(find fixtures -type f \( -name '*.txt' -o -name '*.md' \) \
	! -name 'expected.*' | LC_ALL=C sort)
# shellcheck disable=SC2086 # the file lists are word lists by design
set -- $files README.md docs/grammar.md docs/usage.md "$tmp/typos.txt"
parts=$(find "$tmp/parts" -type f | LC_ALL=C sort)

fail=0
# run NAME CACHE_DIR OPTIONS... FILES...: JSON and the exit status into
# $tmp/NAME.json
run() {
	name=$1 cache=$2
	shift 2
	rc=0
	MTLINT_CACHE_DIR=$cache "$BIN" --no-config --format json "$@" \
		>"$tmp/$name.json" 2>"$tmp/$name.err" || rc=$?
	# 2: a fixture mtlint refuses (binary, bad UTF-8), the others checked
	[ $rc -le 2 ] || {
		echo "  FAIL     determinism: $name: exit $rc"
		cat "$tmp/$name.err"
		exit 1
	}
	echo "exit $rc" >>"$tmp/$name.json"
}
same() { # A B WHAT
	if cmp -s "$tmp/$1.json" "$tmp/$2.json"; then
		echo "  PASS     determinism: $3"
	else
		echo "  FAIL     determinism: $3 differ:"
		diff -u "$tmp/$1.json" "$tmp/$2.json" | head -n 40
		fail=1
	fi
}

echo "  TEST     determinism: $# files with the parser, $(echo "$parts" |
	wc -l) without"
mkdir "$tmp/cold"
run cold "$tmp/cold" -j 1 "$@"
run j1 "$tmp/cold" -j 1 "$@"
run j2 "$tmp/cold" -j 2 "$@"
# shellcheck disable=SC2086
run off1 "$tmp/cold" -j 1 --grammar-parser off $parts
# shellcheck disable=SC2086
run off2 "$tmp/cold" -j 2 --grammar-parser off $parts

# the runs found something to compare: findings with suggestions
grep -q '"suggestions": \[$' "$tmp/j1.json" || {
	echo "  FAIL     determinism: no suggestions in the output"; fail=1; }
same cold j1 "a run that builds the suggestion index and one that maps it"
same j1 j2 "-j 1 and -j 2, parser on"
same off1 off2 "-j 1 and -j 2, parser off, $(echo "$parts" | wc -l) files"
exit $fail
