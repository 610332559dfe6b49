#!/bin/sh
# Golden end-to-end tests: one folder per case under fixtures/golden/,
# compared byte for byte. The binary runs inside the case folder, so the
# paths in the output are stable. Two kinds of case:
#
# A command case has a `cmd` file:
#   cmd           the arguments after `mtlint`, one line of shell words
#                 ("--format json --fail-on error article.md")
#   stdin         optional: standard input (else empty)
#   expected      the standard output, then "exit N" on a line of its own
#   expected.err  optional: the standard error (not compared when absent)
#   other files   whatever the command reads (articles, .mtlint.yml...)
#
# An article case (no `cmd`) checks article.txt (or article.md), with
# reference.txt as --reference when present and the options of an `args`
# file, in text and in JSON: expected.txt and expected.json, each ending
# with the exit line.
#
# A KNOWN_FAIL file (holding the reason) marks an open bug: the case is
# reported as skipped.
#
#   tests/golden.sh BIN          compare
#   tests/golden.sh BIN --update rewrite the expected files for review
#                                (expected.err only where it exists or
#                                stderr is not empty)
#
# Adding a case: make the folder with `cmd` and the inputs, run
# `make update-golden`, read the new expected files, commit them.
set -u
bin=$1
update=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0 skip=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# compare NAME FILE ACTUAL: one comparison (or, with --update, a rewrite)
compare() {
	if [ -n "$update" ]; then
		cp "$3" "$2"
		return
	fi
	if cmp -s "$3" "$2"; then
		pass=$((pass + 1))
	else
		echo "  FAIL     golden/$1 ($(basename "$2")):"
		diff -u "$2" "$3" | head -n 40
		fail=$((fail + 1))
	fi
}

for dir in "$root"/fixtures/golden/*/; do
	[ -d "$dir" ] || continue
	name=$(basename "$dir")
	if [ -f "$dir/KNOWN_FAIL" ] && [ -z "$update" ]; then
		echo "  SKIP     golden/$name: $(head -n 1 "$dir/KNOWN_FAIL")"
		skip=$((skip + 1))
		continue
	fi
	if [ -f "$dir/cmd" ]; then
		in=/dev/null
		[ -f "$dir/stdin" ] && in=$dir/stdin
		(cd "$dir" && eval "set -- $(cat cmd)" &&
			NO_COLOR=1 "$bin" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
		echo "exit $?" >>"$tmp/out")
		compare "$name" "$dir/expected" "$tmp/out"
		if [ -f "$dir/expected.err" ] ||
			{ [ -n "$update" ] && [ -s "$tmp/err" ]; }; then
			compare "$name" "$dir/expected.err" "$tmp/err"
		fi
		continue
	fi
	input=article.txt
	[ -f "$dir/article.md" ] && input=article.md
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	ref=""
	[ -f "$dir/reference.txt" ] && ref="--reference reference.txt"
	for fmt in txt json; do
		f=text
		[ "$fmt" = json ] && f=json
		# shellcheck disable=SC2086
		(cd "$dir" && NO_COLOR=1 "$bin" $ref $args --format $f \
			"$input" >"$tmp/out" 2>/dev/null
		echo "exit $?" >>"$tmp/out")
		compare "$name" "$dir/expected.$fmt" "$tmp/out"
	done
done
[ -n "$update" ] && { echo "golden files rewritten: review with git diff"; exit 0; }
echo "golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
