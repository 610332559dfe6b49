# Reference comparison (issue 5): evaluation on Apertium round trips and the
# speed benchmark.  See docs/reference.md and docs/evaluation.md.

EVAL_TARGETS += eval-reference
BENCH_TARGETS += bench-reference

REFERENCE_EVAL_DIR = $(BUILD)/eval/reference
REFERENCE_HELDOUT_DIR = $(BUILD)/eval/reference-jargon

# Only the evaluation needs apertium and the corpora (the eval group of
# tests/deps.sh), not `make test`.
eval-reference-deps:
	@$(DEPS) install eval

$(BUILD)/tests/eval_reference: tests/eval/eval_reference.c $(LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -Ichecker -o $@ $< $(LIB) \
		$(LDLIBS_ALL)

# The corpus is rebuilt only when missing (Apertium takes about half a
# minute); `rm -r build/eval/reference` to redo it.
$(REFERENCE_EVAL_DIR)/mt/001.txt: tests/eval/reference-corpus.sh
	$(Q)sh tests/eval/reference-corpus.sh $(REFERENCE_EVAL_DIR) history

$(REFERENCE_HELDOUT_DIR)/mt/001.txt: tests/eval/reference-corpus.sh
	$(Q)sh tests/eval/reference-corpus.sh $(REFERENCE_HELDOUT_DIR) jargon

eval-reference: eval-reference-deps
	@$(MAKE) --no-print-directory $(BUILD)/tests/eval_reference \
		$(REFERENCE_EVAL_DIR)/mt/001.txt \
		$(REFERENCE_HELDOUT_DIR)/mt/001.txt
	$(Q)$(EVAL_SECTION) eval-reference $(MAKE) -s --no-print-directory \
		eval-reference-run

eval-reference-run:
	@echo "== reference comparison, Debian history (used in development;"
	@echo "   details: $(REFERENCE_EVAL_DIR)/report.txt)"
	$(Q)MTLINT_DATA_DIR=$(CURDIR) $(BUILD)/tests/eval_reference \
		$(REFERENCE_EVAL_DIR)
	@echo "== reference comparison, Jargon File (held out;"
	@echo "   details: $(REFERENCE_HELDOUT_DIR)/report.txt)"
	$(Q)MTLINT_DATA_DIR=$(CURDIR) $(BUILD)/tests/eval_reference \
		$(REFERENCE_HELDOUT_DIR)

.PHONY: eval-reference eval-reference-run eval-reference-deps bench-reference

# Speed: -O2 like every build; the median of 25 runs of the pass.
$(BUILD)/tests/bench_reference: tests/bench/bench_reference.c $(LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -Ichecker -o $@ $< $(LIB) \
		$(LDLIBS_ALL)

bench-reference: $(BUILD)/tests/bench_reference
	@echo "== reference comparison"
	$(Q)MTLINT_DATA_DIR=$(CURDIR) $(BUILD)/tests/bench_reference \
		fixtures/mt-article.txt fixtures/reference-article.txt
