# Rule engine (issue 4): rule examples, evaluation and benchmark.
#
#   lint-rules   every example of every rule file (`mtlint rules --test`)
#   eval-rules   false positives per rule on clean prose; precision and
#                recall on the link-grammar sentence corpus
#   bench-rules  the rule engine's speed

TEST_TARGETS += lint-rules
EVAL_TARGETS += eval-rules
BENCH_TARGETS += bench-rules

lint-rules: $(BIN)
	@echo "  RULES    rules/en/*.yml"
	$(Q)$(TEST_ENV) $(BIN) rules --test
	@echo "  RULES    rules/examples/*/*.yml"
	$(Q)$(TEST_ENV) $(BIN) rules --test rules/examples/*/*.yml

.PHONY: lint-rules eval-rules bench-rules

eval-rules: $(BIN)
	$(Q)$(TEST_ENV) $(EVAL_SECTION) eval-rules sh tests/eval/eval-rules.sh $(BIN)

# A corpus of ~6 MB: the fixture articles and the licence texts, repeated.
BENCH_RULES_CORPUS = $(BUILD)/bench/rules-corpus.txt
bench-rules: $(BIN)
	$(Q)mkdir -p $(BUILD)/bench; : >$(BENCH_RULES_CORPUS); \
	for i in $$(seq 40); do cat fixtures/mt-article.txt \
	  fixtures/reference-article.txt /usr/share/common-licenses/GPL-3 \
	  /usr/share/common-licenses/Apache-2.0 >>$(BENCH_RULES_CORPUS); done
	$(Q)$(TEST_ENV) sh tests/eval/bench-rules.sh $(BIN) $(BENCH_RULES_CORPUS)
