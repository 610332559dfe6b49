# Rule engine (issue 4): rule examples, evaluation and benchmark.
#
#   lint-rules   every example of every rule file (`mtlint rules --test`)
#   eval-rules   false positives per rule on clean prose; precision and
#                recall on the link-grammar sentence corpus
#   bench-rules  the rule engine's speed

DEB_PACKAGES += link-grammar-dictionaries-en libyaml-dev
TEST_TARGETS += lint-rules
EVAL_TARGETS += eval-rules
BENCH_TARGETS += bench-rules

lint-rules: $(BIN)
	@echo "  RULES    rules/en/*.yml"
	$(Q)$(TEST_ENV) $(BIN) rules --test

.PHONY: lint-rules eval-rules bench-rules
