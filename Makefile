# mtlint -- GNU make.  `make help` lists the targets.
#
# `make run` and `make test` first install missing Debian packages (the one
# list is tests/deps.sh), then re-run make so that pkg-config sees them.

.DEFAULT_GOAL := all
.SUFFIXES:

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/mtlint
# where editors and SARIF link a rule's page (docs/rules/<id>.md)
RULE_DOCS_URL ?= https://github.com/mtlint/mtlint/blob/main/docs/rules

BUILD ?= build
CC ?= cc
V ?= 0
ifeq ($(V),0)
Q = @
quiet = @printf '  %-8s %s\n' $(1) $(2);
else
Q =
quiet =
endif

# Debian packages and the pkg-config modules of the libraries: one list,
# in tests/deps.sh (runtime, build, test and eval groups; how to add one is
# written there).
DEPS = sh tests/deps.sh
PKGS := $(shell $(DEPS) modules build)
TEST_PKGS := $(shell $(DEPS) modules test)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CRITERION_LIBS = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

WARNINGS = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wvla -Wno-format-nonliteral
OPT ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(WARNINGS) $(PKG_CFLAGS) \
	-DMT_DATADIR='"$(DATADIR)"' -DMT_RULE_DOCS_URL='"$(RULE_DOCS_URL)"' \
	-MMD -MP $(EXTRA_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm $(EXTRA_LDFLAGS) $(LDFLAGS)

LIB_SRCS = $(wildcard checker/*/*.c)
LIB_OBJS = $(LIB_SRCS:checker/%.c=$(BUILD)/obj/%.o)
TEST_SRCS = $(wildcard tests/test_*.c) tests/helpers.c
TEST_OBJS = $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%.o)

LIB = $(BUILD)/libmtlint.a
BIN = $(BUILD)/mtlint
UNIT = $(BUILD)/tests/unit

MAN = $(BUILD)/mtlint.1
MANDIR = $(PREFIX)/share/man/man1
# shell completions, generated from the option table like the man page
COMPLETIONS = $(BUILD)/completions/mtlint.bash $(BUILD)/completions/_mtlint \
	$(BUILD)/completions/mtlint.fish
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

all: $(LIB) $(BIN) $(MAN) $(COMPLETIONS)

$(BUILD)/completions/mtlint.bash: $(BIN)
	@mkdir -p $(@D)
	$(call quiet,GEN,$@)$(BIN) help --completion bash > $@.tmp && mv $@.tmp $@
$(BUILD)/completions/_mtlint: $(BIN)
	@mkdir -p $(@D)
	$(call quiet,GEN,$@)$(BIN) help --completion zsh > $@.tmp && mv $@.tmp $@
$(BUILD)/completions/mtlint.fish: $(BIN)
	@mkdir -p $(@D)
	$(call quiet,GEN,$@)$(BIN) help --completion fish > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/%.o: checker/%.c
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(CFLAGS_ALL) -Ichecker -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(CFLAGS_ALL) -Ichecker -c $< -o $@

$(LIB): $(LIB_OBJS)
	$(call quiet,AR,$@)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

# The man page: docs/mtlint.1.in with the subcommand and option tables of
# the program itself (cli/options.c), so --help and mtlint.1 cannot drift.
$(MAN): docs/mtlint.1.in $(BIN)
	$(call quiet,MAN,$@)v=$$($(BIN) version) && \
	awk -v bin='$(BIN)' -v version="$${v#mtlint }" \
	  -v datadir='$(DATADIR)' \
	  '/^@COMMANDS@$$/ { if (system(bin " help --man commands")) exit 1; next } \
	   /^@OPTIONS@$$/ { if (system(bin " help --man options")) exit 1; next } \
	   { gsub(/@DATADIR@/, datadir); gsub(/@VERSION@/, version); print }' \
	  docs/mtlint.1.in > $@.tmp && mv $@.tmp $@

$(UNIT): $(TEST_OBJS) $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $^ $(CRITERION_LIBS) \
		$(LDLIBS_ALL)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/*/*.d $(BUILD)/tests/*.d)

# Each family of checks adds its own targets in tests/<name>.mk and hooks
# them in with:  TEST_TARGETS += ...   EVAL_TARGETS += ...
#                BENCH_TARGETS += ...
# (TEST_TARGETS run after the unit suite in `make test`, with this build.)
# The packages they need go into tests/deps.sh, in the test or eval group.
# An eval target runs its measurement through $(EVAL_SECTION) NAME CMD...,
# which writes the output into its section of docs/evaluation.md (see
# tests/eval/section.sh; add the section's two marker lines there).
EVAL_DOC = docs/evaluation.md
EVAL_SECTION = sh tests/eval/section.sh $(EVAL_DOC)
TEST_TARGETS =
EVAL_TARGETS =
BENCH_TARGETS =
include $(sort $(wildcard tests/*.mk))

# --- set-up -------------------------------------------------------------

# `make deps` installs what building and testing need; `make deps
# DEPS_GROUPS="runtime build"` only what building and running need (a CI
# job that only checks articles). apt-get runs only when something is
# missing.
DEPS_GROUPS = runtime build test
deps:
	@$(DEPS) install $(DEPS_GROUPS)

run:
	@$(DEPS) install runtime build
	@$(MAKE) --no-print-directory all
	@echo "== mtlint fixtures/mt-article.txt --reference fixtures/reference-article.txt"
	@$(BIN) --reference fixtures/reference-article.txt \
		fixtures/mt-article.txt; rc=$$?; \
	  echo "(exit status $$rc: 0 clean, 1 findings, 2 error)"; \
	  [ $$rc -le 1 ]

# --- tests --------------------------------------------------------------

export LC_ALL = C.UTF-8
TEST_ENV = MTLINT_BIN=$(abspath $(BIN)) MTLINT_DATA_DIR=$(CURDIR) \
	MTLINT_CACHE_DIR=$(CURDIR)/build/cache HOME=/nonexistent NO_COLOR=1

test:
	@$(DEPS) install runtime build test
	@$(MAKE) --no-print-directory check-unit
	@$(MAKE) --no-print-directory check-headers check-dead-code fuzz-build
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory valgrind

# unit and end-to-end suites with this build
check-unit: all $(UNIT) warm-cache
	$(Q)$(TEST_ENV) $(UNIT) --jobs 2 $(CRITERION_FLAGS)
	@$(MAKE) --no-print-directory $(TEST_TARGETS) check-done

check-done:
	@true

# The suggestion index (speller.h) is built on the first suggestion and
# cached: build it once here rather than in every test process at once.
warm-cache: all
	@mkdir -p build/cache
	$(Q)printf 'Teh wrod\n' | $(TEST_ENV) $(BIN) --grammar-parser off \
	  --no-config - >/dev/null; [ $$? -le 1 ]

eval:
	@$(DEPS) install runtime build test eval
	@$(MAKE) --no-print-directory all $(EVAL_TARGETS)

bench:
	@$(DEPS) install runtime build test eval
	@$(MAKE) --no-print-directory all $(BENCH_TARGETS)

SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
sanitize:
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(MAKE) --no-print-directory BUILD=build/sanitize OPT="-O1 -g" \
	  EXTRA_CFLAGS="$(SAN_FLAGS)" EXTRA_LDFLAGS="$(SAN_FLAGS)" \
	  check-unit

VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite
valgrind: all
	$(Q)for f in fixtures/mt-article.txt fixtures/reference-article.txt; do \
	  echo "  VALGRIND $$f"; \
	  $(TEST_ENV) $(VALGRIND) $(BIN) --reference \
	    fixtures/reference-article.txt --format json $$f >/dev/null; \
	  rc=$$?; [ $$rc -le 1 ] || { echo "valgrind: exit $$rc on $$f"; exit 1; }; \
	done

# --- benchmarks and fuzzing ----------------------------------------------

BENCH = $(BUILD)/bench
$(BENCH): tests/bench/bench.c $(LIB)
	$(call quiet,LINK,$@)$(CC) $(CFLAGS_ALL) -Ichecker -o $@ $^ $(LDLIBS_ALL)

# whole-checker throughput on the fixture articles
bench-checker: $(BENCH)
	$(Q)$(TEST_ENV) $(BENCH) -n 50 fixtures/mt-article.txt \
	  fixtures/reference-article.txt
	$(Q)if [ -n "$(BENCH_CALLGRIND)" ]; then $(TEST_ENV) valgrind \
	  --tool=callgrind --callgrind-out-file=/dev/null $(BENCH) -n 5 \
	  fixtures/mt-article.txt 2>&1 | grep -E 'Collected|refs'; fi
BENCH_TARGETS += bench-checker

FUZZ_CC = clang
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -g -O1
FUZZERS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
build/fuzz/%: tests/fuzz/%.c $(wildcard checker/*.c checker/*/*.[ch])
	@$(MAKE) --no-print-directory BUILD=build/fuzz-lib CC=$(FUZZ_CC) \
	  OPT="-O1 -g" EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" \
	  build/fuzz-lib/libmtlint.a
	@mkdir -p $(@D)
	$(call quiet,FUZZ,$@)$(FUZZ_CC) $(CFLAGS_ALL) $(FUZZ_FLAGS) -Ichecker \
	  -o $@ $< build/fuzz-lib/libmtlint.a $(LDLIBS_ALL)
fuzz-build: $(FUZZERS)
FUZZ_TIME ?= 60
fuzz: fuzz-build
	$(Q)for f in $(FUZZERS); do mkdir -p build/corpus/$$(basename $$f); \
	  $(TEST_ENV) $$f -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -dict=tests/fuzz/$$(basename $$f).dict build/corpus/$$(basename $$f) \
	    fixtures || exit 1; done

# --- install ------------------------------------------------------------

# The binary, then the data it reads at run time: every rule file and the
# word lists (not the scripts that build them).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/dictionaries \
		$(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/mtlint
	install -m 644 $(MAN) $(DESTDIR)$(MANDIR)/mtlint.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 644 $(BUILD)/completions/mtlint.bash \
		$(DESTDIR)$(BASHCOMPDIR)/mtlint
	install -m 644 $(BUILD)/completions/_mtlint $(DESTDIR)$(ZSHCOMPDIR)/_mtlint
	install -m 644 $(BUILD)/completions/mtlint.fish \
		$(DESTDIR)$(FISHCOMPDIR)/mtlint.fish
	cp -R rules $(DESTDIR)$(DATADIR)/
	cp -R dictionaries/en $(DESTDIR)$(DATADIR)/dictionaries/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mtlint $(DESTDIR)$(MANDIR)/mtlint.1 \
		$(DESTDIR)$(BASHCOMPDIR)/mtlint $(DESTDIR)$(ZSHCOMPDIR)/_mtlint \
		$(DESTDIR)$(FISHCOMPDIR)/mtlint.fish
	rm -rf $(DESTDIR)$(DATADIR)

# --- housekeeping -------------------------------------------------------

check-headers:
	$(Q)for h in checker/*/*.h; do \
	  echo '#include "'$$h'"' | \
	    $(CC) $(filter-out -MMD -MP,$(CFLAGS_ALL)) -x c -fsyntax-only -I. -Ichecker - \
	    || exit 1; done

# No dead code: every function the library exports has a caller outside
# its file (tests/dead-code.sh says how tests count). The programs built on
# the library are compiled to objects here only to see what they call.
DEAD_CODE_CALLERS = checker/main.c $(wildcard tests/bench/*.c tests/eval/*.c \
	tests/fuzz/*.c dictionaries/tools/*.c) tests/bench_parser.c \
	tests/eval_grammar.c tests/spelling-eval.c tests/spelling-bench.c
DEAD_CODE_OBJS = $(patsubst %.c,$(BUILD)/dead-code/%.o,$(DEAD_CODE_CALLERS))
$(BUILD)/dead-code/%.o: %.c
	@mkdir -p $(@D)
	$(call quiet,CC,$<)$(CC) $(filter-out -MMD -MP,$(CFLAGS_ALL)) -Ichecker \
		-c $< -o $@
check-dead-code: $(LIB) $(TEST_OBJS) $(DEAD_CODE_OBJS)
	@echo "  TEST     no dead code in $(LIB)"
	$(Q)sh tests/dead-code.sh $(LIB) $(DEAD_CODE_OBJS) -- $(TEST_OBJS)

# Formatting: .clang-format. `make format` rewrites the files in place;
# `make check-format` prints what it would change as a diff and fails when
# there is anything (not yet part of `make test`: see .clang-format).
FORMAT_FILES = $(wildcard checker/*.c checker/*/*.[ch] tests/*.[ch] \
	tests/*/*.c dictionaries/tools/*.c)
format:
	clang-format -i $(FORMAT_FILES)

check-format:
	$(Q)mkdir -p $(BUILD); n=0; for f in $(FORMAT_FILES); do \
	  clang-format "$$f" | diff -u "$$f" - | \
	    sed "1,2s|^\([-+][-+][-+] \).*|\1$$f|" >$(BUILD)/format.diff; \
	  if [ -s $(BUILD)/format.diff ]; then cat $(BUILD)/format.diff; \
	    n=$$((n + 1)); fi; \
	done; rm -f $(BUILD)/format.diff; \
	if [ $$n -gt 0 ]; then echo "check-format: $$n files differ from" \
	  ".clang-format (make format rewrites them)"; exit 1; fi

clean:
	rm -rf build

help:
	@echo "all        build $(LIB) and $(BIN) (default)"
	@echo "run        install packages, build, check the fixture pair"
	@echo "test       install packages, build, unit + end-to-end tests,"
	@echo "           headers alone, the fuzzers built with clang,"
	@echo "           the sanitizer run and valgrind on the fixtures"
	@echo "sanitize   ASan+UBSan build and the test suite under it"
	@echo "valgrind   mtlint under valgrind on the fixtures"
	@echo "eval       precision/recall figures, written to $(EVAL_DOC)"
	@echo "bench      speed figures (kept in $(EVAL_DOC) by hand)"
	@echo "fuzz       libFuzzer targets in tests/fuzz (FUZZ_TIME=60 each)"
	@echo "install    PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)"
	@echo "check-format  what clang-format would change (format: change it)"
	@echo "check-headers, check-dead-code, format, clean"

.PHONY: all deps run test check-unit check-done eval bench sanitize valgrind install uninstall \
	check-headers check-dead-code format check-format clean help bench-checker fuzz \
	fuzz-build
