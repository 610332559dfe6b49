# The command line's manual: build/mtlint.1 is generated from
# docs/mtlint.1.in and the option table (see the Makefile); this renders it
# with man-db and groff and checks that it shows every option --help shows.
TEST_TARGETS += check-man check-completions

check-man: all
	$(Q)$(TEST_ENV) sh tests/man.sh $(BIN) $(MAN)

# The rules' pages, docs/rules/<id>.md: written by `mtlint rules --docs`
# from the rule tables and the rules' own examples, committed so that the
# links in editors and SARIF (RULE_DOCS_URL) resolve; this checks they are
# what the build makes.  `make update-rule-docs` rewrites them.
TEST_TARGETS += check-rule-docs

check-rule-docs: all
	$(Q)rm -rf $(BUILD)/rule-docs && \
	  $(TEST_ENV) $(BIN) rules --docs $(BUILD)/rule-docs && \
	  if diff -r docs/rules $(BUILD)/rule-docs >$(BUILD)/rule-docs.diff; \
	  then echo "  DOCS     docs/rules: $$(ls docs/rules | wc -l) pages as mtlint rules --docs writes them"; \
	  else cat $(BUILD)/rule-docs.diff; \
	    echo "docs/rules differs from 'mtlint rules --docs': run make update-rule-docs"; \
	    exit 1; fi

update-rule-docs: all
	$(Q)rm -rf docs/rules && $(TEST_ENV) $(BIN) rules --docs docs/rules

.PHONY: check-rule-docs update-rule-docs

# The shell completions: each parses in its shell, and bash's completes
# an option's choices and the subcommands.
check-completions: all
	$(Q)$(TEST_ENV) sh tests/completions.sh $(BIN) $(BUILD)/completions

.PHONY: check-man check-completions
