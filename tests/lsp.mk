# The editor integration end to end (tests/lsp/): the same document gives
# the same diagnostics through `mtlint check` and `mtlint lsp`
# (fixtures/identity/<case>/, each with a .mtlint.yml that matters).
# tests/lsp/features.py drives the editor features (incremental sync, pull
# diagnostics, settings, code actions and their commands, hover, watched
# files) in temporary projects.
# tests/lsp/editors.py runs Neovim headless and Emacs eglot in batch mode
# (Debian's neovim, emacs-nox, elpa-eglot) against the server.
TEST_TARGETS += check-identity check-lsp-features check-editors

check-identity: all
	$(Q)$(TEST_ENV) python3 tests/lsp/identity.py $(BIN)

check-lsp-features: all
	$(Q)$(TEST_ENV) python3 tests/lsp/features.py $(BIN)

check-editors: all
	$(Q)$(TEST_ENV) python3 tests/lsp/editors.py $(BIN)

.PHONY: check-identity check-lsp-features check-editors

# Re-publish latency after one-character edits in a 10 KB article, and
# memory over 10,000 edits (tests/bench/bench_lsp.c).
BENCH_LSP = $(BUILD)/bench_lsp
$(BENCH_LSP): tests/bench/bench_lsp.c $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -Ichecker -o $@ $^ $(LDLIBS_ALL)

bench-lsp: $(BENCH_LSP)
	$(Q)$(TEST_ENV) $(BENCH_LSP) fixtures/mt-article.txt
BENCH_TARGETS += bench-lsp

.PHONY: bench-lsp
