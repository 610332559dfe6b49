/*
 * numbers: extraction and normal forms of quantities (see numbers.h).
 *
 * The extractor is a left-to-right scan over each sentence's tokens.  At a
 * number (digits, or a run of number words) it looks at what follows: a
 * unit (quantwords.h) makes a measure; otherwise the first
 * plural-looking word of the short noun phrase after the number (adjectives
 * and parenthesised words are skipped; a function word or punctuation ends
 * it) is the counted noun.  Dates and relative dates are recognised by
 * their words.  Everything is data-free but the small tables of
 * quantwords.c: number words, units and their exact conversion factors,
 * months, weekdays.
 */
#include "reference/numbers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reference/quantwords.h"
#include "text/segment.h"

/* --- token helpers ------------------------------------------------------ */

#define WORD_MAX QUANTWORDS_WORD_MAX

/* Token t lower-cased (ASCII) into w; 0 when too long or not a word. */
static int lower_word(const struct document *doc, const struct token *t,
		      char w[WORD_MAX])
{
	size_t n = token_len(t);
	const char *s = doc->text + t->span.start;

	if (n >= WORD_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		w[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	w[n] = 0;
	/* "Dec." -> "dec" */
	if (n > 1 && w[n - 1] == '.')
		w[n - 1] = 0;
	return 1;
}

static int is_punct(const struct document *doc, const struct token *t,
		    const char *p)
{
	return (t->kind == TOK_PUNCT || t->kind == TOK_SYMBOL) &&
	       token_is(doc, t, p);
}

/*
 * The value of one word token as a spelled-out number: "seven",
 * "twenty-five" (a hyphenated token); -1 when not a number.  Scales are
 * not numbers on their own ("hundred" needs something before it).
 */
static double word_number(const struct document *doc, const struct token *t)
{
	char w[WORD_MAX];
	char *dash;

	if (t->kind != TOK_WORD ||
	    !strchr("zotfsenhmbd", doc->text[t->span.start] | 0x20) ||
	    !lower_word(doc, t, w))
		return -1;
	dash = strchr(w, '-');
	if (dash) {
		double a, b;

		*dash = 0;
		a = numbers_word_value(w, strlen(w));
		b = numbers_word_value(dash + 1, strlen(dash + 1));
		if (a >= 20 && a <= 90 && b >= 1 && b <= 9)
			return a + b;
		return -1;
	}
	if (quantwords_is_scale(w))
		return -1;
	return numbers_word_value(w, strlen(w));
}

/*
 * The value of a digit token: "35", "1,000", "2.5".  Thousands separators
 * must group by three.  -1 for anything else (ordinals, times, ranges,
 * dates, versions).
 */
static double digit_number(const struct document *doc, const struct token *t)
{
	const char *s = doc->text + t->span.start;
	size_t n = token_len(t), digits = 0;
	char b[64];
	size_t o = 0;
	int dot = 0, comma = 0, group = -1;

	if (t->kind != TOK_NUMBER || n >= sizeof(b))
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			b[o++] = c;
			digits++;
			if (group >= 0 && !dot)
				group++;
		} else if (c == ',' && !dot) {
			if (group >= 0 && group != 3)
				return -1;
			if (group < 0 && (digits == 0 || digits > 3))
				return -1;
			comma = 1;
			group = 0;
		} else if (c == '.' && !dot && i + 1 < n) {
			dot = 1;
			b[o++] = c;
		} else {
			return -1;
		}
	}
	if (comma && group != 3)
		return -1;
	/* "68000", "10001": five digits or more without a separator are model
	 * numbers and codes far more often than counts ("68,000") */
	if (!comma && !dot && digits >= 5)
		return -1;
	b[o] = 0;
	return strtod(b, NULL);
}

/* --- the scan ----------------------------------------------------------- */

struct scan {
	const struct document *doc;
	struct arena *a;
	struct quantity *v;
	size_t n, alloc;
	uint32_t sentence;
	uint32_t first, end; /* token range of the sentence */
};

