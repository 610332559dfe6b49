/*
 * suppress: inline mtlint-disable comments, in text and Markdown.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate_test.h"

Test(suppress, ranges_next_line_and_line)
{
	struct document *doc;
	struct diag_list l;

	gate_str("One the the.\n"
		 "<!-- mtlint-disable grammar.repeated-word -->\n"
		 "Two a a.\n"
		 "<!-- mtlint-enable grammar.repeated-word -->\n"
		 "Three an an.\n"
		 "<!-- mtlint-disable-next-line grammar -->\n"
		 "Four to to.\n"
		 "Five in in. <!-- mtlint-disable-line fluency/grammar -->\n"
		 "Six of of.\n",
		 0, 0, &doc, &l);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(document_position(doc, l.v[0].span.start, 0).line, 1);
	cr_assert_eq(document_position(doc, l.v[1].span.start, 0).line, 5);
	cr_assert_eq(document_position(doc, l.v[2].span.start, 0).line, 9);
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, disable_all_until_end_and_other_rules_untouched)
{
	struct document *doc;
	struct diag_list l;

	gate_str("One the the.\n<!-- mtlint-disable -->\nTwo a a.\nThree an an.\n",
		 0, 0, &doc, &l);
	cr_assert_eq(l.n, 1);
	diag_list_release(&l);
	document_free(doc);
	gate_str("<!-- mtlint-disable spelling -->\nTwo a a.\n", 0, 0, &doc,
		 &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 1,
		     "a directive for another rule suppresses nothing here");
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, unused_disables_reported_on_request)
{
	struct document *doc;
	struct diag_list l;
	const char *s = "<!-- mtlint-disable grammar.repeated-word, spelling -->\n"
			"Two a a.\n"
			"<!-- mtlint-disable-next-line -->\n"
			"Clean.\n"
			"<!-- an ordinary comment -->\n";

	gate_str(s, 0, 1, &doc, &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 0);
	cr_assert_eq(count_rule(&l, "mtlint.unused-disable"), 2);
	cr_assert(strstr(l.v[0].message, "'spelling'"), "%s", l.v[0].message);
	cr_assert_eq(document_position(doc, l.v[1].span.start, 0).line, 3);
	diag_list_release(&l);
	document_free(doc);
	gate_str(s, 0, 0, &doc, &l);
	cr_assert_eq(l.n, 0);
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, in_markdown)
{
	struct document *doc;
	struct diag_list l;

	gate_str("# Title\n\n"
		 "<!-- mtlint-disable-next-line grammar.repeated-word -->\n"
		 "Two a a.\n\n"
		 "Three an an.\n",
		 1, 1, &doc, &l);
	cr_assert_eq(l.n, 1);
	cr_assert_eq(document_position(doc, l.v[0].span.start, 0).line, 6);
	diag_list_release(&l);
	document_free(doc);
}

/*
 * In Markdown, `<!-- mtlint-disable -->` shown in a code block or a code
 * span is an example the article prints, not a comment: it suppresses
 * nothing and is never reported as unused.
 */
Test(suppress, markdown_code_is_not_a_directive)
{
	struct document *doc;
	struct diag_list l;

	gate_str("How to silence mtlint:\n\n"
		 "```html\n<!-- mtlint-disable -->\n```\n\n"
		 "    <!-- mtlint-disable grammar -->\n\n"
		 "Two a a.\n",
		 1, 1, &doc, &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 1);
	cr_assert_eq(count_rule(&l, "mtlint.unused-disable"), 0);
	diag_list_release(&l);
	document_free(doc);

	gate_str("Write `<!-- mtlint-disable-line -->` to hide a line: a a.\n",
		 1, 1, &doc, &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 1);
	cr_assert_eq(count_rule(&l, "mtlint.unused-disable"), 0);
	diag_list_release(&l);
	document_free(doc);

	/* a "<!--" in a code span does not swallow the real comment after it */
	gate_str("The `<!--` opens a comment: a a. "
		 "<!-- mtlint-disable-line grammar -->\n",
		 1, 1, &doc, &l);
	cr_assert_eq(l.n, 0, "%zu findings", l.n);
	diag_list_release(&l);
	document_free(doc);
}

/* Real HTML comments in Markdown: inline, HTML blocks, inside a quote. */
Test(suppress, markdown_html_comments_are_directives)
{
	struct document *doc;
	struct diag_list l;

	gate_str("One a a. <!-- mtlint-disable-line grammar -->\n\n"
		 "<!--\n  mtlint-disable-next-line grammar\n-->\n"
		 "Two an an.\n\n"
		 "> <!-- mtlint-disable-next-line grammar -->\n"
		 "> Three to to.\n\n"
		 "Four of of.\n",
		 1, 1, &doc, &l);
	cr_assert_eq(l.n, 1, "%zu findings", l.n);
	cr_assert_eq(document_position(doc, l.v[0].span.start, 0).line, 11);
	diag_list_release(&l);
	document_free(doc);
}

/* Plain text has no code: the same lines are directives there. */
Test(suppress, plain_text_every_comment_counts)
{
	struct document *doc;
	struct diag_list l;

	gate_str("```\n<!-- mtlint-disable -->\n```\nTwo a a.\n", 0, 1, &doc,
		 &l);
	cr_assert_eq(l.n, 0, "%zu findings", l.n);
	diag_list_release(&l);
	document_free(doc);
	gate_str("Write `<!-- mtlint-disable-line -->` here: a a.\n", 0, 1, &doc,
		 &l);
	cr_assert_eq(l.n, 0, "%zu findings", l.n);
	diag_list_release(&l);
	document_free(doc);
}
