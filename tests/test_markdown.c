/*
 * markdown: only prose is checked, at its original offsets.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gate_test.h"
#include "util/buf.h"
#include "text/markdown.h"

Test(markdown, masks_all_but_prose_keeping_offsets)
{
	const char *src = "---\ntitle: the the\n---\n"
			  "# Head line\n"
			  "\n"
			  "Use `the the` and [a link](http://x.org/the_the) or "
			  "<https://e.org/a> *b* \xc3\xa9t\xc3\xa9.\n"
			  "\n"
			  "```\ncode code\n```\n"
			  "\n"
			  "<div>html html</div>\n"
			  "\n"
			  "> quote\n";
	struct document *doc = load_str(src);
	const char *m = markdown_prose(doc);

	cr_assert_eq(strlen(m), doc->len);
	cr_assert_str_eq(doc->text, src, "the original is untouched");
	for (uint32_t i = 0; i < doc->len; i++)
		if (src[i] == '\n')
			cr_assert_eq(m[i], '\n', "line ends kept at %u", i);
	cr_assert_null(strstr(m, "title"));
	cr_assert_null(strstr(m, "`"));
	cr_assert_null(strstr(m, "the the"), "code span, front matter");
	cr_assert_null(strstr(m, "http"));
	cr_assert_null(strstr(m, "e.org"));
	cr_assert_null(strstr(m, "code"));
	cr_assert_null(strstr(m, "html"));
	cr_assert_null(strstr(m, "#"));
	cr_assert_null(strstr(m, ">"));
	cr_assert_null(strstr(m, "*"));
	cr_assert(strstr(m, "Head"));
	cr_assert(strstr(m, "Use "));
	cr_assert(strstr(m, "a link"));
	cr_assert(strstr(m, "\xc3\xa9t\xc3\xa9."));
	cr_assert(strstr(m, "quote"));
	/* prose sits at its original offsets */
	cr_assert_eq(strstr(m, "Use ") - m, strstr(src, "Use ") - src);
	document_free(doc);
}

/* cmark's work grows with the open containers times a line's length:
 * 100,000 nested quotes over a line of emphasis took minutes.  A line
 * nested past MT_LIMIT_MARKDOWN_PREFIX is hidden, the next one is prose;
 * ordinary nesting is unchanged. */
Test(markdown, nesting_past_the_limit_is_hidden_and_fast)
{
	struct buf b = BUF_INIT;
	struct document *doc;
	const char *m;
	time_t t0 = time(NULL);

	buf_adds(&b, "> > - 1. deep enough\n\n");
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "> - ");
	buf_adds(&b, "too deep\n");
	for (int i = 0; i < 50000; i++)
		buf_addc(&b, '*');
	buf_adds(&b, "after");
	for (int i = 0; i < 50000; i++)
		buf_addc(&b, '*');
	buf_addc(&b, '\n');
	doc = load_str(b.buf);
	m = markdown_prose(doc);
	cr_assert_eq(strlen(m), doc->len);
	cr_expect(strstr(m, "deep enough"));
	cr_expect_null(strstr(m, "too deep"));
	cr_expect(strstr(m, "after"));
	cr_expect_lt(time(NULL) - t0, 5);
	document_free(doc);
	buf_release(&b);
}

/* Raw HTML is reported exactly: inline HTML as its literal, HTML blocks
 * whole; code spans and code blocks that look like HTML are not HTML. */
Test(markdown, html_ranges_exclude_code)
{
	const char *src = "Text <!-- inline --> and `<!-- code span -->`.\n"
			  "\n"
			  "<!-- block\n"
			  "comment -->\n"
			  "\n"
			  "```\n<!-- fenced -->\n```\n"
			  "\n"
			  "    <!-- indented -->\n"
			  "\n"
			  "<b>bold</b> text.\n";
	struct document *doc = load_str(src);
	struct markdown md;
	const char *b;

	markdown_parse(doc, &md);
	cr_assert_eq(md.n_html, 4);
	cr_assert_eq(md.html[0].start, strstr(src, "<!-- inline") - src);
	cr_assert_eq(md.html[0].end, strstr(src, " and") - src);
	b = strstr(src, "<!-- block");
	cr_assert_eq(md.html[1].start, b - src);
	cr_assert_eq(md.html[1].end, strstr(b, "-->\n") + 4 - src);
	cr_assert_eq(md.html[2].start, strstr(src, "<b>") - src);
	cr_assert_eq(md.html[2].end, strstr(src, "bold") - src);
	cr_assert_eq(md.html[3].start, strstr(src, "</b>") - src);
	cr_assert_str_eq(md.prose, markdown_prose(doc));
	document_free(doc);
}