static struct quantity *push(struct scan *s, enum quantity_kind kind,
			     uint32_t t0, uint32_t t1, const char *key,
			     double value)
{
	struct quantity *q;

	if (s->n == s->alloc) {
		size_t na = s->alloc ? s->alloc * 2 : 16;
		struct quantity *nv = arena_alloc(s->a, na * sizeof(*nv));

		if (s->n)
			memcpy(nv, s->v, s->n * sizeof(*nv));
		s->v = nv;
		s->alloc = na;
	}
	q = &s->v[s->n++];
	memset(q, 0, sizeof(*q));
	q->kind = kind;
	q->span.start = s->doc->tokens[t0].span.start;
	q->span.end = s->doc->tokens[t1].span.end;
	q->number = q->span;
	q->key = key;
	q->value = value;
	q->factor = 1;
	q->sentence = s->sentence;
	return q;
}

static int tok_word(struct scan *s, uint32_t i, char w[WORD_MAX])
{
	const struct token *t;

	if (i >= s->end)
		return 0;
	t = &s->doc->tokens[i];
	if (t->kind != TOK_WORD)
		return 0;
	return lower_word(s->doc, t, w);
}

static int tok_day(struct scan *s, uint32_t i)
{
	double v;

	if (i >= s->end)
		return 0;
	v = digit_number(s->doc, &s->doc->tokens[i]);
	if (v < 1 || v > 31 || v != floor(v) ||
	    token_len(&s->doc->tokens[i]) > 2)
		return 0;
	return (int)v;
}

static int tok_year(struct scan *s, uint32_t i)
{
	const struct token *t;
	double v;

	if (i >= s->end)
		return 0;
	t = &s->doc->tokens[i];
	v = digit_number(s->doc, t);
	if (token_len(t) != 4 || v < 1000 || v > 2099)
		return 0;
	return (int)v;
}

/* A month name at token i: "December 29[,] [2016]", "December 2016", with
 * an optional day before ("29 December [2016]").  Returns the index past
 * the date or i when none. */
static uint32_t scan_month(struct scan *s, uint32_t i)
{
	char w[WORD_MAX];
	const struct token *t = &s->doc->tokens[i];
	uint32_t j = i + 1, start = i;
	int m, d = 0, y = 0;

	if (!(t->flags & TOKF_CAP) || !tok_word(s, i, w))
		return i;
	m = quantwords_month(w);
	if (!m)
		return i;
	if (i > s->first && tok_day(s, i - 1)) {
		d = tok_day(s, i - 1);
		start = i - 1;
	} else if (tok_day(s, j)) {
		d = tok_day(s, j);
		j++;
		if (j + 1 < s->end &&
		    is_punct(s->doc, &s->doc->tokens[j], ",") &&
		    tok_year(s, j + 1))
			j++;
	}
	if (tok_year(s, j))
		y = tok_year(s, j++);
	/* "May" and "March" alone are a verb as often as a month */
	if (!d && !y)
		return i;
	push(s, QTY_DATE, start, j - 1, "date", y * 10000.0 + m * 100 + d);
	return j;
}

/* Relative dates: yesterday, today, tomorrow, tonight, next/last/this +
 * week/month/year/weekend, last night, weekday names. */
