/*
 * align: sentence alignment by character trigrams (see align.h).
 *
 * A trigram of bytes packs into 24 bits, so a sentence's profile is a
 * sorted array of integers.  The reference's index is one array of
 * (trigram, sentence) pairs sorted by trigram; an article trigram finds its
 * postings by binary search, and each posting adds one to that reference
 * sentence's count of shared trigrams.
 */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segment.h"
#include "xalloc.h"

/* Append the normalised form of s to b (after a reset): letters
 * lower-cased, other runs one space, a space at both ends.  Bytes >= 0x80
 * (letters of other scripts, mostly) are kept. */
static void normalise(struct buf *b, const char *s, size_t len)
{
	buf_reset(b);
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

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* The sorted distinct trigrams of s[0..len), into *v (grown as needed);
 * returns their number. */
static size_t profile(const char *s, size_t len, uint32_t **v, size_t *alloc)
{
	struct buf b = BUF_INIT;
	size_t n = 0, o = 0;

	normalise(&b, s, len);
	*v = xgrow(*v, alloc, b.len + 1, sizeof(**v));
	for (size_t i = 0; i + 3 <= b.len; i++) {
		const unsigned char *p = (const unsigned char *)b.buf + i;

		(*v)[n++] = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
	}
	buf_release(&b);
	qsort(*v, n, sizeof(**v), cmp_u32);
	for (size_t i = 0; i < n; i++)
		if (!o || (*v)[o - 1] != (*v)[i])
			(*v)[o++] = (*v)[i];
	return o;
}

struct posting {
	uint32_t gram, sentence;
};

static int cmp_posting(const void *x, const void *y)
{
	const struct posting *a = x, *b = y;

	if (a->gram != b->gram)
		return a->gram < b->gram ? -1 : 1;
	return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

/* First posting with gram >= g. */
static size_t lower_bound(const struct posting *p, size_t n, uint32_t g)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p[mid].gram < g)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct align_match *align_sentences(const struct document *doc,
				    const struct document *ref,
				    struct arena *a)
{
	struct align_match *out =
		arena_alloc(a, (doc->n_sentences + 1) * sizeof(*out));
	struct posting *post = NULL;
	size_t n_post = 0, post_alloc = 0, v_alloc = 0;
	uint32_t *v = NULL, *size = NULL, *shared = NULL, *touched = NULL;
	uint32_t n_ref = ref ? ref->n_sentences : 0;

	for (uint32_t i = 0; i < doc->n_sentences; i++)
		out[i] = (struct align_match){ ALIGN_NONE, ALIGN_NONE, 0, 0 };
	if (!n_ref)
		return out;
	size = xcalloc(n_ref, sizeof(*size));
	shared = xcalloc(n_ref, sizeof(*shared));
	touched = xmalloc(n_ref * sizeof(*touched));
	for (uint32_t s = 0; s < n_ref; s++) {
		const struct span *sp = &ref->sentences[s].span;
		size_t k = profile(ref->text + sp->start, sp->end - sp->start,
				   &v, &v_alloc);

		size[s] = (uint32_t)k;
		post = xgrow(post, &post_alloc, n_post + k, sizeof(*post));
		for (size_t i = 0; i < k; i++)
			post[n_post++] = (struct posting){ v[i], s };
	}
	qsort(post, n_post, sizeof(*post), cmp_posting);

	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		const struct span *sp = &doc->sentences[i].span;
		size_t k = profile(doc->text + sp->start, sp->end - sp->start,
				   &v, &v_alloc);
		uint32_t n_touched = 0;
		struct align_match *m = &out[i];

		for (size_t g = 0; g < k; g++) {
			for (size_t p = lower_bound(post, n_post, v[g]);
			     p < n_post && post[p].gram == v[g]; p++) {
				uint32_t s = post[p].sentence;

				if (!shared[s]++)
					touched[n_touched++] = s;
			}
		}
		for (uint32_t t = 0; t < n_touched; t++) {
			uint32_t s = touched[t];
			float d = (float)(2.0 * shared[s] / (double)(k + size[s]));

			shared[s] = 0;
			if (m->ref == ALIGN_NONE || d > m->score ||
			    (d == m->score && s < m->ref)) {
				m->second = m->ref;
				m->second_score = m->score;
				m->ref = s;
				m->score = d;
			} else if (m->second == ALIGN_NONE ||
				   d > m->second_score) {
				m->second = s;
				m->second_score = d;
			}
		}
	}
	free(v);
	free(post);
	free(size);
	free(shared);
	free(touched);
	return out;
}

double align_similarity(const char *a, size_t a_len, const char *b,
			size_t b_len)
{
	uint32_t *va = NULL, *vb = NULL;
	size_t aa = 0, ab = 0, common = 0;
	size_t na = profile(a, a_len, &va, &aa);
	size_t nb = profile(b, b_len, &vb, &ab);

	for (size_t i = 0, j = 0; i < na && j < nb;) {
		if (va[i] == vb[j]) {
			common++;
			i++;
			j++;
		} else if (va[i] < vb[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(va);
	free(vb);
	return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0.0;
}
