/*
 * rank: the score of a candidate correction (see rank.h).
 *
 * The distance is a Damerau-Levenshtein table over lower-cased code points
 * with costs by kind of slip; the phonetic key and the case pattern are
 * one pass over the word each.  No state: everything is on the stack.
 */
#include "spelling/rank.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define MAXCP (RANK_MAX_WORD + 1)

/* Lower-cased code points of a UTF-8 word; -1 when too long or bad. */
static int to_cps(const char *w, size_t len, UChar32 *out)
{
	int32_t i = 0, n = 0;

	while (i < (int32_t)len) {
		UChar32 c;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0 || n >= MAXCP - 1)
			return -1;
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
			c = '\'';
		out[n++] = u_tolower(c);
	}
	return n;
}

static int is_vowel(UChar32 c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

/* Are a and b neighbours on a QWERTY keyboard?  Key centres as (column,
 * row), rows offset by a quarter and three quarters of a key; a table,
 * since this runs in the inner loop of every distance. */
static int adjacent_keys(UChar32 a, UChar32 b)
{
	static const float x[26] = {
		/* a */ 0.25f, 4.75f, 2.75f, 2.25f,
		2.0f,	       3.25f, 4.25f, 5.25f,
		/* i */ 7.0f,  6.25f, 7.25f, 8.25f,
		6.75f,	       5.75f, 8.0f,  9.0f,
		/* q */ 0.0f,  3.0f,  1.25f, 4.0f,
		6.0f,	       3.75f, 1.0f,  1.75f,
		/* y */ 5.0f,  0.75f,
	};
	static const unsigned char y[26] = {
		1, 2, 2, 1, 0, 1, 1, 1, 0, 1, 1, 1, 2,
		2, 0, 0, 0, 0, 1, 0, 0, 2, 0, 2, 0, 2,
	};
	float dx, dy;

	if (a > 'z' || b > 'z' || a < 'a' || b < 'a')
		return 0;
	dx = x[a - 'a'] - x[b - 'a'];
	dy = (float)y[a - 'a'] - (float)y[b - 'a'];
	return dx * dx + dy * dy <= 1.3f * 1.3f;
}

static double sub_cost(UChar32 a, UChar32 b)
{
	if (a == b)
		return 0;
	if (is_vowel(a) && is_vowel(b))
		return 0.6;
	if (adjacent_keys(a, b))
		return 0.7;
	return 1;
}

/* Cost of inserting (or deleting) c next to prev: doubling is cheap. */
static double indel_cost(UChar32 c, UChar32 prev, UChar32 next)
{
	if (c == prev || c == next)
		return 0.4;
	if (c == '\'' || c == '-')
		return 0.5;
	return 1;
}

double rank_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	UChar32 x[MAXCP], y[MAXCP];
	double d[3][MAXCP]; /* rows i-2, i-1, i (rotating) */
	int n, m;

	n = alen > RANK_MAX_WORD ? -1 : to_cps(a, alen, x);
	m = blen > RANK_MAX_WORD ? -1 : to_cps(b, blen, y);
	if (n < 0 || m < 0)
		return 1000;
	d[0][0] = 0;
	for (int j = 1; j <= m; j++)
		d[0][j] = d[0][j - 1] + indel_cost(y[j - 1],
						   j > 1 ? y[j - 2] : 0,
						   j < m ? y[j] : 0);
	for (int i = 1; i <= n; i++) {
		double *cur = d[i % 3], *prev = d[(i - 1) % 3];
		double *prev2 = d[(i + 1) % 3];

		cur[0] = prev[0] + indel_cost(x[i - 1], i > 1 ? x[i - 2] : 0,
					      i < n ? x[i] : 0);
		for (int j = 1; j <= m; j++) {
			double best = prev[j - 1] +
				      sub_cost(x[i - 1], y[j - 1]);
			double del = prev[j] +
				     indel_cost(x[i - 1], i > 1 ? x[i - 2] : 0,
						j <= m ? y[j - 1] : 0);
			double ins = cur[j - 1] +
				     indel_cost(y[j - 1], j > 1 ? y[j - 2] : 0,
						x[i - 1]);

			if (del < best)
				best = del;
			if (ins < best)
				best = ins;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && prev2[j - 2] + 0.6 < best)
				best = prev2[j - 2] + 0.6;
			cur[j] = best;
		}
	}
	return d[n % 3][m];
}

/*
 * A phonetic key in the manner of Soundex, over the whole word: the first
 * letter, then consonant classes (b f p v / c g j k q s x z / d t / l /
 * m n / r), vowels and h w y dropped, repeats collapsed.  "recieve" and
 * "receive" share one.
 */
