/*
 * gate_test: helpers shared by the editorial gate's unit tests (header
 * only; tests/helpers.c is the project-wide one).
 *
 * - gate_str(): load a string and check it as text or Markdown with
 *   checker_check() (suppressions and Markdown masking apply; with
 *   `unused`, unused suppressions are reported), asserting the result is
 *   sane.
 * - count_rule(): how many findings of one rule a list holds.
 */
#ifndef MT_GATE_TEST_H
#define MT_GATE_TEST_H

#include <criterion/criterion.h>
#include <string.h>

#include "run/checker.h"
#include "helpers.h"

/* The default checker, reporting unused suppressions. */
static inline struct checker *unused_checker(void)
{
	static struct checker *c;
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };

	o.report_unused = 1;
	if (!c && checker_new(&o, &c, &err) != MT_ERR_OK)
		cr_assert_fail("checker_new failed: %s", err.msg);
	return c;
}

static inline void gate_str(const char *s, int markdown, int unused,
			    struct document **doc, struct diag_list *l)
{
	struct mt_error err = { 0 };

	*doc = load_str(s);
	(*doc)->kind = markdown ? DOCUMENT_MARKDOWN : DOCUMENT_TEXT;
	diag_list_init(l, &(*doc)->arena);
	cr_assert_eq(checker_check(unused ? unused_checker() : test_checker(),
				   *doc, NULL, l, &err),
		     MT_ERR_OK, "%s", err.msg);
	assert_diags_sane(*doc, l);
}

static inline size_t count_rule(const struct diag_list *l, const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += !strcmp(l->v[i].rule, rule);
	return n;
}

#endif /* MT_GATE_TEST_H */
