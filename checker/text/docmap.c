/*
 * docmap: offsets of one version of a text mapped to another's (see
 * docmap.h).
 */
#include "text/docmap.h"

#include <stdlib.h>

#include "util/xalloc.h"

/*
 * Anchors are built with plain heap arrays (they grow) and copied into the
 * document's arena when loading ends.
 */
void doc_map_add(struct doc_map *m, uint32_t to, uint32_t from)
{
	if (m->n && m->v[m->n - 1].to == to) {
		m->v[m->n - 1].from = from;
		return;
	}
	m->v = xgrow(m->v, &m->alloc, m->n + 1, sizeof(*m->v));
	m->v[m->n].to = to;
	m->v[m->n].from = from;
	m->n++;
}

/* Record one character: `to_len` bytes at `to` came from `from_len` at
 * `from`.  Equal lengths continue a linear run and cost nothing. */
void doc_map_char(struct doc_map *m, uint32_t to, uint32_t to_len,
		  uint32_t from, uint32_t from_len)
{
	if (to_len == from_len)
		return;
	doc_map_add(m, to, from);
	doc_map_add(m, to + to_len, from + from_len);
}

struct doc_map *doc_map_finish(struct arena *a, struct doc_map *m,
			       uint32_t to_len, uint32_t from_len)
{
	struct doc_map *out = arena_alloc(a, sizeof(*out));

	doc_map_add(m, to_len, from_len);
	out->n = m->n;
	out->alloc = m->n;
	out->v = arena_memdup(a, m->v, m->n * sizeof(*m->v));
	free(m->v);
	m->v = NULL;
	m->n = m->alloc = 0;
	return out;
}

uint32_t doc_map_lookup(const struct doc_map *m, uint32_t pos, int is_end)
{
	size_t lo = 0, hi = m->n;

	/* largest i with v[i].to <= pos */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].to <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct anchor *a = &m->v[lo];

	if (pos <= a->to || lo + 1 >= m->n)
		return a->from + (pos > a->to ? pos - a->to : 0);
	const struct anchor *b = &m->v[lo + 1];

	if (b->to - a->to == b->from - a->from)
		return a->from + (pos - a->to);
	return is_end ? b->from : a->from;
}

uint32_t doc_map_lookup_inverse(const struct doc_map *m, uint32_t pos)
{
	size_t lo = 0, hi = m->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].from <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct anchor *a = &m->v[lo];

	if (pos <= a->from || lo + 1 >= m->n)
		return a->to + (pos > a->from ? pos - a->from : 0);
	const struct anchor *b = &m->v[lo + 1];

	if (b->to - a->to == b->from - a->from)
		return a->to + (pos - a->from);
	return a->to;
}
