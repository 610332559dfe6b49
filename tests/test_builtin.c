/*
 * builtin: repeated words.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

Test(builtin, repeated_word_flagged_with_fix)
{
	struct document *doc;
	struct diag_list l;
	int i;

	check_str("It was the the end.", &doc, &l);
	i = find_diag(&l, "grammar.repeated-word");
	cr_assert(i >= 0);
	cr_assert_eq(l.v[i].span.start, 7);
	cr_assert_eq(l.v[i].span.end, 14);
	cr_assert_eq(l.v[i].n_suggestions, 1);
	cr_assert_str_eq(l.v[i].suggestions[0], "the");
	diag_list_release(&l);
	document_free(doc);
}

Test(builtin, legitimate_doublings_not_flagged)
{
	static const char *const good[] = {
		"He had had enough.",
		"She said that that was fine.",
		"It was the end. The end came fast.",
		"We went to Walla Walla last year.",
		"He said the\nthe line broke there.",
	};

	for (size_t k = 0; k < sizeof(good) / sizeof(*good); k++) {
		struct document *doc;
		struct diag_list l;

		check_str(good[k], &doc, &l);
		cr_expect_eq(find_diag(&l, "grammar.repeated-word"), -1,
			     "flagged: %s", good[k]);
		diag_list_release(&l);
		document_free(doc);
	}
}
