/*
 * Tests for the review page's markup (report/review.h) and `--format
 * html`: findings as marks cut at every bound, overlapping and empty ones,
 * the words that differ between aligned sentences, escaping, and a page
 * that asks for nothing from the network.  The browser test is
 * check-review (tests/review.mk).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "report/review.h"
#include "run/checker.h"

static void has(const char *hay, const char *needle)
{
	cr_assert(strstr(hay, needle), "missing %s\nin %s", needle, hay);
}

Test(review, overlapping_and_empty_findings_are_cut_into_marks)
{
	struct document *d = segment_str("The cat sat on the mat.");
	struct diag_list l;
	struct buf b = BUF_INIT;

	diag_list_init(&l, &d->arena);
	diag_add(&l, "t.one", "fluency/grammar", MT_SEV_WARNING,
		 (struct span){4, 11}, "one"); /* "cat sat" */
	diag_add(&l, "t.two", "fluency/spelling", MT_SEV_ERROR,
		 (struct span){8, 14}, "two <b>"); /* "sat on" */
	diag_add(&l, "t.three", "fluency/grammar", MT_SEV_INFO,
		 (struct span){22, 22}, "three"); /* before '.' */
	review_section(&b, 0, d, NULL, &l);
	has(b.buf, "<mark class=\"f sev-warning cat-fluency-grammar\" "
		   "data-f=\"0\">cat </mark>");
	has(b.buf, "<mark class=\"f sev-error cat-fluency-spelling\" "
		   "data-f=\"0 1\">sat</mark>");
	has(b.buf, "<mark class=\"f sev-error cat-fluency-spelling\" "
		   "data-f=\"1\"> on</mark>");
	has(b.buf, "mat<mark class=\"f sev-info cat-fluency-grammar z\" "
		   "data-f=\"2\"></mark>.");
	has(b.buf, "<span class=\"s\" id=\"a0-0\" data-s=\"0\">The ");
	has(b.buf, "<p class=\"msg\">two &lt;b&gt;</p>");
	has(b.buf, "data-o16=\"8\" data-l16=\"6\"");
	cr_assert_null(strstr(b.buf, "class=\"ref\""), "no reference pane");
	buf_release(&b);
	diag_list_release(&l);
	document_free(d);
}

Test(review, utf16_offsets_count_what_javascript_counts)
{
	/* "é" is one unit, "😀" two: "x" starts at unit 8 */
	struct document *d = segment_str("\xc3\xa9 \xf0\x9f\x98\x80 ab x.");
	struct diag_list l;
	struct buf b = BUF_INIT;
	const char *x = strchr(d->text, 'x');

	diag_list_init(&l, &d->arena);
	diag_add(&l, "t.x", "fluency/grammar", MT_SEV_ERROR,
		 (struct span){(uint32_t)(x - d->text),
			       (uint32_t)(x - d->text + 1)},
		 "x");
	review_section(&b, 3, d, NULL, &l);
	has(b.buf, "data-o16=\"8\" data-l16=\"1\"");
	has(b.buf, "id=\"f3-0\"");
	buf_release(&b);
	diag_list_release(&l);
	document_free(d);
}

Test(review, aligned_sentences_are_linked_and_their_differences_marked)
{
	struct document *d = segment_str("Putin met Trump in Moscow on Monday. "
					 "Nothing else happened today.");
	struct document *r = segment_str("Putin met Obama in Moscow on Monday. "
					 "A dog barked loudly outside.");
	struct diag_list l;
	struct buf b = BUF_INIT;

	diag_list_init(&l, &d->arena);
	review_section(&b, 0, d, r, &l);
	has(b.buf, "data-s=\"0\" data-ref=\"0\">Putin met <span "
		   "class=\"d\">Trump</span> in Moscow");
	has(b.buf, "data-s=\"0\" data-art=\"0");
	has(b.buf, ">Putin met <span class=\"d\">Obama</span> in Moscow");
	has(b.buf, "<div class=\"panes two\">");
	has(b.buf, "chrF <strong>");
	/* sentences that say little alike are not compared word by word */
	has(b.buf, ">Nothing else happened today.</span>");
	has(b.buf, ">A dog barked loudly outside.</span>");
	buf_release(&b);
	diag_list_release(&l);
	document_free(d);
	document_free(r);
}

Test(review, html_report_is_one_page_that_loads_nothing)
{
	struct run_result r;

	run_mtlint("--no-config --format html --reference "
		   "fixtures/reference-article.txt fixtures/mt-article.txt "
		   "missing-file.txt",
		   NULL, 0, &r);
	cr_assert_eq(r.status, 2, "a missing file: exit 2 (%s)", r.err);
	cr_assert(!strncmp(r.out, "<!DOCTYPE html>", 15));
	has(r.out, "content=\"default-src 'none'; style-src 'unsafe-inline'; "
		   "script-src 'unsafe-inline'; img-src data:\"");
	has(r.out, "<section class=\"file\" id=\"file0\" "
		   "data-path=\"fixtures/mt-article.txt\">");
	has(r.out, "<section class=\"file error\" id=\"file1\"");
	has(r.out, "2 files, <strong>");
	has(r.out, "<caption>Findings by category</caption>");
	cr_assert_null(strstr(r.out, "src=\"http"));
	cr_assert_null(strstr(r.out, "<link"));
	cr_assert_null(strstr(r.out, "form class=\"live\""));
	has(r.out, "</html>\n");
	run_result_release(&r);
}
