/*
 * align: sentence alignment by character trigrams (see align.h).
 *
 * Every sentence of both documents is normalised into one buffer first (so
 * the hash table can borrow its keys), then each distinct trigram gets an
 * id from a strtab.  A sentence's profile is its set of trigram ids,
 * deduplicated with a "last sentence seen" mark per id rather than by
 * sorting.  The reference's postings (trigram id -> sentences holding it)
 * are laid out contiguously (counting sort), and each article sentence
 * adds one to the count of shared trigrams of every reference sentence on
 * the postings of its trigrams, stop-grams left out.
 */
#include "reference/align.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "text/segment.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/* Append the normalised form of s to b: letters lower-cased, other runs
 * one space, a space at both ends.  Bytes >= 0x80 (letters of other
 * scripts, mostly) are kept. */
static void normalise(struct buf *b, const char *s, size_t len)
{
	buf_addc(b, ' ');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			buf_addc(b, (char)(c + 32));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			 c >= 0x80)
			buf_addc(b, (char)c);
		else if (b->buf[b->len - 1] != ' ')
			buf_addc(b, ' ');
	}
	if (b->buf[b->len - 1] != ' ')
		buf_addc(b, ' ');
}

/* The normalised sentences of a document: sentence s is
 * text[off[s], off[s + 1]). */
struct normed {
	struct buf text;
	size_t *off;
};

static void normed_init(struct normed *n, const struct document *d)
{
	buf_init(&n->text);
	n->off = xmalloc((d->n_sentences + 1) * sizeof(*n->off));
	for (uint32_t s = 0; s < d->n_sentences; s++) {
		const struct span *sp = &d->sentences[s].span;

		n->off[s] = n->text.len;
		normalise(&n->text, d->text + sp->start, sp->end - sp->start);
	}
	n->off[d->n_sentences] = n->text.len;
}

static void normed_release(struct normed *n)
{
	buf_release(&n->text);
	free(n->off);
}

struct grams {
	struct strtab tab;
	uint32_t *mark; /* by trigram id: last sentence + 1 that had it */
	size_t mark_alloc;
};

/*
 * The distinct trigram ids of text[from, to) into *v (grown as needed);
 * returns their number.  `tag` must differ for every call (sentence
 * number + 1, with the documents kept apart).
 */
static size_t profile(struct grams *g, const char *text, size_t from,
		      size_t to, uint32_t tag, uint32_t **v, size_t *alloc)
{
	size_t n = 0;

	*v = xgrow(*v, alloc, to - from + 1, sizeof(**v));
	for (size_t i = from; i + 3 <= to; i++) {
		int is_new;
		uint32_t id = strtab_intern(&g->tab, text + i, 3, &is_new);

		if (is_new) {
			g->mark = xgrow(g->mark, &g->mark_alloc, id + 1,
					sizeof(*g->mark));
			g->mark[id] = 0;
		}
		if (g->mark[id] == tag)
			continue;
		g->mark[id] = tag;
		(*v)[n++] = id;
	}
	return n;
}

/* Reference sentence s scored d: m keeps the best two (ties: the earlier
 * sentence). */
static void offer(struct align_match *m, uint32_t s, float d)
{
	if (m->ref == ALIGN_NONE || d > m->score ||
	    (d == m->score && s < m->ref)) {
		m->second = m->ref;
		m->second_score = m->score;
		m->ref = s;
		m->score = d;
	} else if (m->second == ALIGN_NONE || d > m->second_score ||
		   (d == m->second_score && s < m->second)) {
		m->second = s;
		m->second_score = d;
	}
}

struct align_match *align_sentences(const struct document *doc,
				    const struct document *ref,
				    struct arena *a)
{
	struct align_match *out =
		arena_alloc(a, (doc->n_sentences + 1) * sizeof(*out));
	uint32_t n_ref = ref ? ref->n_sentences : 0;
	struct normed nr, nd;
	struct grams g;
	uint32_t *v = NULL, *size, *shared, *touched;
	uint32_t *start, *post; /* postings of trigram id: post[start[id]..] */
	uint32_t *prof_off, *profs = NULL;
	size_t v_alloc = 0, profs_alloc = 0, n_profs = 0, n_ids;

	for (uint32_t i = 0; i < doc->n_sentences; i++)
		out[i] = (struct align_match){ ALIGN_NONE, ALIGN_NONE, 0, 0 };
	if (!n_ref || !doc->n_sentences)
		return out;
	normed_init(&nr, ref);
	normed_init(&nd, doc);
	strtab_init(&g.tab);
	g.mark = NULL;
	g.mark_alloc = 0;