static uint32_t scan_reldate(struct scan *s, uint32_t i)
{
	static const char *const single[] = { "yesterday", "today", "tomorrow",
					      "tonight" };
	static const char *const rel[] = { "last", "this", "next" };
	static const char *const what[] = { "night", "week", "weekend", "month",
					    "year" };
	char w[WORD_MAX], w2[WORD_MAX];
	const struct token *t = &s->doc->tokens[i];
	int day;

	/* yesterday, today, tomorrow, tonight, last, this, next, weekdays */
	if (t->kind != TOK_WORD ||
	    !strchr("ytlnmwfs", s->doc->text[t->span.start] | 0x20) ||
	    !tok_word(s, i, w))
		return i;
	for (size_t k = 0; k < ARRAY_SIZE(single); k++)
		if (strcmp(w, single[k]) == 0) {
			push(s, QTY_RELDATE, i, i, "reldate-day",
			     100 + (double)k);
			return i + 1;
		}
	if ((day = quantwords_weekday(w)) >= 0 &&
	    (s->doc->tokens[i].flags & TOKF_CAP)) {
		push(s, QTY_RELDATE, i, i, "reldate-weekday",
		     200 + (double)day);
		return i + 1;
	}
	for (size_t k = 0; k < ARRAY_SIZE(rel); k++) {
		if (strcmp(w, rel[k]) != 0 || !tok_word(s, i + 1, w2))
			continue;
		for (size_t l = 0; l < ARRAY_SIZE(what); l++)
			if (strcmp(w2, what[l]) == 0) {
				push(s, QTY_RELDATE, i, i + 1, "reldate-rel",
				     300 + 10 * (double)k + (double)l);
				return i + 2;
			}
		if ((day = quantwords_weekday(w2)) >= 0) {
			push(s, QTY_RELDATE, i, i + 1, "reldate-weekday",
			     400 + 10 * (double)k + (double)day);
			return i + 2;
		}
	}
	return i;
}

/*
 * A number starting at token i: digits with an optional scale ("1.5
 * million"), or a run of number words ("three hundred and five", "a
 * dozen").  Sets *value and *spelled; returns the index past it, or i.
 */
static uint32_t scan_number(struct scan *s, uint32_t i, double *value,
			    int *spelled)
{
	char w[WORD_MAX];
	double v = digit_number(s->doc, &s->doc->tokens[i]);
	uint32_t j = i + 1;

	*spelled = 0;
	if (v >= 0) {
		if (tok_word(s, j, w) && quantwords_is_scale(w) &&
		    strcmp(w, "dozen") != 0) {
			v *= numbers_word_value(w, strlen(w));
			j++;
		}
		*value = v;
		return j;
	}
	/* words */
	double total = 0, cur = -1;
	j = i;
	if (tok_word(s, i, w) &&
	    (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)) {
		char w2[WORD_MAX];

		if (!tok_word(s, i + 1, w2) || !quantwords_is_scale(w2))
			return i;
		cur = 1;
		j = i + 1;
	}
	for (; j < s->end; j++) {
		double x = word_number(s->doc, &s->doc->tokens[j]);

		if (x >= 0) {
			double low = cur >= 0 ? fmod(cur, 100) : -1;

			if (cur < 0 || (cur == 0 && total > 0))
				cur = x; /* first, or after "thousand" */
			else if (cur >= 100 && low == 0 && x < 100)
				cur += x; /* "hundred (and) five" */
			else if (low >= 20 && fmod(low, 10) == 0 && x < 10)
				cur += x; /* "twenty five" */
			else
				break; /* "two three": not one number */
			continue;
		}
		if (!tok_word(s, j, w))
			break;
		if (quantwords_is_scale(w) && cur >= 0) {
			double sc = numbers_word_value(w, strlen(w));

			cur *= sc;
			if (sc >= 1000) {
				total += cur;
				cur = 0;
			}
			continue;
		}
		/* "hundred and five" */
		if (strcmp(w, "and") == 0 && cur >= 100 && j + 1 < s->end &&
		    word_number(s->doc, &s->doc->tokens[j + 1]) >= 0)
			continue;
		break;
	}
	if (j == i || cur < 0)
		return i;
	*value = total + cur;
	*spelled = 1;
	return j;
}

/*
 * What the number at [i, j) counts or measures.  Pushes the quantity and
 * returns the index past it; j when nothing comparable follows.
 */
