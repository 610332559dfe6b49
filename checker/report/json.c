/*
 * report_json: the stable machine format, built with jansson (never by
 * hand-escaping).  Schema (version 1; documented in docs/usage.md):
 *
 *   {"version":1,"tool":{"name":"mtlint","version":"..."},
 *    "files":[{"path":..., "encoding":..., "diagnostics":[
 *      {"rule","category","severity","message","offset","length",
 *       "line","column","end_line","end_column","text",
 *       "suggestions":[...], "evidence":{...}?}]}
 *     | {"path":..., "error":"..."}]}
 *
 * offset/length: bytes of the original file; line/column 1-based, columns
 * in code points, end_column exclusive.
 */
#include "report/report.h"

#include <stdlib.h>

#include <jansson.h>

#include "util/xalloc.h"

struct json_state {
	struct report_options o;
	json_t *root, *files;
};

static void *json_begin(const struct report_options *o)
{
	struct json_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	s->root = json_object();
	s->files = json_array();
	json_object_set_new(s->root, "version", json_integer(1));
	json_object_set_new(s->root, "tool",
			    json_pack("{s:s, s:s}", "name", "mtlint",
				      "version", MT_VERSION));
	json_object_set(s->root, "files", s->files);
	return s;
}

/* jansson refuses invalid UTF-8; our strings are valid, but never lose a
 * diagnostic over it. */
static json_t *jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");

	return j ? j : json_string("");
}

static json_t *evidence_json(const struct evidence *e)
{
	json_t *j = json_object();

	json_object_set_new(j, "path", jstr(e->path));
	if (e->line) {
		json_object_set_new(j, "line", json_integer(e->line));
		json_object_set_new(j, "column", json_integer(e->column));
		json_object_set_new(j, "end_line", json_integer(e->end_line));
		json_object_set_new(j, "end_column",
				    json_integer(e->end_column));
		json_object_set_new(j, "offset", json_integer(e->offset));
		json_object_set_new(j, "length", json_integer(e->length));
	}
	if (e->text)
		json_object_set_new(j, "text", jstr(e->text));
	if (e->context)
		json_object_set_new(j, "context", jstr(e->context));
	if (e->score >= 0)
		json_object_set_new(j, "score", json_real(e->score));
	return j;
}

json_t *report_json_diag(const struct document *doc, const struct diag *d)
{
	struct doc_pos a = document_position(doc, d->span.start, 0);
	struct doc_pos b = document_position(doc, d->span.end, 1);
	json_t *j = json_object(), *sugg = json_array();

	json_object_set_new(j, "rule", jstr(d->rule));
	json_object_set_new(j, "category", jstr(d->category));
	json_object_set_new(j, "severity", jstr(mt_severity_name(d->severity)));
	json_object_set_new(j, "message", jstr(d->message));
	json_object_set_new(j, "offset", json_integer(a.offset));
	json_object_set_new(j, "length", json_integer(b.offset - a.offset));
	json_object_set_new(j, "line", json_integer(a.line));
	json_object_set_new(j, "column", json_integer(a.column));
	json_object_set_new(j, "end_line", json_integer(b.line));
	json_object_set_new(j, "end_column", json_integer(b.column));
	json_object_set_new(j, "text", jstr(report_span_text(doc, d)));
	for (uint32_t k = 0; k < d->n_suggestions; k++)
		json_array_append_new(sugg, jstr(d->suggestions[k]));
	json_object_set_new(j, "suggestions", sugg);
	if (d->evidence)
		json_object_set_new(j, "evidence", evidence_json(d->evidence));
	return j;
}

static void json_file(void *st, const struct document *doc,
		      const struct diag_list *diags)
{
	struct json_state *s = st;
	json_t *f = json_object(), *arr = json_array();

	json_object_set_new(f, "path", jstr(doc->path));
	json_object_set_new(f, "encoding", jstr(doc->encoding));
	for (size_t i = 0; i < diags->n; i++)
		json_array_append_new(arr,
				      report_json_diag(doc, &diags->v[i]));
	json_object_set_new(f, "diagnostics", arr);
	if (diags->summary.reference_kind) {
		json_t *r = json_object();

		json_object_set_new(r, "kind",
				    jstr(diags->summary.reference_kind));
		json_object_set_new(r, "aligned",
				    json_integer(diags->summary.aligned));
		json_object_set_new(r, "of", json_integer(diags->summary.of));
		json_object_set_new(f, "reference", r);
	}
	json_array_append_new(s->files, f);
}

static void json_file_error(void *st, const char *path,
			    const struct mt_error *err)
{
	struct json_state *s = st;

	json_array_append_new(s->files,
			      json_pack("{s:o, s:o}", "path", jstr(path),
					"error", jstr(err->msg)));
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int json_end(void *st)
{
	struct json_state *s = st;
	int rc = json_dumpf(s->root, s->o.out, JSON_INDENT(2) |
				     JSON_PRESERVE_ORDER) == 0 ? 0 : -1;

	fputc('\n', s->o.out);
	if (fflush(s->o.out) != 0 || ferror(s->o.out))
		rc = -1;
	json_decref(s->files);
	json_decref(s->root);
	free(s);
	return rc;
}

const struct reporter report_json = {
	.name = "json",
	.description = "one JSON document (schema in docs/usage.md)",
	.begin = json_begin,
	.file = json_file,
	.file_error = json_file_error,
	.end = json_end,
};