	/* reference profiles, kept for the postings */
	size = xcalloc(n_ref, sizeof(*size));
	prof_off = xmalloc((n_ref + 1) * sizeof(*prof_off));
	for (uint32_t s = 0; s < n_ref; s++) {
		size_t k = profile(&g, nr.text.buf, nr.off[s], nr.off[s + 1],
				   s + 1, &v, &v_alloc);

		size[s] = (uint32_t)k;
		prof_off[s] = (uint32_t)n_profs;
		profs = xgrow(profs, &profs_alloc, n_profs + k + 1,
			      sizeof(*profs));
		memcpy(profs + n_profs, v, k * sizeof(*v));
		n_profs += k;
	}
	prof_off[n_ref] = (uint32_t)n_profs;
	/* postings by counting sort on trigram id */
	n_ids = strtab_count(&g.tab);
	start = xcalloc(n_ids + 1, sizeof(*start));
	post = xmalloc((n_profs + 1) * sizeof(*post));
	for (size_t i = 0; i < n_profs; i++)
		start[profs[i] + 1]++;
	for (size_t i = 0; i < n_ids; i++)
		start[i + 1] += start[i];
	for (uint32_t s = 0; s < n_ref; s++)
		for (uint32_t i = prof_off[s]; i < prof_off[s + 1]; i++)
			post[start[profs[i]]++] = s;
	/* start[id] now points past id's postings: shift back */
	for (size_t i = n_ids; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
	/* profile sizes without the stop-grams (see align.h) */
	for (uint32_t s = 0; s < n_ref; s++) {
		size[s] = 0;
		for (uint32_t i = prof_off[s]; i < prof_off[s + 1]; i++)
			size[s] += start[profs[i] + 1] - start[profs[i]] <=
				   ALIGN_MAX_DF;
	}

	shared = xcalloc(n_ref, sizeof(*shared));
	touched = xmalloc(n_ref * sizeof(*touched));
	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		/* tags above every reference sentence's */
		size_t k = profile(&g, nd.text.buf, nd.off[i], nd.off[i + 1],
				   n_ref + 1 + i, &v, &v_alloc);
		uint32_t n_touched = 0;
		struct align_match *m = &out[i];

		size_t kept = k;

		for (size_t x = 0; x < k; x++) {
			uint32_t id = v[x];

			if (id >= n_ids)
				continue; /* not in the reference */
			if (start[id + 1] - start[id] > ALIGN_MAX_DF) {
				kept--; /* a stop-gram */
				continue;
			}
			for (uint32_t p = start[id]; p < start[id + 1]; p++) {
				uint32_t s = post[p];

				if (!shared[s]++)
					touched[n_touched++] = s;
			}
		}
		for (uint32_t t = 0; t < n_touched; t++) {
			uint32_t s = touched[t];
			float d = (float)(2.0 * shared[s] /
					  (double)(kept + size[s]));

			shared[s] = 0;
			offer(m, s, d);
		}
	}
	free(v);
	free(size);
	free(shared);
	free(touched);
	free(start);
	free(post);
	free(prof_off);
	free(profs);
	free(g.mark);
	strtab_release(&g.tab);
	normed_release(&nr);
	normed_release(&nd);
	return out;
}

double align_similarity(const char *a, size_t a_len, const char *b,
			size_t b_len)
{
	struct buf t = BUF_INIT;
	struct grams g;
	uint32_t *va = NULL, *vb = NULL, *seen;
	size_t aa = 0, ab = 0, common = 0, na, nb, mid;

	normalise(&t, a, a_len);
	mid = t.len;
	normalise(&t, b, b_len);
	strtab_init(&g.tab);
	g.mark = NULL;
	g.mark_alloc = 0;
	na = profile(&g, t.buf, 0, mid, 1, &va, &aa);
	nb = profile(&g, t.buf, mid, t.len, 2, &vb, &ab);
	seen = xcalloc(strtab_count(&g.tab) + 1, sizeof(*seen));
	for (size_t i = 0; i < na; i++)
		seen[va[i]] = 1;
	for (size_t i = 0; i < nb; i++)
		common += seen[vb[i]];
	free(seen);
	free(va);
	free(vb);
	free(g.mark);
	strtab_release(&g.tab);
	buf_release(&t);
	return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0.0;
}

void align_summarise(const struct align_match *m, uint32_t n,
		     struct align_summary *out)
{
	/* tail[k]: the smallest last counterpart of a non-decreasing run of
	 * length k + 1 (patience sorting) */
	uint32_t *tail = xmalloc((n + 1) * sizeof(*tail)), len = 0;

	out->aligned = 0;
	out->of = n;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t lo = 0, hi = len, r = m[i].ref;

		if (r == ALIGN_NONE || m[i].score < ALIGN_MIN_SCORE)
			continue;
		out->aligned++;
		while (lo < hi) { /* first tail > r */
			uint32_t mid = lo + (hi - lo) / 2;

			if (tail[mid] <= r)
				lo = mid + 1;
			else
				hi = mid;
		}
		tail[lo] = r;
		if (lo == len)
			len++;
	}
	free(tail);
	out->in_order = len;
	out->kind = n && len >= ALIGN_PARALLEL_SHARE * n
			    ? ALIGN_KIND_PARALLEL
			    : ALIGN_KIND_COMPARABLE;
}

const char *align_kind_name(enum align_kind k)
{
	return k == ALIGN_KIND_PARALLEL	    ? "parallel"
	       : k == ALIGN_KIND_COMPARABLE ? "comparable"
					    : NULL;
}
