# `mtlint score` against an independent implementation of sacreBLEU's
# chrF and BLEU (issue 14): tests/score/sacrebleu-ref.py builds a
# line-aligned pair from the fixtures and prints the scores sacreBLEU's
# definitions give; the binary must print the same, to two decimals, both
# corpus-level over lines (the default) and with --whole-document.

TEST_TARGETS += check-score

SCORE_DIR = $(BUILD)/score-check

check-score: all
	@echo "  TEST     mtlint score = sacreBLEU (independent implementation)"
	$(Q)rm -rf $(SCORE_DIR) && mkdir -p $(SCORE_DIR) && \
	  python3 tests/score/sacrebleu-ref.py make $(SCORE_DIR) \
	    fixtures/reference-article.txt fixtures/mt-article.txt && \
	  python3 tests/score/sacrebleu-ref.py score $(SCORE_DIR)/hyp.txt \
	    $(SCORE_DIR)/ref.txt > $(SCORE_DIR)/expected && \
	  for mode in corpus whole; do \
	    flag=; [ $$mode = whole ] && flag=--whole-document; \
	    $(TEST_ENV) $(BIN) score $$flag --reference $(SCORE_DIR)/ref.txt \
	      $(SCORE_DIR)/hyp.txt > $(SCORE_DIR)/out.$$mode || exit 1; \
	    grep -q 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:' \
	      $(SCORE_DIR)/out.$$mode || \
	      { echo "score: no BLEU signature"; exit 1; }; \
	    for m in chrF BLEU; do \
	      want=$$(awk -v m=$$mode -v k=$$m '$$1 == m && $$2 == k \
	        { print $$3 }' $(SCORE_DIR)/expected); \
	      got=$$(sed -n "s/^  $$m[^ ]* = \([0-9.]*\) .*/\1/p" \
	        $(SCORE_DIR)/out.$$mode); \
	      [ -n "$$want" ] && [ "$$want" = "$$got" ] || \
	        { echo "score: $$mode $$m: mtlint $$got, sacreBLEU $$want"; \
	          exit 1; }; \
	    done; \
	  done

.PHONY: check-score
