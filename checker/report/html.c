/*
 * report_html: `--format html`, the review page (review.h) as one
 * self-contained file -- for CI artifacts and e-mail.  Sections are
 * rendered as the files come (in input order) and the page is written at
 * the end, when the summary's counts are known.
 */
#include "report/report.h"

#include <stdlib.h>

#include "report/review.h"
#include "util/xalloc.h"

struct html_state {
	struct report_options o;
	struct buf sections;
	struct review_counts counts;
};

static void *html_begin(const struct report_options *o)
{
	struct html_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	buf_init(&s->sections);
	return s;
}

static void html_file_with_reference(void *st, const struct document *doc,
				     const struct document *ref,
				     const struct diag_list *diags)
{
	struct html_state *s = st;

	review_section(&s->sections, s->counts.files, doc, ref, diags);
	review_count(&s->counts, diags);
}

static void html_file(void *st, const struct document *doc,
		      const struct diag_list *diags)
{
	html_file_with_reference(st, doc, NULL, diags);
}

static void html_file_error(void *st, const char *path,
			    const struct mt_error *err)
{
	struct html_state *s = st;

	review_section_error(&s->sections, s->counts.files, path, err->msg);
	s->counts.files++;
	s->counts.errors++;
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int html_end(void *st)
{
	struct html_state *s = st;
	struct buf page = BUF_INIT;
	int rc = 0;

	review_page(&page, "mtlint report", &s->counts, s->sections.buf,
		    s->sections.len, 0);
	if (fwrite(page.buf, 1, page.len, s->o.out) != page.len ||
	    fflush(s->o.out) != 0 || ferror(s->o.out))
		rc = -1;
	buf_release(&page);
	buf_release(&s->sections);
	review_counts_release(&s->counts);
	free(s);
	return rc;
}

const struct reporter report_html = {
	.name = "html",
	.description = "a review page for editors: one self-contained HTML "
		       "file (docs/review.md)",
	.begin = html_begin,
	.file = html_file,
	.file_with_reference = html_file_with_reference,
	.file_error = html_file_error,
	.end = html_end,
};
