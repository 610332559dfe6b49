# The review page (docs/review.md) in a real browser: Debian's Chromium,
# headless, driven by npm's puppeteer-core (tests/review/review-test.js;
# the npm packages are those of tests/serve/package.json).
#
# check-review  `mtlint --format html --reference` of the fixture pair:
#               every finding of the JSON report of the same run on the
#               same text, a suggestion clicked into the text, no console
#               error and no request; the live page at / of `mtlint
#               serve` shows the same findings and re-checks after a
#               suggestion is accepted.  Screenshots: build/review/*.png
# bench-review  the page of a 200 KB article: time to render in Chromium
TEST_TARGETS += check-review
BENCH_TARGETS += bench-review

REVIEW_OUT = $(BUILD)/review
# serve.mk's npm install (named here: this file is read before serve.mk,
# so $(SERVE_NPM_STAMP) is not set yet when the rules below are read)
REVIEW_NPM_STAMP = $(BUILD)/serve-npm/node_modules/.installed
REVIEW_NODE = NODE_PATH=$(abspath $(SERVE_NPM))/node_modules node \
	tests/review/review-test.js

check-review: all $(REVIEW_NPM_STAMP)
	@echo "  TEST     the review page in headless Chromium"
	$(Q)set -e; mkdir -p $(REVIEW_OUT); o=$(REVIEW_OUT); : >$$o/serve.err; \
	  a=fixtures/mt-article.txt r=fixtures/reference-article.txt; \
	  for f in html json; do \
	    $(TEST_ENV) $(BIN) --no-config --format $$f --reference $$r $$a \
	      fixtures/serve/unicode.txt >$$o/report.$$f || [ $$? -eq 1 ]; \
	  done; \
	  $(REVIEW_NODE) report $$o/report.html $$o/report.json $$o; \
	  $(TEST_ENV) $(BIN) --no-config --format json --reference $$r $$a \
	    >$$o/live.json || [ $$? -eq 1 ]; \
	  $(TEST_ENV) $(BIN) serve --listen 127.0.0.1:0 --no-config -j2 \
	    --access-log off 2>$$o/serve.err & pid=$$!; \
	  trap 'kill -TERM $$pid 2>/dev/null; wait $$pid' EXIT; \
	  i=0; until grep -q 'listening on' $$o/serve.err; do \
	    i=$$((i + 1)); [ $$i -lt 3000 ] && kill -0 $$pid || \
	      { cat $$o/serve.err; exit 1; }; sleep 0.1; done; \
	  port=$$(sed -n 's|.*listening on http://[^ ]*:\([0-9]*\)/$$|\1|p' \
	    $$o/serve.err); \
	  $(REVIEW_NODE) live $$port $$a $$r $$o/live.json $$o

bench-review: all $(REVIEW_NPM_STAMP)
	$(Q)set -e; mkdir -p $(REVIEW_OUT); o=$(REVIEW_OUT); \
	  : > $$o/big.txt; \
	  while [ $$(wc -c < $$o/big.txt) -lt 204800 ]; do \
	    cat fixtures/mt-article.txt >> $$o/big.txt; echo >> $$o/big.txt; done; \
	  $(TEST_ENV) $(BIN) --no-config --format html $$o/big.txt \
	    >$$o/big.html || [ $$? -eq 1 ]; \
	  printf 'review: %s bytes of article, %s bytes of page: ' \
	    $$(wc -c < $$o/big.txt) $$(wc -c < $$o/big.html); \
	  $(REVIEW_NODE) time $$o/big.html

.PHONY: check-review bench-review
