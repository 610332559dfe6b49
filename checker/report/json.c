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
#include <string.h>

#include <jansson.h>

#include "util/xalloc.h"

/*
 * The report is written as it goes, file by file and finding by finding,
 * never held whole (a jansson tree costs some 2 KB a finding: 800,000
 * findings took 1.9 GB).  Each value -- the header, a finding, a file's
 * fields -- is encoded by jansson with JSON_INDENT(2); put() writes it at
 * its depth in the document by indenting every line after the first
 * (strings hold no raw line ends), and the brackets and keys between
 * them are written as jansson writes them, so the bytes are those
 * json_dumpf() of the whole tree would give.
 */
#define JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

struct json_state {
	struct report_options o;
	size_t n_files;
	int failed;
};

/* Write j encoded at `indent` spaces; `drop` bytes off its end ("\n}" of
 * an object that goes on).  Consumes j. */
static void put(struct json_state *s, json_t *j, int indent, size_t drop)
{
	char *t = json_dumps(j, JSON_FLAGS);
	size_t n;

	json_decref(j);
	if (!t) {
		s->failed = 1;
		return;
	}
	n = strlen(t);
	n = drop < n ? n - drop : 0;
	for (size_t i = 0; i < n; i++) {
		fputc(t[i], s->o.out);
		if (t[i] == '\n')
			fprintf(s->o.out, "%*s", indent, "");
	}
	free(t);
}

static void *json_begin(const struct report_options *o)
{
	struct json_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	/* the header object without its closing "\n}" */
	put(s,
	    json_pack("{s:i, s:{s:s, s:s}}", "version", 1, "tool", "name",
		      "mtlint", "version", MT_VERSION),
	    0, 2);
	fputs(",\n  \"files\": [", s->o.out);
	return s;
}

/* Start the next element of "files" (at 4 spaces). */
static void next_file(struct json_state *s)
{
	fputs(s->n_files++ ? ",\n    " : "\n    ", s->o.out);
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
	FILE *out = s->o.out;

	next_file(s);
	/* {"path", "encoding", then "diagnostics": [...], "reference"} */
	put(s,
	    json_pack("{s:o, s:o}", "path", jstr(doc->path), "encoding",
		      jstr(doc->encoding)),
	    4, 2);
	fputs(",\n      \"diagnostics\": [", out);
	for (size_t i = 0; i < diags->n; i++) {
		fputs(i ? ",\n        " : "\n        ", out);
		put(s, report_json_diag(doc, &diags->v[i]), 8, 0);
	}
	fputs(diags->n ? "\n      ]" : "]", out);
	if (diags->summary.reference_kind) {
		fputs(",\n      \"reference\": ", out);
		put(s,
		    json_pack("{s:o, s:I, s:I}", "kind",
			      jstr(diags->summary.reference_kind), "aligned",
			      (json_int_t)diags->summary.aligned, "of",
			      (json_int_t)diags->summary.of),
		    6, 0);
	}
	fputs("\n    }", out);
}

static void json_file_error(void *st, const char *path,
			    const struct mt_error *err)
{
	struct json_state *s = st;

	next_file(s);
	put(s,
	    json_pack("{s:o, s:o}", "path", jstr(path), "error",
		      jstr(err->msg)),
	    4, 0);
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

static int json_end(void *st)
{
	struct json_state *s = st;
	int rc = s->failed ? -1 : 0;

	fputs(s->n_files ? "\n  ]\n}\n" : "]\n}\n", s->o.out);
	if (fflush(s->o.out) != 0 || ferror(s->o.out))
		rc = -1;
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
