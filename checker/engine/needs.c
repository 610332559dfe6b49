/*
 * needs: where a character-level rule can match at all (see needs.h).
 */
#include "engine/needs.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void needles_init(struct needles *nd, const char **texts, size_t n,
		  struct arena *a)
{
	memset(nd, 0, sizeof(*nd));
	nd->text = texts;
	nd->n = n;
	nd->len = n ? arena_alloc(a, n * sizeof(*nd->len)) : NULL;
	for (size_t k = 0; k < n; k++) {
		unsigned char b = (unsigned char)texts[k][0];

		nd->len[k] = (uint32_t)strlen(texts[k]);
		nd->first[b / 8] |= (unsigned char)(1u << (b % 8));
	}
}

/* The first offset at or after from where one of the texts begins in
 * s[0..len), or len: one pass over s whatever the number of texts (a rule
 * may need a blank before any of six marks, in three kinds of blank). */
static size_t needles_find(const struct needles *nd, const char *s, size_t len,
			   size_t from)
{
	if (nd->n == 1) {
		const char *at = memmem(s + from, len - from, nd->text[0],
					nd->len[0]);

		return at ? (size_t)(at - s) : len;
	}
	for (size_t i = from; i < len; i++) {
		unsigned char b = (unsigned char)s[i];

		if (!(nd->first[b / 8] & (1u << (b % 8))))
			continue;
		for (size_t k = 0; k < nd->n; k++)
			if (nd->len[k] <= len - i &&
			    !memcmp(s + i, nd->text[k], nd->len[k]))
				return i;
	}
	return len;
}

int needles_held(const struct needles *nd, const char *s, size_t len)
{
	return !nd->n || needles_find(nd, s, len, 0) < len;
}

/* Mark in held[] the sentences of para (indexes from its first) that hold
 * a text, or whose blanks before them do (those count for the sentence
 * before too). */
static void mark_held(const struct needles *nd, const struct document *doc,
		      const struct paragraph *para, unsigned char *held)
{
	struct span ps = para->span;
	uint32_t n = para->n_sentences, first = para->first_sentence;
	const struct sentence *se = doc->sentences + first;
	const char *base = doc->text + ps.start;
	size_t len = ps.end - ps.start;

	for (size_t at = needles_find(nd, base, len, 0); at < len;
	     at = needles_find(nd, base, len, at + 1)) {
		uint32_t o = ps.start + (uint32_t)at;
		uint32_t s = document_sentence_after(doc, first, first + n, o) -
			     first;

		if (s < n)
			held[s] = 1;
		if (s > 0 && (s == n || se[s].span.start > o))
			held[s - 1] = 1;
	}
}

int needs_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The runs of non-blank characters of s[0..len) that hold a text. */
static size_t word_windows(const struct needles *nd, const char *s,
			   uint32_t len, struct span **win, size_t *alloc)
{
	size_t k = 0;

	for (size_t at = needles_find(nd, s, len, 0); at < len;) {
		uint32_t a = (uint32_t)at, b = (uint32_t)at;

		while (a > 0 && !needs_blank(s[a - 1]))
			a--;
		while (b < len && !needs_blank(s[b]))
			b++;
		if (k && (*win)[k - 1].end >= a) {
			(*win)[k - 1].end = b;
		} else {
			*win = xgrow(*win, alloc, k + 1, sizeof(**win));
			(*win)[k++] = (struct span){ a, b };
		}
		at = b < len ? needles_find(nd, s, len, b) : len;
	}
	return k;
}

size_t needles_windows(const struct needles *nd, enum needs_within within,
		       const struct document *doc, const struct paragraph *para,
		       struct span **win, size_t *alloc)
{
	struct span ps = para->span;
	uint32_t n = para->n_sentences;
	const struct sentence *se = doc->sentences + para->first_sentence;
	uint32_t len = ps.end - ps.start;
	size_t k = 0;
	unsigned char *held;

	if (nd->n && within == WITHIN_WORD)
		return word_windows(nd, doc->text + ps.start, len, win, alloc);
	if (!nd->n || within == WITHIN_PARAGRAPH || !n) {
		if (nd->n &&
		    needles_find(nd, doc->text + ps.start, len, 0) == len)
			return 0;
		*win = xgrow(*win, alloc, 1, sizeof(**win));
		(*win)[0] = (struct span){ 0, len };
		return 1;
	}
	held = xcalloc(n, 1);
	mark_held(nd, doc, para, held);
	for (uint32_t i = 0; i < n;) {
		uint32_t j = i + 1, any = held[i];
		uint32_t end;

		/* sentence i and the lines continuing it: [i, j) */
		while (j < n && !document_starts_sentence(doc, &se[j]))
			any |= held[j++];
		end = j < n ? se[j].span.start - ps.start : len;
		if (any && k &&
		    (*win)[k - 1].end == se[i].span.start - ps.start) {
			(*win)[k - 1].end = end;
		} else if (any) {
			*win = xgrow(*win, alloc, k + 1, sizeof(**win));
			(*win)[k++] = (struct span){
				i == 0 ? 0 : se[i - 1].span.end - ps.start, end
			};
		}
		i = j;
	}
	free(held);
	return k;
}
