# The editor integration end to end (tests/lsp/): the same document gives
# the same diagnostics through `mtlint check` and `mtlint lsp`
# (fixtures/identity/<case>/, each with a .mtlint.yml that matters).
# tests/lsp/features.py drives the editor features (incremental sync, pull
# diagnostics, settings, code actions and their commands, hover, watched
# files) in temporary projects.
TEST_TARGETS += check-identity check-lsp-features

check-identity: all
	$(Q)$(TEST_ENV) python3 tests/lsp/identity.py $(BIN)

check-lsp-features: all
	$(Q)$(TEST_ENV) python3 tests/lsp/features.py $(BIN)

.PHONY: check-identity check-lsp-features
