/*
 * diag: diagnostic lists (see diag.h).
 */
#include "check/diag.h"

#include <stdlib.h>
#include <string.h>

#include "util/limits.h"
#include "util/xalloc.h"

void diag_list_init(struct diag_list *l, struct arena *arena)
{
	l->v = NULL;
	l->n = l->alloc = 0;
	l->arena = arena;
	l->summary = (struct diag_summary){ NULL, 0, 0 };
}

void diag_list_release(struct diag_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

struct diag *diag_add(struct diag_list *l, const char *rule,
		      const char *category, enum mt_severity sev,
		      struct span span, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	d->rule = rule;
	d->category = category;
	d->severity = sev;
	d->span = span;
	va_start(ap, fmt);
	d->message = arena_vprintf(l->arena, fmt, ap);
	va_end(ap);
	if (!d->message)
		d->message = "";
	return d;
}

void diag_suggestn(struct diag_list *l, struct diag *d, const char *text,
		   size_t len)
{
	const char **v;

	for (uint32_t i = 0; i < d->n_suggestions; i++)
		if (strlen(d->suggestions[i]) == len &&
		    memcmp(d->suggestions[i], text, len) == 0)
			return;
	v = arena_alloc(l->arena, (d->n_suggestions + 1) * sizeof(*v));
	if (!v)
		return;
	if (d->n_suggestions)
		memcpy(v, d->suggestions, d->n_suggestions * sizeof(*v));
	v[d->n_suggestions] = arena_strndup(l->arena, text, len);
	if (!v[d->n_suggestions])
		return;
	d->suggestions = v;
	d->n_suggestions++;
}

void diag_suggest(struct diag_list *l, struct diag *d, const char *text)
{
	diag_suggestn(l, d, text, strlen(text));
}

/*
 * A copy of s of at most MT_LIMIT_EVIDENCE bytes, cut at a character
 * boundary and ended with "..." when longer: evidence quotes another file
 * into logs and SARIF, a line of it, never the file.
 */
static const char *quote(struct arena *a, const char *s)
{
	size_t n;
	char *q;

	if (!s || strlen(s) <= MT_LIMIT_EVIDENCE)
		return arena_strdup(a, s);
	n = MT_LIMIT_EVIDENCE - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	q = arena_alloc(a, n + 4);
	memcpy(q, s, n);
	memcpy(q + n, "...", 4);
	return q;
}

void diag_suggest_first(struct diag_list *l, struct diag *d, const char *text,
			size_t len)
{
	const char **v = arena_alloc(l->arena,
				     (d->n_suggestions + 1) * sizeof(*v));
	uint32_t n = 1;

	if (!v)
		return;
	v[0] = arena_strndup(l->arena, text, len);
	if (!v[0])
		return;
	for (uint32_t i = 0; i < d->n_suggestions; i++)
		if (strlen(d->suggestions[i]) != len ||
		    memcmp(d->suggestions[i], text, len) != 0)
			v[n++] = d->suggestions[i];
	d->suggestions = v;
	d->n_suggestions = n;
}

void diag_set_evidence(struct diag_list *l, struct diag *d,
		       const struct evidence *ev)
{
	struct evidence *e = arena_alloc(l->arena, sizeof(*e));

	if (!e)
		return;
	*e = *ev;
	e->path = arena_strdup(l->arena, ev->path);
	e->text = quote(l->arena, ev->text);
	e->context = quote(l->arena, ev->context);
	d->evidence = e;
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c;

	if (a->span.start != b->span.start)
		return a->span.start < b->span.start ? -1 : 1;
	if (a->span.end != b->span.end)
		return a->span.end < b->span.end ? -1 : 1;
	c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

void diag_list_sort(struct diag_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_diag);
}

void diag_list_dedupe(struct diag_list *l)
{
	size_t o = 0;

	diag_list_sort(l);
	for (size_t i = 0; i < l->n; i++) {
		if (o && l->v[o - 1].span.start == l->v[i].span.start &&
		    l->v[o - 1].span.end == l->v[i].span.end &&
		    strcmp(l->v[o - 1].rule, l->v[i].rule) == 0)
			continue;
		l->v[o++] = l->v[i];
	}
	l->n = o;
}

size_t diag_list_count(const struct diag_list *l, enum mt_severity sev)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].severity >= sev)
			n++;
	return n;
}
