# The command line's manual: build/mtlint.1 is generated from
# docs/mtlint.1.in and the option table (see the Makefile); this renders it
# with man-db and groff and checks that it shows every option --help shows.
TEST_TARGETS += check-man

check-man: all
	$(Q)$(TEST_ENV) sh tests/man.sh $(BIN) $(MAN)

.PHONY: check-man
