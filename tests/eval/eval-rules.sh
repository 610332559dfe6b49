#!/bin/sh
# eval-rules: how often the rules cry wolf, and what they catch.
#
#   1. clean prose (the reference article, the licence texts every Debian
#      system ships in /usr/share/common-licenses, Debian documentation
#      READMEs): every finding is a false positive; counted per rule and
#      severity.  Error-severity findings here are bugs.
#   2. /work/shared/eval/grammar/grammar.tsv (label<TAB>sentence, written by
#      the link-grammar authors): precision and recall of the rules at
#      warning or above, and the share of good sentences flagged.
#
# usage: eval-rules.sh MTLINT [GRAMMAR_TSV]
set -u
bin=$1
tsv=${2:-/work/shared/eval/grammar/grammar.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== false positives on clean prose (every finding is one)"
set --
for f in fixtures/reference-article.txt \
	/usr/share/common-licenses/GPL-3 /usr/share/common-licenses/GPL-2 \
	/usr/share/common-licenses/LGPL-2.1 /usr/share/common-licenses/Apache-2.0 \
	/usr/share/common-licenses/MPL-2.0 /usr/share/common-licenses/GFDL-1.3 \
	/usr/share/common-licenses/Artistic /usr/share/common-licenses/GPL-1 \
	/usr/share/common-licenses/LGPL-3 /usr/share/common-licenses/MPL-1.1 \
	/usr/share/doc/nodejs/README.md; do
	[ -r "$f" ] && set -- "$@" "$f"
done
words=$(cat "$@" | wc -w)
"$bin" --fail-on never --color never "$@" >"$tmp/clean.out" 2>&1
grep -o '^[^ ]*:[0-9]*:[0-9]*: [a-z]*: .*\[[a-z0-9.-]*\]$' "$tmp/clean.out" |
	sed 's/^[^ ]* \([a-z]*\): .*\[\([a-z0-9.-]*\)\]$/\2 \1/' |
	sort | uniq -c | sort -rn >"$tmp/clean.counts"
echo "$# files, $words words"
if [ -s "$tmp/clean.counts" ]; then
	awk '{ printf "  %-44s %-8s %d\n", $2, $3, $1 }' "$tmp/clean.counts"
else
	echo "  (no findings)"
fi
errors=$(awk '$3 == "error" { n += $1 } END { print n + 0 }' "$tmp/clean.counts")
echo "error-severity findings on clean prose: $errors"

echo "== Debian documentation in /usr/share/doc (README, *.txt, *.md: prose"
echo "   mixed with code and tables, and some genuine typos): findings per rule"
find /usr/share/doc -type f \( -name '*.txt' -o -name '*.md' -o -name README \) \
	-size +2k 2>/dev/null | grep -v RelNotes | sort | head -300 >"$tmp/docs"
if [ -s "$tmp/docs" ]; then
	docwords=$(xargs cat <"$tmp/docs" | wc -w)
	echo "$(wc -l <"$tmp/docs") files, $docwords words"
	xargs "$bin" --fail-on never --color never <"$tmp/docs" 2>/dev/null |
		grep -o '^[^ ]*:[0-9]*:[0-9]*: [a-z]*: .*\[[a-z0-9.-]*\]$' |
		sed 's/^[^ ]* \([a-z]*\): .*\[\([a-z0-9.-]*\)\]$/\2 \1/' |
		sort | uniq -c | sort -rn |
		awk '{ printf "  %-44s %-8s %d\n", $2, $3, $1 }'
fi

if [ ! -r "$tsv" ]; then
	echo "== $tsv not found: skipping precision/recall"
	exit 0
fi
echo "== $tsv: rules at warning or above"
# one sentence per paragraph: line 2k-1 holds sentence k
awk -F '\t' '{ print $2; print "" }' "$tsv" >"$tmp/sent.txt"
awk -F '\t' '{ print $1 }' "$tsv" >"$tmp/labels"
"$bin" --fail-on never --color never "$tmp/sent.txt" 2>/dev/null |
	grep -o '^[^ ]*:[0-9]*:[0-9]*: [a-z]*: .*\[[a-z0-9.-]*\]$' |
	sed 's/^[^:]*:\([0-9]*\):[0-9]*: \([a-z]*\): .*\[\([a-z0-9.-]*\)\]$/\1 \2 \3/' \
	>"$tmp/hits"
awk -v labels="$tmp/labels" '
	BEGIN { while ((getline l < labels) > 0) lab[++n] = l }
	$2 != "info" {
		k = ($1 + 1) / 2; flagged[k] = 1
		if (lab[k] == "good") fp[$3]++; else tp[$3]++
	}
	END {
		for (k = 1; k <= n; k++) {
			if (lab[k] == "good") { good++; if (flagged[k]) gf++ }
			else { bad++; if (flagged[k]) bf++ }
		}
		for (r in fp) rules[r] = 1
		for (r in tp) rules[r] = 1
		for (r in rules)
			printf "  %-44s bad flagged %3d, good flagged %3d\n", r, tp[r], fp[r]
		printf "sentences: %d good, %d bad\n", good, bad
		printf "good sentences flagged: %d (%.2f %%)\n", gf, good ? 100 * gf / good : 0
		printf "bad sentences flagged (recall): %d (%.2f %%)\n", bf, bad ? 100 * bf / bad : 0
		if (gf + bf)
			printf "precision (flagged sentences that are bad): %.1f %%\n", 100 * bf / (gf + bf)
	}' "$tmp/hits"
