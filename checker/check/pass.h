/*
 * pass: the interface between the checker and one family of checks (the
 * rule engine, spelling, the reference comparison, the grammar parser...).
 *
 * Adding a new pass (checker/README.md tells the whole path of a document):
 *   1. write checker/<family>/<name>.c/.h with a
 *      `const struct check_pass <name>_pass`;
 *   2. add its row to `passes[]` in run/checker.c (order: a pass may look
 *      at the diagnostics of the passes before it, e.g. to avoid reporting
 *      twice);
 *   3. add any options it needs to struct checker_options (run/checker.h),
 *      to the session's key of them (options_key() in run/session.c) and
 *      to the command line's option table (cli/options.c, which makes
 *      --help and the man page), and document them in docs/;
 *   4. list every rule id it can report from `rules`, so `mtlint rules`,
 *      --enable/--disable and SARIF know it, each with examples it must
 *      flag and must not flag (`bad`, `good`), which `mtlint rules --test`
 *      runs;
 *   5. give it unit tests (tests/test_<name>.c) and end-to-end expectations.
 *
 * A pass's state is opened once per checker (load dictionaries and rules
 * there, never per document) and run once per document.  `run` must not
 * keep pointers into the document after it returns.
 */
#ifndef MT_PASS_H
#define MT_PASS_H

#include <stddef.h>

#include "util/common.h"
#include "check/diag.h"
#include "check/examples.h"
#include "text/document.h"

struct checker;
struct checker_options;

/* What a pass can report: one row per rule id. */
struct rule_info {
	const char *id;		 /* "spelling.unknown-word" */
	const char *category;	 /* "fluency/spelling" */
	enum mt_severity severity; /* default severity */
	const char *description; /* one line, for `mtlint rules` */
	const char *url;	 /* more help; may be NULL */
	/* How the default severity was chosen: the rule's measured share of
	 * flags on a marked error (see docs/evaluation.md, "Severity from
	 * measured precision"), e.g. "news 93% of 60, ted 100% of 5".  Every
	 * rule of the project has one (tests/test_precision.c). */
	const char *precision;
	/*
	 * The rule's examples, for `mtlint rules --test` (run/selftest.h):
	 * NULL-terminated lists written as check/examples.h says, checked
	 * against `reference` (the reference article; NULL: none) with
	 * `reject` as a --reject list (its contents; NULL: none). Every
	 * built-in rule has at least one of each, but for the notes that a
	 * bound was reached (category "other/limits"), which no built-in
	 * rule reaches on an example; the YAML rules carry theirs in the
	 * rule files and leave these NULL.
	 */
	const char *const *bad;
	const char *const *good;
	const char *reference;
	const char *reject;
	/* its suggestions are guesses to choose from (a speller's
	 * candidates), not each a fix: of a bad example's, `rules --test`
	 * applies only the first to see that it brings no new finding
	 * (check/examples.h) */
	int guesses;
};

/* A NULL-terminated list of examples, for rule_info rows. */
#define RULE_EXAMPLES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/*
 * A rule's examples, parsed as check/examples.h says, for its
 * documentation and hover (checker_rule_examples()): arrays in the arena
 * given there.
 */
struct rule_examples {
	const struct example *bad;
	const char *const *good;
	size_t n_bad, n_good;
};

struct check_ctx {
	struct checker *checker;
	struct document *doc;	    /* segmented */
	const struct document *ref; /* the reference article, or NULL */
	struct diag_list *diags;    /* append here (strings in doc arena) */
	/* answer fast (checker_check_quick()): skip slow work that was not
	 * done for an earlier check -- the parser parses no new sentence */
	int quick;
};

struct check_pass {
	const char *name;
	/* Load what the pass needs; *state is handed back to the others.
	 * A pass with nothing to load may leave open NULL. */
	enum mt_err (*open)(struct checker *c,
			    const struct checker_options *opts, void **state,
			    struct mt_error *err);
	enum mt_err (*run)(void *state, struct check_ctx *ctx,
			   struct mt_error *err);
	void (*close)(void *state);
	/* The rules this pass can report; *out stays valid while the
	 * checker lives. */
	size_t (*rules)(void *state, const struct rule_info **out);
	/* The examples of one of its rules whose rule_info row carries
	 * none (rule files), arrays in `a`; leaves *out empty when it has
	 * none.  May be NULL. */
	void (*examples)(void *state, const char *id, struct arena *a,
			 struct rule_examples *out);
};

/*
 * Is the rule enabled under the checker's --enable/--disable settings?
 * Passes use it to skip work; the checker also filters afterwards.
 */
int checker_rule_enabled(const struct checker *c, const char *id,
			 const char *category);

#endif /* MT_PASS_H */
