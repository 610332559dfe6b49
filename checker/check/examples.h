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

struct example_run {
	example_check_fn check;
	void *arg;
	const char *rule;  /* its id, for messages */
	const char *where; /* "FILE:LINE" of the example, for messages */
	FILE *out;	   /* where failures are printed */
};

/* Run one example: 0 when it passes, else 1 with the failure printed as
 * "WHERE: RULE: what went wrong" and the findings there were. */
size_t example_test_bad(const struct example_run *r, const struct example *ex);
size_t example_test_good(const struct example_run *r, const char *text);

#endif /* MT_EXAMPLES_H */
