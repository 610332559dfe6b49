/*
 * markdown: only prose is checked, at its original offsets.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate_test.h"
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
