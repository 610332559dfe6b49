/*
 * quotes: quotation marks, quoted regions and the other punctuation
 * classes of the grammar parser's preparation (see quotes.h).
 */
#include "grammar/quotes.h"

#include <stdlib.h>

#include "util/common.h"

static int is_one_of(const struct document *doc, const struct token *t,
		     const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (token_is(doc, t, set[i]))
			return 1;
	return 0;
}

/* Double quotation marks are always quotation marks; single ones may be
 * apostrophes ("screamin'", "the students' union"). */
static const char *const open_quotes[] = { "\u201c", "\u201e", "\u00ab",
					   "\u2039" };
static const char *const close_quotes[] = { "\u201d", "\u00bb", "\u203a",
					    "\u201f" };
static const char *const straight_quotes[] = { "\"" };
static const char *const single_open[] = { "\u2018", "\u201a", "'", "`" };
static const char *const single_close[] = { "\u2019", "'" };
static const char *const dashes[] = { "-", "\u2013", "\u2014", "\u2012",
				      "\u2015" };
static const char *const bullets[] = { "-", "*", "\u2022", "\u00b7",
				       "\u2013", "\u2014", ">", "\u25aa",
				       "\u25e6" };
static const char *const final_marks[] = { ".", "!", "?", "\u2026", ":",
					   ";" };


static int quote_is_double(const struct document *doc,
			   const struct token *t)
{
	return t->kind == TOK_PUNCT &&
	       (is_one_of(doc, t, open_quotes, ARRAY_SIZE(open_quotes)) ||
		is_one_of(doc, t, close_quotes, ARRAY_SIZE(close_quotes)) ||
		is_one_of(doc, t, straight_quotes,
			  ARRAY_SIZE(straight_quotes)));
}

int quote_is_single(const struct document *doc, const struct token *t)
{
	return t->kind == TOK_PUNCT &&
	       (is_one_of(doc, t, single_open, ARRAY_SIZE(single_open)) ||
		is_one_of(doc, t, single_close, ARRAY_SIZE(single_close)));
}

int quote_is_mark(const struct document *doc, const struct token *t)
{
	return quote_is_double(doc, t) || quote_is_single(doc, t);
}

int quote_in_paragraph(const struct document *doc, uint32_t sentence)
{
	const struct paragraph *pg;
	uint32_t from, to;

	if (sentence >= doc->n_sentences)
		return 0;
	pg = &doc->paragraphs[doc->sentences[sentence].paragraph];
	if (pg->n_sentences == 0)
		return 0;
	from = doc->sentences[pg->first_sentence].first_token;
	to = doc->sentences[pg->first_sentence + pg->n_sentences - 1]
		     .first_token +
	     doc->sentences[pg->first_sentence + pg->n_sentences - 1].n_tokens;
	for (uint32_t i = from; i < to; i++)
		if (quote_is_double(doc, &doc->tokens[i]))
			return 1;
	return 0;
}

int quote_is_dash(const struct document *doc, const struct token *t)
{
	return is_one_of(doc, t, dashes, ARRAY_SIZE(dashes));
}

int quote_is_long_dash(const struct document *doc, const struct token *t)
{
	return is_one_of(doc, t, dashes + 1, ARRAY_SIZE(dashes) - 1);
}

int quote_is_bullet(const struct document *doc, const struct token *t)
{
	return is_one_of(doc, t, bullets, ARRAY_SIZE(bullets));
}

int quote_is_final_mark(const struct document *doc, const struct token *t)
{
	return is_one_of(doc, t, final_marks, ARRAY_SIZE(final_marks));
}

