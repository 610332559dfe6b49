/*
 * protocol: conversions between the Language Server Protocol and mtlint --
 * URIs and paths, positions and edits of the editor's text, diagnostics
 * (see protocol.h).
 */
#include "lsp/protocol.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static int hexval(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* Percent-decoding of a URI's path (RFC 3986); a bad escape stays. */
static char *uri_decode(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++) {
		int h = *s == '%' ? hexval(s[1]) : -1;
		int l = h >= 0 ? hexval(s[2]) : -1;

		if (l >= 0 && (h || l)) {
			buf_addc(&b, (char)(h * 16 + l));
			s += 2;
		} else {
			buf_addc(&b, *s);
		}
	}
	return buf_detach(&b, NULL);
}

char *lsp_uri_to_path(const char *root, const char *uri)
{
	const char *name;
	struct buf b = BUF_INIT;

	if (!strncmp(uri, "file://", 7)) {
		const char *p = uri + 7;

		if (!strncmp(p, "localhost/", 10))
			p += 9;
		return uri_decode(p);
	}
	name = strrchr(uri, '/');
	if (!name)
		name = strchr(uri, ':');
	name = name ? name + 1 : uri;
	buf_addf(&b, "%s/%s", root ? root : ".",
		 *name ? name : "untitled");
	return buf_detach(&b, NULL);
}

/* The byte offset in t of a 0-based line and UTF-16 column. */
static size_t text_offset(const char *t, size_t len, json_int_t line,
			  json_int_t col16)
{
	size_t p = 0;

	for (; line > 0 && p < len; p++) {
		if (t[p] == '\r' && p + 1 < len && t[p + 1] == '\n')
			p++;
		if (t[p] == '\n' || t[p] == '\r')
			line--;
	}
	if (line > 0)
		return len;
	while (col16 > 0 && p < len && t[p] != '\n' && t[p] != '\r') {
		unsigned char c = (unsigned char)t[p];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		col16 -= n == 4 ? 2 : 1;
		p += n;
	}
	return p < len ? p : len;
}

int lsp_apply_change(struct buf *t, json_t *change)
{
	json_t *text = json_object_get(change, "text");
	json_t *range = json_object_get(change, "range");
	json_t *a, *b;
	size_t from, to;
	struct buf nb = BUF_INIT;

	if (!json_is_string(text))
		return -1;
	if (!range) { /* the whole text */
		buf_reset(t);
		buf_add(t, json_string_value(text),
			json_string_length(text));
		return 0;
	}
	a = json_object_get(range, "start");
	b = json_object_get(range, "end");
	if (!json_is_integer(json_object_get(a, "line")) ||
	    !json_is_integer(json_object_get(b, "line")))
		return -1;
	from = text_offset(t->buf, t->len,
			   json_integer_value(json_object_get(a, "line")),
			   json_integer_value(json_object_get(a, "character")));
	to = text_offset(t->buf, t->len,
			 json_integer_value(json_object_get(b, "line")),
			 json_integer_value(json_object_get(b, "character")));
	if (to < from)
		to = from;
	buf_add(&nb, t->buf, from);
	buf_add(&nb, json_string_value(text), json_string_length(text));
	buf_add(&nb, t->buf + to, t->len - to);
	buf_release(t);
	*t = nb;
	return 0;
}

json_t *lsp_range(const struct document *doc, struct span sp)
{
	struct doc_pos a = document_position(doc, sp.start, 0);
	struct doc_pos b = document_position(doc, sp.end, 1);

	return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line",
			 a.line - 1, "character", a.column16, "end", "line",
			 b.line - 1, "character", b.column16);
}

uint32_t lsp_doc_offset(const struct document *doc, json_t *pos)
{
	return document_offset_at(
		doc,
		(uint32_t)json_integer_value(json_object_get(pos, "line")) + 1,
		(uint32_t)json_integer_value(
			json_object_get(pos, "character")));
}

const char *lsp_param_uri(json_t *params)
{
	return json_string_value(
		json_object_get(json_object_get(params, "textDocument"),
				"uri"));
}

static int lsp_severity(enum mt_severity sev)
{
	return sev == MT_SEV_ERROR ? 1 : sev == MT_SEV_WARNING ? 2 : 3;
}

/* relatedInformation: the reference passage, so the editor can jump. */
static json_t *evidence_json(const struct evidence *e)
{
	char *abs = realpath(e->path, NULL);
	struct buf uri = BUF_INIT;
	json_t *j;

	buf_addf(&uri, "file://%s", abs ? abs : e->path);
	j = json_pack("[{s:{s:s, s:{s:{s:i, s:i}, s:{s:i, s:i}}}, s:s}]",
		      "location", "uri", uri.buf, "range", "start", "line",
		      e->line - 1, "character", e->column - 1, "end", "line",
		      e->end_line ? e->end_line - 1 : e->line - 1, "character",
		      e->end_column ? e->end_column - 1 : e->column - 1,
		      "message", e->text ? e->text : "reference");
	buf_release(&uri);
	free(abs);
	return j;
}

json_t *lsp_diagnostic(const struct document *doc, const struct diag *d,
		       const struct checker *c)
{
	json_t *j = json_object(), *sugg = json_array();
	const struct rule_info *r = c ? checker_find_rule(c, d->rule) : NULL;

	json_object_set_new(j, "range", lsp_range(doc, d->span));
	json_object_set_new(j, "severity",
			    json_integer(lsp_severity(d->severity)));
	json_object_set_new(j, "code", json_string(d->rule));
	if (r) {
		char url[1024];

		json_object_set_new(j, "codeDescription",
				    json_pack("{s:s}", "href",
					      checker_rule_url(r, url,
							       sizeof(url))));
	}
	json_object_set_new(j, "source", json_string("mtlint"));
	json_object_set_new(j, "message", json_string(d->message));
	for (uint32_t k = 0; k < d->n_suggestions; k++)
		json_array_append_new(sugg, json_string(d->suggestions[k]));
	json_object_set_new(j, "data", json_pack("{s:s, s:o}", "category",
						 d->category, "suggestions",
						 sugg));
	if (d->evidence && d->evidence->path && d->evidence->line)
		json_object_set_new(j, "relatedInformation",
				    evidence_json(d->evidence));
	return j;
}

