/*
 * report_github: GitHub Actions workflow commands, one line per finding:
 *
 *   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE
 *
 * which the runner turns into annotations on the pull request.  Levels:
 * error, warning, notice (info).  Columns are 1-based code points;
 * endColumn is the last column of the span (inclusive), as annotations
 * expect.  Escaping follows the runner's rules: in the message, '%', CR and
 * LF become %25, %0D and %0A; in properties also ':' and ',' become %3A and
 * %2C.  Other text passes unchanged, but for what a terminal would act
 * on (escape sequences: see report_visible()), since the log is shown as
 * a terminal would.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

struct gh_state {
	struct report_options o;
	struct buf b;
};

static void escape(struct buf *b, const char *s, int property)
{
	while (s && *s) {
		size_t n = strcspn(s, "%\r\n:,");

		if (n) {
			/* no terminal escapes in the workflow log either */
			report_visible(b, s, n);
			s += n;
			continue;
		}
		switch (*s) {
		case '%': buf_adds(b, "%25"); break;
		case '\r': buf_adds(b, "%0D"); break;
		case '\n': buf_adds(b, "%0A"); break;
		case ':':
			buf_adds(b, property ? "%3A" : ":");
			break;
		case ',':
			buf_adds(b, property ? "%2C" : ",");
			break;
		default: break;
		}
		s++;
	}
}

static void *gh_begin(const struct report_options *o)
{
	struct gh_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	buf_init(&s->b);
	return s;
}

static const char *command(enum mt_severity sev)
{
	return sev >= MT_SEV_ERROR ? "error"
	       : sev == MT_SEV_WARNING ? "warning"
				       : "notice";
}

static void flush(struct gh_state *s)
{
	fwrite(s->b.buf, 1, s->b.len, s->o.out);
	buf_reset(&s->b);
}

static void gh_file(void *st, const struct document *doc,
		    const struct diag_list *diags)
{
	struct gh_state *s = st;

	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		struct doc_pos a = document_position(doc, d->span.start, 0);
		struct doc_pos e = document_position(doc, d->span.end, 1);
		uint32_t end_col = e.column > 1 ? e.column - 1 : e.column;
		struct buf *b = &s->b;

		if (e.line == a.line && end_col < a.column)
			end_col = a.column;
		buf_addf(b, "::%s file=", command(d->severity));
		escape(b, doc->path, 1);
		buf_addf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=",
			 a.line, a.column, e.line, end_col);
		escape(b, d->rule, 1);
		buf_adds(b, "::");
		escape(b, d->message, 0);
		if (d->n_suggestions) {
			struct buf w = BUF_INIT;

			report_suggestion_words(&w, doc, d, d->suggestions[0]);
			buf_adds(b, " (suggestion: ");
			escape(b, w.buf, 0);
			buf_release(&w);
			buf_adds(b, ")");
		}
		buf_adds(b, " [");
		escape(b, d->rule, 0);
		buf_adds(b, "]\n");
		flush(s);
	}
}

static void gh_file_error(void *st, const char *path,
			  const struct mt_error *err)
{
	struct gh_state *s = st;

	buf_adds(&s->b, "::error file=");
	escape(&s->b, path, 1);
	buf_adds(&s->b, ",title=mtlint::");
	escape(&s->b, err->msg, 0);
	buf_addc(&s->b, '\n');
	flush(s);
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int gh_end(void *st)
{
	struct gh_state *s = st;
	int rc = (fflush(s->o.out) != 0 || ferror(s->o.out)) ? -1 : 0;

	buf_release(&s->b);
	free(s);
	return rc;
}

const struct reporter report_github = {
	.name = "github",
	.description = "GitHub Actions annotations (workflow commands)",
	.begin = gh_begin,
	.file = gh_file,
	.file_error = gh_file_error,
	.end = gh_end,
};