static uint32_t scan_noun(struct scan *s, uint32_t i, uint32_t j, double value,
			  int spelled, const char *cur_key)
{
	const struct document *doc = s->doc;
	char w[WORD_MAX];
	int after_digits = !spelled;
	struct quantity *q;

	if (cur_key) {
		q = push(s, QTY_MEASURE, i - 1, j - 1, cur_key, value);
		q->number = (struct span){ doc->tokens[i].span.start,
					   doc->tokens[j - 1].span.end };
		return j;
	}
	/* "12%", "12 per cent" */
	if (j < s->end && is_punct(doc, &doc->tokens[j], "%")) {
		q = push(s, QTY_MEASURE, i, j, "percent", value);
		q->number.end = doc->tokens[j - 1].span.end;
		q->spelled = spelled;
		return j + 1;
	}
	if (tok_word(s, j, w) && strcmp(w, "per") == 0 &&
	    tok_word(s, j + 1, w) && strcmp(w, "cent") == 0) {
		q = push(s, QTY_MEASURE, i, j + 1, "percent", value);
		q->number.end = doc->tokens[j - 1].span.end;
		q->spelled = spelled;
		return j + 2;
	}
	if (tok_word(s, j, w)) {
		const struct quantwords_unit *u = quantwords_unit(w,
								  after_digits);

		if (u) {
			q = push(s, QTY_MEASURE, i, j, u->key,
				 value * u->factor);
			q->factor = u->factor;
			q->number.end = doc->tokens[j - 1].span.end;
			q->spelled = spelled;
			return j + 1;
		}
	}
	/* a noun phrase: up to four words, skipping parentheses */
	for (uint32_t k = j, words = 0; k < s->end && words < 4; k++) {
		const struct token *t = &doc->tokens[k];
		char *sg;

		if (is_punct(doc, t, "(") || is_punct(doc, t, ")"))
			continue;
		if (t->kind != TOK_WORD || !lower_word(doc, t, w))
			break;
		if (quantwords_ends_phrase(w))
			break;
		words++;
		if (t->flags & TOKF_ALLCAPS)
			continue; /* "US", "FSB": a modifier here */
		if (value == 1) {
			/* "one candidate": the next word, if not a modifier
			 * we cannot tell; take the first non-capitalised */
			if (t->flags & TOKF_CAP)
				continue;
			if (strchr(w, '\'') || strstr(w, "\xe2\x80\x99"))
				break;
			q = push(s, QTY_COUNT, i, k, arena_strdup(s->a, w),
				 value);
			q->number.end = doc->tokens[j - 1].span.end;
			q->spelled = spelled;
			return k + 1;
		}
		sg = quantwords_singular(w, s->a);
		if (sg) {
			q = push(s, QTY_COUNT, i, k, sg, value);
			q->number.end = doc->tokens[j - 1].span.end;
			q->spelled = spelled;
			return k + 1;
		}
	}
	return j;
}

static const char *const year_preps[] = { "in",	    "since", "of",     "until",
					  "by",	    "from",  "the",    "early",
					  "late",   "mid",   "before", "after",
					  "during", "to",    "till" };

/* Does w, before a four-digit number, make it a year ("in 2016")? */
static int year_prep(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(year_preps); i++)
		if (strcmp(w, year_preps[i]) == 0)
			return 1;
	return 0;
}

