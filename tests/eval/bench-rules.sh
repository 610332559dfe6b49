#!/bin/sh
# bench-rules: speed of the rule engine on a corpus (best of 3 runs).
#   rules loading: `mtlint rules` (lexicon + every rule file compiled)
#   checking: the whole corpus with every rule, minus the time to load
# usage: bench-rules.sh MTLINT CORPUS
set -u
bin=$1
corpus=$2
now() { date +%s.%N; }
best() { # best of 3 wall-clock runs of "$@"
	b=
	for i in 1 2 3; do
		t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
		b=$(echo "$t0 $t1 ${b:-999999}" | awk '{ d = $2 - $1; print (d < $3) ? d : $3 }')
	done
	echo "$b"
}
bytes=$(wc -c <"$corpus")
words=$(wc -w <"$corpus")
nrules=$("$bin" rules | wc -l)
load=$(best "$bin" rules)
full=$(best "$bin" --fail-on never --format json "$corpus")
awk -v b="$bytes" -v w="$words" -v l="$load" -v f="$full" -v n="$nrules" 'BEGIN {
	c = f - l; if (c <= 0) c = 0.000001
	printf "rules: %d rules; loading lexicon + rules: %.0f ms\n", n, l * 1000
	printf "corpus: %.1f MB, %d words; check: %.2f s (%.1f MB/s, %.0f words/s)\n",
		b / 1e6, w, c, b / 1e6 / c, w / c
}'
