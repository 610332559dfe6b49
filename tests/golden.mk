# Golden end-to-end outputs (fixtures/golden/<case>/); see tests/golden.sh.
check-golden: all
	$(Q)$(TEST_ENV) sh tests/golden.sh $(abspath $(BIN))

update-golden: all
	$(Q)$(TEST_ENV) sh tests/golden.sh $(abspath $(BIN)) --update

TEST_TARGETS += check-golden
.PHONY: check-golden update-golden