static int region_cmp(const void *a, const void *b)
{
	const struct quote_region *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

/* The quoted regions of t[b..n), their marks in drop[] (quotes.h). */
size_t quote_find(const struct document *doc, const struct token *t, uint32_t b,
		  uint32_t n, uint8_t *drop, struct quote_region *q, size_t max)
{
	size_t nq = 0, k, o;
	int64_t open = -1, sopen = -1;
	uint32_t last_end = b;

	for (uint32_t i = b; i < n && nq < max; i++) {
		int opening, closing;

		if (quote_is_double(doc, &t[i])) {
			drop[i] = 1;
			opening = is_one_of(doc, &t[i], open_quotes,
					 ARRAY_SIZE(open_quotes));
			closing = is_one_of(doc, &t[i], close_quotes,
					 ARRAY_SIZE(close_quotes));
			if (!opening && !closing) { /* straight: by position */
				opening = open < 0;
				closing = open >= 0;
			}
			if (closing && open >= 0) {
				q[nq++] = (struct quote_region){ .from = (uint32_t)open, .to = i };
				last_end = i + 1;
				open = -1;
			} else if (opening && open < 0) {
				open = i + 1;
			} else if (closing && open < 0) {
				q[nq++] = (struct quote_region){ .from = last_end, .to = i };
				last_end = i + 1;
			}
			continue;
		}
		if (t[i].kind != TOK_PUNCT)
			continue;
		if (sopen < 0 &&
		    is_one_of(doc, &t[i], single_open, ARRAY_SIZE(single_open)) &&
		    (i == b || (t[i].flags & TOKF_SPACE_BEFORE) ||
		     drop[i - 1]) &&
		    i + 1 < n && !(t[i + 1].flags & TOKF_SPACE_BEFORE) &&
		    (t[i + 1].kind == TOK_WORD || t[i + 1].kind == TOK_NUMBER)) {
			sopen = i;
		} else if (sopen >= 0 &&
			   is_one_of(doc, &t[i], single_close,
				  ARRAY_SIZE(single_close)) &&
			   !(t[i].flags & TOKF_SPACE_BEFORE) &&
			   (i + 1 == n || (t[i + 1].flags & TOKF_SPACE_BEFORE) ||
			    t[i + 1].kind == TOK_PUNCT)) {
			drop[sopen] = drop[i] = 1;
			q[nq++] = (struct quote_region){ .from = (uint32_t)sopen + 1, .to = i };
			sopen = -1;
		}
	}
	if (open >= 0 && nq < max)
		q[nq++] = (struct quote_region){ .from = (uint32_t)open, .to = n };
	qsort(q, nq, sizeof(*q), region_cmp);
	for (k = 0, o = 0; k < nq; k++)
		if (o == 0 || q[k].from >= q[o - 1].to)
			q[o++] = q[k];
	return o;
}

#define MAX_TERM_WORDS 3

int quote_is_term(const struct document *doc, const struct token *t,
		  uint32_t b, struct quote_region q)
{
	uint32_t words = 0, before;

	for (uint32_t i = q.from; i < q.to; i++) {
		if (t[i].kind == TOK_WORD || t[i].kind == TOK_NUMBER)
			words++;
		else if (!token_is(doc, &t[i], "-"))
			return 0; // punctuation inside: speech
	}
	if (words < 2 || words > MAX_TERM_WORDS || q.from < b + 2)
		return 0;
	before = q.from - 2; /* the token before the opening mark */
	return quote_is_mark(doc, &t[q.from - 1]) &&
	       t[before].kind == TOK_WORD && !(t[q.from].flags & TOKF_CAP);
}

size_t quote_regions(const struct document *doc, const struct token *t,
		     uint32_t b, uint32_t n, uint8_t *drop,
		     struct quote_region *q, size_t max)
{
	size_t nq = quote_find(doc, t, b, n, drop, q, max);

	for (size_t k = 0; k < nq; k++) {
		uint32_t in = 0, out = 0;

		for (uint32_t i = b; i < n; i++) {
			if (t[i].kind != TOK_WORD && t[i].kind != TOK_NUMBER)
				continue;
			if (i >= q[k].from && i < q[k].to)
				in++;
			else
				out++;
		}
		if (out == 0) /* the quotation is the sentence */
			return 0;
		q[k].full = in >= 4 && q[k].from < n &&
			    t[q[k].from].kind == TOK_WORD &&
			    (t[q[k].from].flags & TOKF_CAP);
		q[k].end = q[k].to;
		while (q[k].end > q[k].from + 1 &&
		       (token_is(doc, &t[q[k].end - 1], ",") ||
			token_is(doc, &t[q[k].end - 1], ";") ||
			drop[q[k].end - 1]))
			q[k].end--;
	}
	return nq;
}
