#!/bin/sh
# Golden end-to-end tests: each fixtures/golden/<case>/ holds article.txt (or
# article.md), an optional reference.txt, an optional `args` file (extra
# options, one line), and the expected outputs expected.txt (text format)
# and expected.json.  The binary runs inside the case directory so paths in
# the output are stable.  A KNOWN_FAIL file (holding the reason) marks an
# open bug: the case is reported as skipped.
#
#   tests/golden.sh BIN          compare, byte for byte
#   tests/golden.sh BIN --update rewrite expected.* for review
set -u
bin=$1
update=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0 skip=0
for dir in "$root"/fixtures/golden/*/; do
	[ -d "$dir" ] || continue
	name=$(basename "$dir")
	if [ -f "$dir/KNOWN_FAIL" ] && [ -z "$update" ]; then
		echo "  SKIP     golden/$name: $(head -n 1 "$dir/KNOWN_FAIL")"
		skip=$((skip + 1))
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
		out=$(cd "$dir" && NO_COLOR=1 "$bin" $ref $args --format $f \
			"$input"; echo "exit $?")
		if [ -n "$update" ]; then
			printf '%s\n' "$out" >"$dir/expected.$fmt"
			continue
		fi
		if printf '%s\n' "$out" | cmp -s - "$dir/expected.$fmt"; then
			pass=$((pass + 1))
		else
			echo "  FAIL     golden/$name ($f):"
			printf '%s\n' "$out" | diff -u "$dir/expected.$fmt" - |
				head -n 40
			fail=$((fail + 1))
		fi
	done
done
[ -n "$update" ] && { echo "golden files rewritten: review with git diff"; exit 0; }
echo "golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