static void scan_sentence(struct scan *s)
{
	const struct document *doc = s->doc;

	for (uint32_t i = s->first; i < s->end;) {
		const struct token *t = &doc->tokens[i];
		double v;
		const char *cur_key = NULL;
		int spelled;
		uint32_t j;

		/* ISO dates */
		if (t->kind == TOK_NUMBER && token_len(t) == 10) {
			const char *p = doc->text + t->span.start;
			int y, m, d;
			char tail;

			if (sscanf(p, "%4d-%2d-%2d%c", &y, &m, &d, &tail) ==
				    3 ||
			    (sscanf(p, "%4d-%2d-%2d%c", &y, &m, &d, &tail) ==
				     4 &&
			     (tail < '0' || tail > '9'))) {
				if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
					push(s, QTY_DATE, i, i, "date",
					     y * 10000.0 + m * 100 + d);
					i++;
					continue;
				}
			}
		}
		if (t->kind == TOK_WORD) {
			j = scan_month(s, i);
			if (j != i) {
				i = j;
				continue;
			}
			j = scan_reldate(s, i);
			if (j != i) {
				i = j;
				continue;
			}
		}
		/* "29 December": the day is consumed by the month */
		if (tok_day(s, i) && i + 1 < s->end) {
			char w[WORD_MAX];

			if (tok_word(s, i + 1, w) && quantwords_month(w) &&
			    (doc->tokens[i + 1].flags & TOKF_CAP)) {
				i = scan_month(s, i + 1);
				continue;
			}
		}
		j = scan_number(s, i, &v, &spelled);
		if (j == i) {
			i++;
			continue;
		}
		if (i > s->first && t->kind == TOK_NUMBER) {
			const struct token *p = &doc->tokens[i - 1];

			if (is_punct(doc, p, "$")) {
				cur_key = "usd";
			} else if (is_punct(doc, p, "\xc2\xa3")) {
				cur_key = "gbp";
			} else if (is_punct(doc, p, "\xe2\x82\xac")) {
				cur_key = "eur";
			}
		}
		/* years: four digits, 1000..2099, no separator, after a
		 * preposition or article or standing alone */
		if (!cur_key && tok_year(s, i) && j == i + 1) {
			char w[WORD_MAX];
			int prep = i > s->first && tok_word(s, i - 1, w) &&
				   year_prep(w);
			uint32_t k = scan_noun(s, i, j, v, 0, NULL);

			if (k != j && !prep) {
				i = k; /* "2000 people" */
				continue;
			}
			if (k != j)
				s->n--; /* "the 2016 elections": a year */
			push(s, QTY_YEAR, i, i, "year", v);
			i = j;
			continue;
		}
		i = scan_noun(s, i, j, v, spelled, cur_key);
	}
}

size_t numbers_extract(const struct document *doc, struct arena *a,
		       struct quantity **out)
{
	struct scan s = { doc, a, NULL, 0, 0, 0, 0, 0 };

	for (uint32_t k = 0; k < doc->n_sentences; k++) {
		const struct sentence *se = &doc->sentences[k];

		s.sentence = k;
		s.first = se->first_token;
		s.end = se->first_token + se->n_tokens;
		scan_sentence(&s);
	}
	*out = s.v;
	return s.n;
}

int numbers_agree(const struct quantity *a, const struct quantity *b)
{
	/* a year agrees with a date in that year ("1995", "March 1995") */
	if ((a->kind == QTY_YEAR && b->kind == QTY_DATE) ||
	    (a->kind == QTY_DATE && b->kind == QTY_YEAR)) {
		long y = (long)(a->kind == QTY_YEAR ? a->value : b->value);
		long d = (long)(a->kind == QTY_DATE ? a->value : b->value);

		return d / 10000 == y;
	}
	if (a->kind != b->kind || strcmp(a->key, b->key) != 0)
		return 0;
	if (a->kind == QTY_DATE) {
		long x = (long)a->value, y = (long)b->value;
		long ya = x / 10000, yb = y / 10000;
		long ma = x / 100 % 100, mb = y / 100 % 100;
		long da = x % 100, db = y % 100;

		return (!ya || !yb || ya == yb) && ma == mb &&
		       (!da || !db || da == db);
	}
	return fabs(a->value - b->value) <=
	       1e-9 * fmax(1.0, fmax(fabs(a->value), fabs(b->value)));
}

/* v as the article would write it: spelled out when the article's number
 * was, else in digits. */
static const char *format_value(double v, int spelled, struct arena *a)
{
	const char *w = spelled ? quantwords_spell(v, a) : NULL;

	if (w)
		return w;
	if (v == floor(v) && fabs(v) < 1e15)
		return arena_printf(a, "%.0f", v);
	return arena_printf(a, "%g", v);
}

char *numbers_format_as(const struct quantity *art, const struct quantity *ref,
			struct arena *a)
{
	double v;

	if (art->kind != ref->kind || strcmp(art->key, ref->key) != 0)
		return NULL;
	if (art->kind == QTY_DATE || art->kind == QTY_RELDATE ||
	    art->kind == QTY_YEAR)
		return NULL;
	v = ref->value / art->factor;
	if (art->factor != 1 && fabs(v - floor(v + 0.5)) > 1e-9)
		return NULL;
	if (art->factor != 1)
		v = floor(v + 0.5);
	return (char *)format_value(v, art->spelled, a);
}
