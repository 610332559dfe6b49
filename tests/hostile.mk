# The hostile-input corpus (tests/hostile/run.sh, docs/security.md): every
# case ends within its CPU and memory bound with the exit status it
# expects, a clear message, and no file changed that was not to be fixed.
# `make test` runs it with the normal build and, through `make sanitize`,
# with the ASan+UBSan build (there without the address-space bound).
TEST_TARGETS += check-hostile

check-hostile: all
	$(Q)$(TEST_ENV) bash tests/hostile/run.sh $(BIN) \
	  $(if $(findstring -fsanitize,$(EXTRA_CFLAGS)),--sanitized)

.PHONY: check-hostile
