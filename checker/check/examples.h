/*
 * examples: a rule's examples are its tests. A bad example is text the
 * rule must flag, written with the reported span in [brackets] and,
 * optionally, the expected first suggestion after " -> ":
 *
 *	"It was [the the] end. -> the"
 *
 * A good example is text the rule must leave alone. Passing means: a bad
 * example gives exactly one finding of the rule, at the marked span, with
 * the listed suggestion first (or none when none is listed), and the text
 * with that suggestion applied gives no finding of the rule; a good
 * example gives none.
 *
 * And, when the runner can check with every rule (struct example_fixes):
 * a fix brings nothing new.  Each suggestion of a bad example's finding
 * -- every one, not only the first: an editor offers each as a quick fix;
 * only the first of a list of guesses (rule_info.guesses: the speller's
 * candidates) -- is applied to the example (run/fix.h's applier) and the
 * new text checked with every rule; a finding there that the example did
 * not have fails the example, printed with its rule, the fixed text and
 * the new finding.  "Had" means the same rule at the same place, moved by
 * the edit; a finding that overlaps the edit is always new ("He avoided
 * [to answer]" -> "avoided answering" gives "avoided avoided").  The edit
 * is the span less what the suggestion keeps at its ends: "[harbour
 * The]" -> "harbour. The" inserts a full stop, and a finding on
 * "harbour" before and after is the same one.
 *
 * One runner for every rule: the YAML rules (their examples are read by
 * ruleset.c, run by engine_test_examples()) and the built-in passes'
 * rules (examples in their struct rule_info rows, run by run/selftest.c),
 * so that `mtlint rules --test` covers every rule id.
 *
 * Ownership: example_parse_bad() puts its strings in the arena given;
 * the runner's findings live in the documents its check function makes,
 * freed before it returns.
 */
#ifndef MT_EXAMPLES_H
#define MT_EXAMPLES_H

#include <stddef.h>
#include <stdio.h>

#include "check/diag.h"
#include "text/document.h"
#include "util/arena.h"
#include "util/common.h"

struct example {
	const char *text;	/* without the [ ] marks */
	struct span span;	/* bad: the marked span */
	const char *suggestion; /* bad: expected first suggestion, or NULL */
};

/*
 * Parse a bad example written as above into ex (strings in a). NULL on
 * success, else what is wrong with it (a static string).
 */
const char *example_parse_bad(const char *s, struct arena *a,
			      struct example *ex);

/*
 * How a runner checks a text: load and check it, put the findings of the
 * rule under test (and only those) into *l, in the arena of the new
 * document *doc, which the runner frees. On failure *doc is NULL.
 */
typedef enum mt_err (*example_check_fn)(void *arg, const char *text,
					struct document **doc,
					struct diag_list *l,
					struct mt_error *err);

/*
 * The test that a fix brings nothing new, from a layer that has the whole
 * checker and the fix applier (run/selftest.c): check_all is as
 * example_check_fn but keeps every rule's findings; fix applies
 * suggestion k of d, a finding on doc, and checks the new text as
 * check_all does (*fixed and *l as there).
 */
struct example_fixes {
	example_check_fn check_all;
	enum mt_err (*fix)(void *arg, const struct document *doc,
			   const struct diag *d, size_t k,
			   struct document **fixed, struct diag_list *l,
			   struct mt_error *err);
	void *arg;
};

struct example_run {
	example_check_fn check;
	void *arg;
	const struct example_fixes *fixes; /* NULL: that test is skipped */
	int first_fix_only; /* the suggestions are guesses: test the first */
	const char *rule;   /* its id, for messages */
	const char *where;  /* "FILE:LINE" of the example, for messages */
	FILE *out;	    /* where failures are printed */
};

/* Run one example: 0 when it passes, else 1 with the failure printed as
 * "WHERE: RULE: what went wrong" and the findings there were. */
size_t example_test_bad(const struct example_run *r, const struct example *ex);
size_t example_test_good(const struct example_run *r, const char *text);

#endif /* MT_EXAMPLES_H */