static int phonetic_key(const UChar32 *w, int n, char *out, size_t cap)
{
	static const char classes[] = "01230120022455012623010202";
	size_t o = 0;
	char last = 0;

	for (int i = 0; i < n; i++) {
		UChar32 c = w[i];
		char k;

		if (c < 'a' || c > 'z')
			continue;
		k = classes[c - 'a'];
		if (o == 0) {
			out[o++] = (char)c;
			last = k;
			continue;
		}
		if (k != '0' && k != last) {
			if (o + 1 >= cap)
				break;
			out[o++] = k;
		}
		last = k;
	}
	out[o] = '\0';
	return (int)o;
}

enum rank_case rank_case_pattern(const char *w, size_t len)
{
	int32_t i = 0;
	int first = -1, upper = 0, lower = 0;

	while (i < (int32_t)len) {
		UChar32 c;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0 || !u_isalpha(c))
			continue;
		if (first < 0)
			first = u_isupper(c) != 0;
		if (u_isupper(c))
			upper++;
		else
			lower++;
	}
	if (!upper)
		return RANK_LOWER;
	if (!lower)
		return upper > 1 ? RANK_UPPER : RANK_CAPITALISED;
	return first == 1 && upper == 1 ? RANK_CAPITALISED : RANK_MIXED;
}

/* The ranking weights, chosen on the odd-numbered half of the evaluation
 * list (`make eval`, spelling-eval --tune). */
const struct rank_weights rank_default_weights = {
	.phonetic = 0.7,
	.freq = 0.10,
	.proper = 1.5,
	.split = 3.0,
	.rank = 0.2,
};

double rank_score(const struct rank_weights *w, const char *word, size_t len,
		  const char *cand, unsigned long freq, size_t pos)
{
	size_t clen = strlen(cand);
	UChar32 x[MAXCP], y[MAXCP];
	char kx[MAXCP], ky[MAXCP];
	enum rank_case wc, cc;
	int n, m;
	double s;

	s = -rank_distance(word, len, cand, clen);
	n = len > RANK_MAX_WORD ? -1 : to_cps(word, len, x);
	m = clen > RANK_MAX_WORD ? -1 : to_cps(cand, clen, y);
	if (n > 0 && m > 0) {
		phonetic_key(x, n, kx, sizeof(kx));
		phonetic_key(y, m, ky, sizeof(ky));
		if (strcmp(kx, ky) == 0)
			s += w->phonetic;
	}
	s += w->freq * log1p((double)freq);
	wc = rank_case_pattern(word, len);
	cc = rank_case_pattern(cand, clen);
	if (wc == RANK_LOWER && cc != RANK_LOWER)
		s -= w->proper;
	else if (wc == RANK_UPPER && cc != RANK_UPPER && cc != RANK_CAPITALISED)
		s -= w->proper / 2;
	if (strpbrk(cand, " -"))
		s -= w->split;
	s -= w->rank * (double)pos;
	return s;
}

struct scored {
	const char *s;
	double score;
	size_t rank;
};

static int by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

void rank_sort(const struct rank_weights *w, const char *word, size_t len,
	       const char **cands, const unsigned long *freq, size_t k)
{
	struct scored sc[RANK_SORT_MAX];

	if (k > RANK_SORT_MAX)
		k = RANK_SORT_MAX;
	for (size_t i = 0; i < k; i++) {
		sc[i].s = cands[i];
		sc[i].rank = i;
		sc[i].score = rank_score(w, word, len, cands[i], freq[i], i);
	}
	qsort(sc, k, sizeof(*sc), by_score);
	for (size_t i = 0; i < k; i++)
		cands[i] = sc[i].s;
}

/* Upper-case the first letter, or all of them for RANK_UPPER; a
 * candidate with capitals of its own stays as it is. */
const char *rank_match_case(enum rank_case wc, const char *c, struct arena *a)
{
	char buf[4 * RANK_MAX_WORD + 16];
	int32_t i = 0, o = 0, n = (int32_t)strlen(c);
	int first = 1;

	if ((wc != RANK_CAPITALISED && wc != RANK_UPPER) ||
	    rank_case_pattern(c, (size_t)n) != RANK_LOWER)
		return c;
	while (i < n) {
		UChar32 ch;
		UBool bad = 0;

		U8_NEXT(c, i, n, ch);
		if (ch < 0)
			return c;
		if (first || wc == RANK_UPPER)
			ch = u_toupper(ch);
		first = 0;
		U8_APPEND((uint8_t *)buf, o, (int32_t)sizeof(buf) - 1, ch, bad);
		if (bad)
			return c;
	}
	return arena_strndup(a, buf, (size_t)o);
}
