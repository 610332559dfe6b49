# The command line's manual: build/mtlint.1 is generated from
# docs/mtlint.1.in and the option table (see the Makefile); this renders it
# with man-db and groff and checks that it shows every option --help shows.
TEST_TARGETS += check-man check-completions

check-man: all
	$(Q)$(TEST_ENV) sh tests/man.sh $(BIN) $(MAN)

# The shell completions: each parses in its shell, and bash's completes
# an option's choices and the subcommands.
check-completions: all
	$(Q)$(TEST_ENV) sh tests/completions.sh $(BIN) $(BUILD)/completions

.PHONY: check-man check-completions
