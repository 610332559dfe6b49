# The editor integration end to end (tests/lsp/): the same document gives
# the same diagnostics through `mtlint check` and `mtlint lsp`
# (fixtures/identity/<case>/, each with a .mtlint.yml that matters).
TEST_TARGETS += check-identity

check-identity: all
	$(Q)$(TEST_ENV) python3 tests/lsp/identity.py $(BIN)

.PHONY: check-identity
