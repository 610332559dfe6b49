# Byte-identical output (issue 14): two runs, -j 1 and -j 2, a cold and a
# warm suggestion-index cache give the same JSON on a multi-file corpus
# (tests/determinism.sh).
TEST_TARGETS += check-determinism

check-determinism: all
	$(Q)$(TEST_ENV) sh tests/determinism.sh $(BIN)

.PHONY: check-determinism
