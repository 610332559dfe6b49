/*
 * precision: every rule the checker can report says how its default
 * severity was chosen -- a `precision:` note with its measured share of
 * flags on marked errors (docs/evaluation.md, "Severity from measured
 * precision"), so that the next rule author measures too.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "run/checker.h"

static void check_note(const struct rule_info *r, void *arg)
{
	int *n = arg;

	(*n)++;
	cr_expect(r->precision && r->precision[0] &&
			  strcmp(r->precision, "TBD") != 0,
		  "rule %s has no precision note (see docs/evaluation.md, "
		  "\"Severity from measured precision\")",
		  r->id);
}

Test(precision, every_rule_has_a_note)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	int n = 0;

	o.grammar_parser = 0;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	checker_each_rule(c, check_note, &n);
	cr_expect(n > 40, "only %d rules", n);
	checker_free(c);
}
