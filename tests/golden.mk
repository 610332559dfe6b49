# Golden end-to-end outputs (fixtures/golden/<case>/); see tests/golden.sh.
check-golden: all
	$(Q)$(TEST_ENV) sh tests/golden.sh $(abspath $(BIN))

update-golden: all
	$(Q)$(TEST_ENV) sh tests/golden.sh $(abspath $(BIN)) --update

TEST_TARGETS += check-golden
.PHONY: check-golden update-golden

# The README's example is the golden case readme-example: its output block
# (the lines after "$ mtlint ..." up to the closing fence) must be that
# case's expected.txt without the exit line.
check-readme-example:
	@echo "  TEST     README.md example = fixtures/golden/readme-example"
	$(Q)awk '/^\$$ mtlint /{ on = 1; next } on && /^```/{ exit } on' \
	  README.md >$(BUILD)/readme-example.txt && \
	  grep -v '^exit [0-9]*$$' fixtures/golden/readme-example/expected.txt | \
	  diff -u - $(BUILD)/readme-example.txt || \
	  { echo "README.md's example differs from" \
	    "fixtures/golden/readme-example/expected.txt"; exit 1; }

TEST_TARGETS += check-readme-example
.PHONY: check-readme-example
