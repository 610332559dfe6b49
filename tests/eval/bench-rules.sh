#!/bin/sh
# bench-rules: speed of the rule engine on a corpus, in CPU seconds (user +
# system, best of 3), so that a busy machine does not skew it.
#   load:   `mtlint rules` -- the link-grammar lexicon and every rule file
#   base:   the corpus with every rule disabled (decode, segment, report)
#   rules:  the corpus with every rule; the engine's share is rules - base
# usage: bench-rules.sh MTLINT CORPUS
set -u
bin=$1
corpus=$2
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT INT TERM
cpu() { # best of 3 runs of "$@", CPU seconds
	b=999999
	for i in 1 2 3; do
		/usr/bin/time -o "$tf" -f '%U %S' "$@" >/dev/null 2>&1
		t=$(awk '{ print $1 + $2 }' "$tf")
		b=$(echo "$t $b" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$b"
}
bytes=$(wc -c <"$corpus")
words=$(wc -w <"$corpus")
nrules=$("$bin" rules | wc -l)
load=$(cpu "$bin" rules)
base=$(cpu "$bin" --fail-on never --format json \
	--disable fluency,accuracy,style,terminology "$corpus")
full=$(cpu "$bin" --fail-on never --format json "$corpus")
awk -v b="$bytes" -v w="$words" -v l="$load" -v z="$base" -v f="$full" \
	-v n="$nrules" 'BEGIN {
	e = f - z; if (e <= 0) e = 0.001
	printf "%d rules; loading lexicon and rules: %.0f ms CPU\n", n, l * 1000
	printf "corpus %.1f MB, %d words: %.2f s CPU with every rule, %.2f s with none\n",
		b / 1e6, w, f, z
	printf "rule engine alone: %.2f s = %.1f MB/s, %.0f words/s\n",
		e, b / 1e6 / e, w / e
}'
