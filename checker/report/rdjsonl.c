/*
 * report_rdjsonl: reviewdog's Diagnostic Format, one JSON object per line
 * (`reviewdog -f=rdjsonl`), built with jansson:
 *
 *   {"message": ..., "severity": "ERROR"|"WARNING"|"INFO",
 *    "location": {"path": ..., "range": {"start": {"line", "column"},
 *                                        "end": {"line", "column"}}},
 *    "code": {"value": RULE}, "source": {"name": "mtlint"},
 *    "suggestions": [{"range": {...}, "text": ...}, ...]}
 *
 * reviewdog counts columns in UTF-8 bytes, 1-based, end exclusive; the
 * suggestions replace the finding's range, so reviewdog can post them as
 * suggested changes on a pull request.
 */
#include "report/report.h"

#include <stdlib.h>

#include <jansson.h>

#include "util/xalloc.h"

struct rd_state {
	struct report_options o;
	int failed;
};

static json_t *jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");

	return j ? j : json_string("(not UTF-8)");
}

static const char *rd_severity(enum mt_severity s)
{
	return s >= MT_SEV_ERROR ? "ERROR"
	       : s == MT_SEV_WARNING ? "WARNING"
				     : "INFO";
}

static void *rd_begin(const struct report_options *o)
{
	struct rd_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	return s;
}

static json_t *range(const struct document *doc, const struct diag *d)
{
	struct doc_pos a = document_position(doc, d->span.start, 0);
	struct doc_pos b = document_position(doc, d->span.end, 1);

	return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line",
			 (json_int_t)a.line, "column",
			 (json_int_t)a.line_byte + 1, "end", "line",
			 (json_int_t)b.line, "column",
			 (json_int_t)b.line_byte + 1);
}

static void emit(struct rd_state *s, json_t *j)
{
	if (json_dumpf(j, s->o.out, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0)
		s->failed = 1;
	fputc('\n', s->o.out);
	json_decref(j);
}

static void rd_file(void *st, const struct document *doc,
		    const struct diag_list *diags)
{
	struct rd_state *s = st;

	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		json_t *j = json_object(), *sugg = json_array();

		json_object_set_new(j, "message", jstr(d->message));
		json_object_set_new(j, "location",
				    json_pack("{s:o, s:o}", "path",
					      jstr(doc->path), "range",
					      range(doc, d)));
		json_object_set_new(j, "severity",
				    json_string(rd_severity(d->severity)));
		json_object_set_new(j, "source",
				    json_pack("{s:s}", "name", "mtlint"));
		json_object_set_new(j, "code",
				    json_pack("{s:o}", "value", jstr(d->rule)));
		for (uint32_t k = 0; k < d->n_suggestions; k++)
			json_array_append_new(
				sugg, json_pack("{s:o, s:o}", "range",
						range(doc, d), "text",
						jstr(d->suggestions[k])));
		json_object_set_new(j, "suggestions", sugg);
		emit(s, j);
	}
}

static void rd_file_error(void *st, const char *path,
			  const struct mt_error *err)
{
	struct rd_state *s = st;

	emit(s, json_pack("{s:o, s:{s:o}, s:s, s:{s:s}}", "message",
			  jstr(err->msg), "location", "path", jstr(path),
			  "severity", "ERROR", "source", "name", "mtlint"));
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int rd_end(void *st)
{
	struct rd_state *s = st;
	int rc = s->failed || fflush(s->o.out) != 0 || ferror(s->o.out) ? -1
									 : 0;

	free(s);
	return rc;
}

const struct reporter report_rdjsonl = {
	.name = "rdjsonl",
	.description = "reviewdog diagnostics, one JSON per line",
	.begin = rd_begin,
	.file = rd_file,
	.file_error = rd_file_error,
	.end = rd_end,
};
