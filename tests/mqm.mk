# Real machine-translated text with professional MQM annotations (issue 11):
# the scorer in ../shared/eval/mqm on both development files, with the
# checker's default settings.  Prints false alarms, precision, a per-rule
# table (flags, share on a marked error) and recall per category; then,
# for the TED set (human translations as references), the reference kind
# detected per article and the reference rules at every severity
# (tests/eval/mqm-reference.py).
#
#   make eval-mqm                  both dev sets
#   make eval-mqm MQM_SHOW=20      also list 20 false alarms per set

MQM_DIR ?= $(firstword $(wildcard ../shared/eval/mqm /work/shared/eval/mqm))
MQM_SHOW ?= 0
EVAL_TARGETS += eval-mqm

# The figures go to docs/evaluation.md unless false alarms are listed
# (sentences of the evaluation data stay out of the project's pages).
eval-mqm: all
	@if [ -z "$(MQM_DIR)" ]; then \
	  echo "eval-mqm: ../shared/eval/mqm not found (set MQM_DIR=...)"; \
	  exit 1; fi
	$(Q)if [ "$(MQM_SHOW)" = 0 ]; then \
	  $(EVAL_SECTION) eval-mqm $(MAKE) -s --no-print-directory eval-mqm-run; \
	else $(MAKE) -s --no-print-directory eval-mqm-run; fi

eval-mqm-run:
	$(Q)mkdir -p $(BUILD)/eval/mqm; for set in news ted; do \
	  echo "== MQM $$set-zhen-dev.tsv (flags: $(BUILD)/eval/mqm/$$set.tsv)"; \
	  python3 $(MQM_DIR)/mqm-score.py $(abspath $(BIN)) \
	    $(MQM_DIR)/$$set-zhen-dev.tsv --show $(MQM_SHOW) \
	    --dump $(BUILD)/eval/mqm/$$set.tsv || exit 1; \
	done
	@echo "== reference comparison on ted-zhen-dev.tsv (every severity)"
	$(Q)python3 tests/eval/mqm-reference.py $(MQM_DIR) $(abspath $(BIN)) \
	  $(MQM_DIR)/ted-zhen-dev.tsv

.PHONY: eval-mqm eval-mqm-run
