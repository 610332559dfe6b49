#!/bin/sh
# batch_test.sh MTLINT N [bench [CORPUS.jsonl]]: `mtlint batch` on N
# generated lines (make-lines.py: the fixture article's sentences, with
# references, Markdown and malformed lines) gives the same output byte for
# byte as one process with one thread, with two threads, and split across
# processes by GNU parallel (--pipepart -k --block -4, as docs/serve.md
# shows), whose processes share their parses through the cache directory;
# one output line per input line.  With `bench`, also the time of
# one process and of GNU parallel with one process per core, and the
# speedup; with CORPUS.jsonl as well, the same two runs on it (distinct
# sentences, as a real corpus has: brown-lines.py), whose output must
# match too.
set -eu
bin=$1
n=$2
mode=${3:-test}
corpus=${4:-}
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtlint-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cores=$(nproc)

python3 "$here/make-lines.py" "$n" fixtures/mt-article.txt \
	fixtures/reference-article.txt >"$tmp/in.jsonl"

now() { date +%s.%N; }

# same A B: the outputs are equal byte for byte -- or differ only on lines
# where one side's grammar parser ran out of its CPU backstop per sentence
# (grammar/linkgrammar.h: link-grammar counts the whole process's CPU
# time, so the sanitizer build or two parsing threads may hit it on one
# side only), which is noted, not failed.
same() {
	cmp -s "$1" "$2" && return 0
	python3 - "$1" "$2" <<'PY'
import sys
a = open(sys.argv[1], "rb").read().split(b"\n")
b = open(sys.argv[2], "rb").read().split(b"\n")
bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
if len(a) != len(b) or any(b"grammar.parse-skipped" not in a[i] + b[i]
                           for i in bad):
    sys.exit(1)
print("batch: NOTE: %d lines not compared: the grammar parser ran out of "
      "time" % len(bad))
PY
}

# fresh_store: in the bench, each run starts with no shared parse results
# (grammar/parsestore.h), as a first run on a corpus does: the processes
# under GNU parallel share what they parse, not what the single process
# parsed before them.  The test keeps them, so that GNU parallel's run
# reads what the first run stored and must still give the same output.
fresh_store() {
	if [ "$mode" = bench ]; then
		rm -f "${MTLINT_CACHE_DIR:?}"/parses-*.log
	fi
}

# one_and_parallel IN OUT: IN through one process (OUT.one) and through
# GNU parallel, one process per core (OUT.par); sets t0 t1 t2
one_and_parallel() {
	fresh_store
	t0=$(now)
	"$bin" batch --no-config -j1 <"$1" >"$2.one"
	t1=$(now)
	fresh_store
	# --pipepart: parallel reads the parts of the file itself (with
	# --pipe its own process copies every byte through one pipe, which
	# costs a core of its own); --block -4: four parts per process,
	# handed to whichever process is free, since parsing work is uneven
	# (the slowest 5 % of sentences take half the time: two halves of
	# equal bytes are not two halves of equal work), while each checker
	# still starts only a few times
	parallel --will-cite --tmpdir "$tmp" --pipepart -a "$1" -k \
		-j"$cores" --block -4 "$bin" batch --no-config -j1 >"$2.par"
	t2=$(now)
}

# speedup WHAT LINES: the figures of the last one_and_parallel
speedup() {
	awk -v w="$1" -v n="$2" -v c="$cores" -v a="$t0" -v b="$t1" \
	    -v d="$t2" 'BEGIN {
		one = b - a; par = d - b
		printf "batch: %s, %d lines: one process %.1f s (%.0f " \
		       "lines/s); GNU parallel -j%d %.1f s (%.0f lines/s): " \
		       "%.2fx\n", w, n, one, n / one, c, par, n / par, one / par }'
}

# the bench compares processes, one a core: each checker parses with one
# thread (by default a checker spreads a sentence's repair parses over
# every core, so one process alone may already use two)
if [ "$mode" = bench ]; then
	MTLINT_PARSER_THREADS=1
	export MTLINT_PARSER_THREADS
fi
one_and_parallel "$tmp/in.jsonl" "$tmp/gen"
mv "$tmp/gen.one" "$tmp/one.jsonl"
mv "$tmp/gen.par" "$tmp/par.jsonl"

fail=0
lines=$(wc -l <"$tmp/one.jsonl")
if [ "$lines" -ne "$n" ]; then
	echo "batch: $lines output lines for $n input lines"
	fail=1
fi
errors=$(grep -c '"error":' "$tmp/one.jsonl" || true)
if [ "$errors" -ne $((n / 997)) ]; then
	echo "batch: $errors error records, want $((n / 997))"
	fail=1
fi
if ! same "$tmp/one.jsonl" "$tmp/par.jsonl"; then
	echo "batch: GNU parallel's output differs from one process's:"
	diff "$tmp/one.jsonl" "$tmp/par.jsonl" | head -5
	fail=1
fi
if [ "$mode" != bench ]; then
	"$bin" batch --no-config -j2 <"$tmp/in.jsonl" >"$tmp/two.jsonl"
	if ! same "$tmp/one.jsonl" "$tmp/two.jsonl"; then
		echo "batch: two threads' output differs from one thread's"
		fail=1
	fi
fi
if [ "$mode" = bench ]; then
	speedup "generated (the fixture's sentences repeated)" "$n"
	if [ -n "$corpus" ]; then
		one_and_parallel "$corpus" "$tmp/corpus"
		if ! same "$tmp/corpus.one" "$tmp/corpus.par"; then
			echo "batch: GNU parallel's output differs on $corpus"
			fail=1
		fi
		speedup "corpus of distinct sentences" \
			"$(wc -l <"$corpus")"
	fi
fi
[ $fail -eq 0 ] && echo "batch: $n lines, the same output every way" &&
	echo "batch: 1 passed, 0 failed" ||
	{ echo "batch: 0 passed, 1 failed"; exit 1; }
