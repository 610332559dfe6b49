# Grammar parser (issue 7): evaluation and benchmark.
#
#   make eval-parser   precision/recall of the whole checker (rules + parser)
#                      on the link-grammar authors' good/bad sentences
#   make bench-parser  time per sentence and per document with the parser

EVAL_TARGETS += eval-parser
BENCH_TARGETS += bench-parser

GRAMMAR_TSV ?= $(firstword $(wildcard ../shared/eval/grammar/grammar.tsv \
	/work/shared/eval/grammar/grammar.tsv))
EVAL_GRAMMAR = $(BUILD)/eval-grammar

$(EVAL_GRAMMAR): $(BUILD)/tests/eval_grammar.o $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

eval-parser: all $(EVAL_GRAMMAR)
	@if [ -z "$(GRAMMAR_TSV)" ]; then \
	  echo "eval-parser: grammar.tsv not found (set GRAMMAR_TSV=...)"; \
	  exit 1; fi
	$(Q)$(TEST_ENV) $(EVAL_SECTION) eval-parser $(EVAL_GRAMMAR) $(GRAMMAR_TSV)

.PHONY: eval-parser bench-parser

BENCH_PARSER = $(BUILD)/bench-parser

$(BENCH_PARSER): $(BUILD)/tests/bench_parser.o $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

bench-parser: all $(BENCH_PARSER)
	$(Q)$(TEST_ENV) $(BENCH_PARSER) fixtures/mt-article.txt \
	  fixtures/reference-article.txt
	$(Q)echo "one thread:"; $(TEST_ENV) MTLINT_PARSER_THREADS=1 \
	  $(BENCH_PARSER) fixtures/mt-article.txt
