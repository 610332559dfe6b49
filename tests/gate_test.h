/*
 * gate_test: helpers shared by the editorial gate's unit tests (header
 * only; tests/helpers.c is the project-wide one).
 *
 * - gate_str(): load a string and check it through gate_check() (so
 *   suppressions and, with `markdown`, Markdown masking apply), asserting
 *   the result is sane.
 * - count_rule(): how many findings of one rule a list holds.
 */
#ifndef MT_GATE_TEST_H
#define MT_GATE_TEST_H

#include <criterion/criterion.h>
#include <string.h>

#include "run/gate.h"
#include "helpers.h"

static inline void gate_str(const char *s, int markdown, int unused,
		     struct document **doc, struct diag_list *l)
{
	struct gate_options go = { markdown ? CONFIG_INPUT_MARKDOWN
					    : CONFIG_INPUT_TEXT,
				   unused };
	struct mt_error err = { 0 };

	*doc = load_str(s);
	diag_list_init(l, &(*doc)->arena);
	cr_assert_eq(gate_check(test_checker(), *doc, NULL, &go, l, &err),
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
