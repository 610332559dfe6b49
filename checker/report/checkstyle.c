/*
 * report_checkstyle: Checkstyle XML, which Jenkins (Warnings NG), GitLab
 * code-quality converters and many CI dashboards read:
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <checkstyle version="4.3">
 *     <file name="a.txt">
 *       <error line="3" column="8" severity="error" message="..."
 *              source="mtlint.grammar.repeated-word"/>
 *     </file>
 *   </checkstyle>
 *
 * Columns are 1-based code points; severity is error, warning or info.  A
 * file that could not be read gets one error with source "mtlint.input".
 * Escaping by xml.h.
 */
#include "report/report.h"

#include <stdlib.h>

#include "util/buf.h"
#include "util/xalloc.h"
#include "util/xml.h"

struct cs_state {
	struct report_options o;
	struct buf b;
};

static void *cs_begin(const struct report_options *o)
{
	struct cs_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	buf_init(&s->b);
	buf_adds(&s->b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<checkstyle version=\"4.3\">\n");
	return s;
}

static void flush(struct cs_state *s)
{
	fwrite(s->b.buf, 1, s->b.len, s->o.out);
	buf_reset(&s->b);
}

static void cs_file(void *st, const struct document *doc,
		    const struct diag_list *diags)
{
	struct cs_state *s = st;
	struct buf *b = &s->b;

	buf_adds(b, "  <file");
	xml_attr(b, "name", doc->path);
	buf_adds(b, ">\n");
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		struct doc_pos a = document_position(doc, d->span.start, 0);
		struct buf msg = BUF_INIT, src = BUF_INIT;

		buf_adds(&msg, d->message);
		if (d->n_suggestions) {
			buf_adds(&msg, " (suggestion: ");
			report_suggestion_words(&msg, doc, d,
						d->suggestions[0]);
			buf_adds(&msg, ")");
		}
		buf_addf(&src, "mtlint.%s", d->rule);
		buf_adds(b, "    <error");
		xml_attr_u(b, "line", a.line);
		xml_attr_u(b, "column", a.column);
		xml_attr(b, "severity", mt_severity_name(d->severity));
		xml_attr(b, "message", msg.buf);
		xml_attr(b, "source", src.buf);
		buf_adds(b, "/>\n");
		buf_release(&msg);
		buf_release(&src);
	}
	buf_adds(b, "  </file>\n");
	flush(s);
}

static void cs_file_error(void *st, const char *path,
			  const struct mt_error *err)
{
	struct cs_state *s = st;
	struct buf *b = &s->b;

	buf_adds(b, "  <file");
	xml_attr(b, "name", path);
	buf_adds(b, ">\n    <error line=\"1\" column=\"1\" severity=\"error\"");
	xml_attr(b, "message", err->msg);
	buf_adds(b, " source=\"mtlint.input\"/>\n  </file>\n");
	flush(s);
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int cs_end(void *st)
{
	struct cs_state *s = st;
	int rc;

	buf_adds(&s->b, "</checkstyle>\n");
	flush(s);
	rc = fflush(s->o.out) != 0 || ferror(s->o.out) ? -1 : 0;
	buf_release(&s->b);
	free(s);
	return rc;
}

const struct reporter report_checkstyle = {
	.name = "checkstyle",
	.description = "Checkstyle XML",
	.begin = cs_begin,
	.file = cs_file,
	.file_error = cs_file_error,
	.end = cs_end,
};
