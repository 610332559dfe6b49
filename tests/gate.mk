# The editorial gate (issue 6): format validators used by the tests
# (python3-jsonschema validates SARIF against fixtures/gate/, the SARIF
# 2.1.0 schema from npm @microsoft/jest-sarif, MIT; xmllint checks the XML
# formats; patch applies --fix-dry-run's diff: tests/deps.sh lists them).
TEST_TARGETS += check-gate-formats

check-gate-formats: all
	$(Q)$(TEST_ENV) tests/gate-formats.sh $(BIN)

.PHONY: check-gate-formats

# Speed of a whole gate run (directory walk, config lookup, parallel check,
# SARIF output) on 400 copies of the fixture pair, with -j 1 and -j 2.
BENCH_TARGETS += bench-gate
bench-gate: all
	$(Q)d=$(BUILD)/bench-gate; rm -rf $$d; mkdir -p $$d/articles; \
	for i in $$(seq 1 200); do \
	  cp fixtures/mt-article.txt $$d/articles/mt-$$i.txt; \
	  cp fixtures/reference-article.txt $$d/articles/ref-$$i.txt; done; \
	bytes=$$(cat $$d/articles/*.txt | wc -c); \
	for j in 1 2; do \
	  s=$$(date +%s.%N); \
	  $(TEST_ENV) $(BIN) --no-config -j $$j -f sarif $$d/articles >/dev/null; \
	  e=$$(date +%s.%N); \
	  awk -v s=$$s -v e=$$e -v j=$$j -v b=$$bytes 'BEGIN { t = e - s; \
	    printf "  gate -j %d: 400 documents in %.2f s: %.0f documents/s, %.1f MB/s\n", \
	      j, t, 400 / t, b / t / 1e6 }'; \
	done; rm -rf $$d

.PHONY: bench-gate