Test(markdown, by_extension)
{
	cr_assert_eq(document_kind_of_path("a/b.md"), DOCUMENT_MARKDOWN);
	cr_assert_eq(document_kind_of_path("B.MARKDOWN"), DOCUMENT_MARKDOWN);
	cr_assert_eq(document_kind_of_path("notes.qmd"), DOCUMENT_MARKDOWN);
	cr_assert_eq(document_kind_of_path("a.txt"), DOCUMENT_TEXT);
	cr_assert_eq(document_kind_of_path("md"), DOCUMENT_TEXT);
	cr_assert_eq(document_kind_of_path("a.md/b"), DOCUMENT_TEXT);
}

Test(markdown, findings_point_at_the_file_and_fixes_across_markup_unsafe)
{
	struct document *doc;
	struct diag_list l;

	const char *s = "Text with `the the` code and the the prose.\n\n"
			"Emphasis *the* the here.\n";

	gate_str(s, 1, 0, &doc, &l);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(l.v[0].span.start, strstr(s, "and the") + 4 - s);
	cr_assert(l.v[0].flags & DIAGF_SAFE_FIX);
	cr_assert_not(l.v[1].flags & DIAGF_SAFE_FIX,
		      "a fix over hidden '*' would delete it");
	diag_list_release(&l);
	document_free(doc);
}

/* GitHub-flavoured Markdown: table cells and struck-through text are
 * prose; pipes, task boxes, ~~ and bare links are not. */
Test(markdown, github_flavoured_tables_tasks_strikethrough_autolinks)
{
	const char *src = "| Name | Role |\n"
			  "|------|------|\n"
			  "| Ingrid | minister |\n"
			  "\n"
			  "- [ ] check the list\n"
			  "- [x] done with ~~old~~ text\n"
			  "\n"
			  "See www.example.org or https://example.org/a now.\n";
	struct document *doc = load_str(src);
	const char *m = markdown_prose(doc);

	cr_assert_eq(strlen(m), doc->len);
	cr_expect(strstr(m, "Name") && strstr(m, "Role"), "%s", m);
	cr_expect(strstr(m, "Ingrid") && strstr(m, "minister"), "%s", m);
	cr_expect_null(strstr(m, "|"), "%s", m);
	cr_expect_null(strstr(m, "---"), "%s", m);
	cr_expect_null(strstr(m, "["), "task boxes: %s", m);
	cr_expect(strstr(m, "check the list"), "%s", m);
	cr_expect(strstr(m, "old"), "struck-through text is prose: %s", m);
	cr_expect_null(strstr(m, "~"), "%s", m);
	cr_expect_null(strstr(m, "example.org"), "autolinks: %s", m);
	cr_expect(strstr(m, "See ") && strstr(m, " now."), "%s", m);
	cr_expect_eq(strstr(m, "Ingrid") - m, strstr(src, "Ingrid") - src);
	document_free(doc);
}

/* A code span becomes a placeholder word at the end of its bytes, so the
 * sentence still parses; after "an" one that starts with a vowel. */
Test(markdown, code_span_placeholder)
{
	const char *src = "Run `make test` now, then an `apt` call and `x`.\n";
	struct document *doc = load_str(src);
	struct markdown md;
	const char *p1 = strstr(src, "now") - 1 - strlen(MARKDOWN_PLACEHOLDER);

	markdown_parse(doc, &md);
	cr_assert_eq(md.n_placeholders, 3);
	cr_expect(!memcmp(md.prose + (p1 - src), MARKDOWN_PLACEHOLDER " now",
			  7),
		  "%s", md.prose);
	cr_expect(strstr(md.prose, "an   " MARKDOWN_PLACEHOLDER_AN " call"),
		  "%s", md.prose);
	cr_expect(strstr(md.prose, "and " MARKDOWN_PLACEHOLDER "."), "%s",
		  md.prose);
	cr_expect_null(strstr(md.prose, "`"), "%s", md.prose);
	cr_expect_null(strstr(md.prose, "make"), "%s", md.prose);
	document_free(doc);
}

/* Findings on or next to a placeholder are about it, not the article: an
 * `apt` call is not "a/an" misuse; the sentence around a code span parses. */
Test(markdown, no_finding_from_a_placeholder)
{
	struct document *doc;
	struct diag_list l;

	gate_str("Residents left. Run `make test` to see the results, or read "
		 "the report.\nIt was an `apt` call and a `sort` call.\n",
		 1, 0, &doc, &l);
	cr_expect_eq(l.n, 0, "first: %s", l.n ? l.v[0].rule : "");
	diag_list_release(&l);
	document_free(doc);
}
