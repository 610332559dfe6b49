/*
 * baseline: fingerprints and the baseline file (see baseline.h).
 */
#include "run/baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/hash.h"
#include "util/atomicfile.h"
#include "util/buf.h"
#include "util/limits.h"
#include "util/paths.h"
#include "text/segment.h"
#include "util/xalloc.h"

#define CONTEXT_WORDS 3

struct entry {
	char *file, *rule;
	char fp[BASELINE_FP_LEN + 1];
	unsigned line;
	char *text;
	int used;
};

struct baseline {
	char *path, *dir;
	struct entry *v;
	size_t n, alloc;
	int sorted;
};

/*
 * Fingerprints are hash.h's FNV-1a: stable across runs and machines, which
 * recorded baselines rely on.  Hash text with every run of whitespace as
 * one space.
 */
static uint64_t hash_ws(uint64_t h, const char *p, size_t n)
{
	int sp = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
			sp = 1;
			continue;
		}
		if (sp)
			h = hash_byte(h, ' ');
		sp = 0;
		h = hash_byte(h, (unsigned char)p[i]);
	}
	return h;
}

static int counts(const struct token *t)
{
	return t->kind == TOK_WORD || t->kind == TOK_NUMBER;
}

void baseline_fingerprint(const struct document *doc, const struct diag *d,
			  char out[BASELINE_FP_LEN + 1])
{
	uint64_t h = HASH_INIT;
	uint32_t lo = 0, hi = doc->n_tokens, s_first = 0, s_end = 0;
	uint32_t si;
	int k;

	h = hash_bytes(h, d->rule, strlen(d->rule) + 1);
	h = hash_ws(h, doc->text + d->span.start, d->span.end - d->span.start);
	/* first token starting at or after the span */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->tokens[mid].span.start < d->span.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* context stays inside the sentence: a line added before it or a
	 * neighbouring sentence rewritten must not change the fingerprint */
	si = doc->n_sentences ? document_sentence_at(doc, d->span.start)
			      : UINT32_MAX;
	s_first = s_end = lo; /* outside any sentence: no context */
	if (si < doc->n_sentences) {
		s_first = doc->sentences[si].first_token;
		s_end = s_first + doc->sentences[si].n_tokens;
	}
	h = hash_bytes(h, "\x1f", 1);
	k = 0;
	for (uint32_t i = lo; i-- > s_first && k < CONTEXT_WORDS;) {
		const struct token *t = &doc->tokens[i];

		if (!counts(t) || t->span.end > d->span.start)
			continue;
		h = hash_bytes(h, doc->text + t->span.start, token_len(t));
		h = hash_bytes(h, " ", 1);
		k++;
	}
	h = hash_bytes(h, "\x1f", 1);
	k = 0;
	for (uint32_t i = lo; i < s_end && k < CONTEXT_WORDS; i++) {
		const struct token *t = &doc->tokens[i];

		if (!counts(t) || t->span.start < d->span.end)
			continue;
		h = hash_bytes(h, doc->text + t->span.start, token_len(t));
		h = hash_bytes(h, " ", 1);
		k++;
	}
	snprintf(out, BASELINE_FP_LEN + 1, "%016llx", (unsigned long long)h);
}

struct baseline *baseline_new(const char *path)
{
	struct baseline *b = xcalloc(1, sizeof(*b));

	b->path = xstrdup(path);
	b->dir = mt_path_dir(path);
	return b;
}

void baseline_free(struct baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].file);
		free(b->v[i].rule);
		free(b->v[i].text);
	}
	free(b->v);
	free(b->path);
	free(b->dir);
	free(b);
}

/* The file's key: its path relative to the baseline's directory (absolute
 * when outside it); standard input is "<stdin>". */
static char *key_of(const struct baseline *b, const char *path)
{
	char *r;

	if (!strcmp(path, "-"))
		return xstrdup("<stdin>");
	r = mt_path_relative(b->dir, path);
	if (!r)
		r = mt_path_absolute(path);
	return r ? r : xstrdup(path);
}

static void push(struct baseline *b, char *file, const char *rule,
		 const char *fp, unsigned line, const char *text)
{
	struct entry *e;

	b->v = xgrow(b->v, &b->alloc, b->n + 1, sizeof(*b->v));
	e = &b->v[b->n++];
	memset(e, 0, sizeof(*e));
	e->file = file;
	e->rule = xstrdup(rule);
	snprintf(e->fp, sizeof(e->fp), "%s", fp);
	e->line = line;
	e->text = text ? xstrdup(text) : NULL;
	b->sorted = 0;
}

void baseline_add(struct baseline *b, const char *path,
		  const struct document *doc, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		char fp[BASELINE_FP_LEN + 1];
		char *text = xstrndup(doc->text + d->span.start,
				      d->span.end - d->span.start);

		baseline_fingerprint(doc, d, fp);
		push(b, key_of(b, path), d->rule, fp,
		     document_position(doc, d->span.start, 0).line, text);
		free(text);
	}
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->fp, b->fp);
	if (!c)
		c = (a->line > b->line) - (a->line < b->line);
	return c;
}

static void sort(struct baseline *b)
{
	if (!b->sorted && b->n)
		qsort(b->v, b->n, sizeof(*b->v), cmp_entry);
	b->sorted = 1;
}

