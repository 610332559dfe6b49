/*
 * report_junit: JUnit XML, the test-report format every CI system shows:
 * each checked file is a test suite; each error or warning is a failed
 * test case named "RULE at LINE:COL"; an info finding (a note, never a
 * failure of the article) is a passed case of that name whose
 * <system-out> holds the note; a file without findings has one passing
 * case; a file that could not be read has one case with an <error>.
 *
 *   <testsuites name="mtlint" tests=".." failures=".." errors="..">
 *     <testsuite name="a.txt" tests="1" failures="1" errors="0">
 *       <testcase classname="a.txt" name="grammar.repeated-word at 3:8">
 *         <failure type="grammar.repeated-word" message="...">a.txt:3:8:
 *           error: ... [grammar.repeated-word]</failure>
 *       </testcase>
 *     </testsuite>
 *   </testsuites>
 *
 * The totals come first, so the report is built in memory and written at
 * the end.  Escaping by xml.h.
 */
#include "report/report.h"

#include <stdlib.h>

#include "util/buf.h"
#include "util/xalloc.h"
#include "util/xml.h"

struct junit_state {
	struct report_options o;
	struct buf body;
	unsigned long tests, failures, errors;
};

static void *junit_begin(const struct report_options *o)
{
	struct junit_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	buf_init(&s->body);
	return s;
}

static void junit_file(void *st, const struct document *doc,
		       const struct diag_list *diags)
{
	struct junit_state *s = st;
	struct buf *b = &s->body;
	size_t n = diags->n ? diags->n : 1, failures = 0;

	for (size_t i = 0; i < diags->n; i++)
		failures += diags->v[i].severity != MT_SEV_INFO;
	buf_adds(b, "  <testsuite");
	xml_attr(b, "name", doc->path);
	xml_attr_u(b, "tests", n);
	xml_attr_u(b, "failures", failures);
	xml_attr_u(b, "errors", 0);
	buf_adds(b, ">\n");
	if (!diags->n) {
		buf_adds(b, "    <testcase");
		xml_attr(b, "classname", doc->path);
		xml_attr(b, "name", "no findings");
		buf_adds(b, "/>\n");
	}
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		struct doc_pos a = document_position(doc, d->span.start, 0);
		struct buf t = BUF_INIT;
		int info = d->severity == MT_SEV_INFO;

		buf_adds(b, "    <testcase");
		xml_attr(b, "classname", doc->path);
		buf_addf(&t, "%s at %u:%u", d->rule, a.line, a.column);
		xml_attr(b, "name", t.buf);
		if (info) {
			buf_adds(b, ">\n      <system-out>");
		} else {
			buf_adds(b, ">\n      <failure");
			xml_attr(b, "type", d->rule);
			xml_attr(b, "message", d->message);
			buf_adds(b, ">");
		}
		buf_reset(&t);
		buf_addf(&t, "%s:%u:%u: %s: %s [%s]", doc->path, a.line,
			 a.column, mt_severity_name(d->severity), d->message,
			 d->rule);
		if (d->n_suggestions) {
			buf_adds(&t, "\nsuggestion: ");
			report_suggestion_words(&t, doc, d, d->suggestions[0]);
		}
		xml_escape(b, t.buf);
		buf_adds(b, info ? "</system-out>\n    </testcase>\n"
				 : "</failure>\n    </testcase>\n");
		buf_release(&t);
	}
	buf_adds(b, "  </testsuite>\n");
	s->tests += n;
	s->failures += failures;
}

static void junit_file_error(void *st, const char *path,
			     const struct mt_error *err)
{
	struct junit_state *s = st;
	struct buf *b = &s->body;

	buf_adds(b, "  <testsuite");
	xml_attr(b, "name", path);
	buf_adds(b, " tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase");
	xml_attr(b, "classname", path);
	buf_adds(b, " name=\"read\">\n      <error type=\"input\"");
	xml_attr(b, "message", err->msg);
	buf_adds(b, "/>\n    </testcase>\n  </testsuite>\n");
	s->tests++;
	s->errors++;
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int junit_end(void *st)
{
	struct junit_state *s = st;
	FILE *f = s->o.out;
	int rc;

	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"mtlint\" tests=\"%lu\" failures=\"%lu\" "
		"errors=\"%lu\">\n",
		s->tests, s->failures, s->errors);
	fwrite(s->body.buf, 1, s->body.len, f);
	fputs("</testsuites>\n", f);
	rc = fflush(f) != 0 || ferror(f) ? -1 : 0;
	buf_release(&s->body);
	free(s);
	return rc;
}

const struct reporter report_junit = {
	.name = "junit",
	.description = "JUnit XML test report",
	.begin = junit_begin,
	.file = junit_file,
	.file_error = junit_file_error,
	.end = junit_end,
};