size_t baseline_filter(struct baseline *b, const char *path,
		       const struct document *doc, struct diag_list *diags)
{
	char *file = key_of(b, path);
	size_t o = 0, dropped = 0;

	sort(b);
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		struct entry key = { 0 };
		size_t lo = 0, hi = b->n;
		int hit = 0;

		key.file = file;
		key.rule = (char *)d->rule;
		baseline_fingerprint(doc, d, key.fp);
		/* lower bound on (file, rule, fp), ignoring line */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const struct entry *e = &b->v[mid];
			int c = strcmp(e->file, key.file);

			if (!c)
				c = strcmp(e->rule, key.rule);
			if (!c)
				c = strcmp(e->fp, key.fp);
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < b->n && !strcmp(b->v[lo].file, key.file) &&
		       !strcmp(b->v[lo].rule, key.rule) &&
		       !strcmp(b->v[lo].fp, key.fp);
		     lo++)
			if (!b->v[lo].used) {
				b->v[lo].used = 1;
				hit = 1;
				break;
			}
		if (hit)
			dropped++;
		else
			diags->v[o++] = *d;
	}
	diags->n = o;
	free(file);
	return dropped;
}

static enum mt_err bad(struct mt_error *err, const char *path,
		       const json_error_t *je, const char *what)
{
	if (je)
		return mt_error(err, MT_ERR_CONFIG, "%s:%d:%d: %s", path,
				je->line, je->column, je->text);
	return mt_error(err, MT_ERR_CONFIG, "%s: not an mtlint baseline: %s",
			path, what);
}

enum mt_err baseline_load(const char *path, struct baseline **out,
			  struct mt_error *err)
{
	json_error_t je;
	json_t *root, *findings, *v;
	struct baseline *b;
	size_t i;
	struct buf bytes = BUF_INIT;
	int r = buf_read_file(&bytes, path, MT_LIMIT_BASELINE);

	*out = NULL;
	if (r < 0) {
		int e = errno;

		buf_release(&bytes);
		if (r == -2)
			return mt_error(err, MT_ERR_TOO_LARGE,
					"baseline '%s' is too large (the limit "
					"is %u bytes)",
					path, MT_LIMIT_BASELINE);
		return mt_error(err, MT_ERR_IO, "cannot read baseline '%s': %s",
				path, strerror(e));
	}
	root = json_loadb(bytes.buf, bytes.len, JSON_REJECT_DUPLICATES, &je);
	buf_release(&bytes);
	if (!root)
		return bad(err, path, &je, NULL);
	if (!json_is_object(root) ||
	    json_integer_value(json_object_get(root, "version")) != 1 ||
	    !json_is_array(findings = json_object_get(root, "findings"))) {
		json_decref(root);
		return bad(err, path, NULL,
			   "expected {\"version\": 1, \"findings\": [...]}");
	}
	b = baseline_new(path);
	json_array_foreach(findings, i, v)
	{
		const char *file = json_string_value(json_object_get(v, "file"));
		const char *rule = json_string_value(json_object_get(v, "rule"));
		const char *fp = json_string_value(
			json_object_get(v, "fingerprint"));
		json_int_t line = json_integer_value(json_object_get(v, "line"));

		if (!file || !rule || !fp || strlen(fp) != BASELINE_FP_LEN) {
			char what[64];

			snprintf(what, sizeof(what),
				 "finding %zu lacks file, rule or fingerprint",
				 i + 1);
			json_decref(root);
			baseline_free(b);
			return bad(err, path, NULL, what);
		}
		push(b, xstrdup(file), rule, fp,
		     line > 0 ? (unsigned)line : 0,
		     json_string_value(json_object_get(v, "text")));
	}
	json_decref(root);
	*out = b;
	return MT_ERR_OK;
}

enum mt_err baseline_write(struct baseline *b, struct mt_error *err)
{
	json_t *root = json_object(), *arr = json_array();
	char *s;
	enum mt_err rc;

	sort(b);
	json_object_set_new(root, "version", json_integer(1));
	json_object_set_new(root, "tool", json_string("mtlint"));
	for (size_t i = 0; i < b->n; i++) {
		const struct entry *e = &b->v[i];
		json_t *j = json_object();
		json_t *t = e->text ? json_string(e->text) : NULL;

		json_t *f = json_string(e->file);

		/* a file name that is not UTF-8 cannot be in JSON */
		json_object_set_new(j, "file", f ? f : json_string("?"));
		json_object_set_new(j, "rule", json_string(e->rule));
		json_object_set_new(j, "fingerprint", json_string(e->fp));
		json_object_set_new(j, "line", json_integer(e->line));
		if (t)
			json_object_set_new(j, "text", t);
		json_array_append_new(arr, j);
	}
	json_object_set_new(root, "findings", arr);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return mt_error(err, MT_ERR_INTERNAL,
				"cannot format baseline '%s'", b->path);
	{
		size_t n = strlen(s);
		char *withnl = xmalloc(n + 2);

		memcpy(withnl, s, n);
		withnl[n] = '\n';
		rc = atomicfile_write(b->path, withnl, n + 1, NULL, 0,
				      ATOMICFILE_FORCE, err);
		free(withnl);
	}
	free(s);
	return rc;
}
