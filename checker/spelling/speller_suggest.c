/*
 * speller_suggest: the speller's suggestions (see hunspell.h; the state
 * is speller_internal.h's).
 *
 * Candidates come from the suggestion index (speller_index.c: the words
 * within two edits, in microseconds) and from splitting the word in two
 * known words; rank.h orders them.  Only SPELLER_ORDER_RANKED falls back
 * to Hunspell's own search (hunspell.c), for a word the index has no
 * candidate for.  Each order's answer is kept in the word's cache entry.
 */
#include "spelling/speller_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/arena.h"

/* Copy the first cnt of v into the cache arena as order o of e. */
static void keep_order(struct speller *sp, struct entry *e, int o,
		       const char *const *v, size_t cnt)
{
	e->sug[o] = arena_alloc(&sp->work, (cnt ? cnt : 1) * sizeof(char *));
	for (size_t i = 0; i < cnt; i++)
		e->sug[o][i] = v[i];
	e->n_sug[o] = (uint8_t)cnt;
	e->have_sug[o] = 1;
}

/* Hunspell's suggestions for the word, in its order, into e. */
static void fill_hunspell(struct speller *sp, struct entry *e)
{
	const char *v[SPELLER_RANK_MAX];
	size_t k = speller_hunspell_suggest(sp, e->key, e->len, v,
					    ARRAY_SIZE(v));

	/* all of them (up to SPELLER_RANK_MAX): the ranked fallback of
	 * fill_index() re-ranks the whole list, speller_suggest() hands out
	 * at most SPELLER_MAX_SUGGESTIONS */
	keep_order(sp, e, SPELLER_ORDER_HUNSPELL, v, k);
}

struct cand {
	const char *s;
	uint32_t dist;
	unsigned long freq;
	size_t pos; /* index order */
};

/* Fewer edits first, then more frequent, then index order. */
static int by_edits(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->freq != b->freq)
		return a->freq > b->freq ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/*
 * Two words run together ("lefthander", "semipublic"): each split into
 * two words Hunspell knows, of two letters or more, as "left hander" and,
 * when Hunspell accepts it, "left-hander"; into v (at most max); returns
 * how many.  The index's and Hunspell's checks only (microseconds), not
 * the speller's cache: the caller holds a pointer into that.
 */
static size_t split_candidates(struct speller *sp, const char *w, size_t n,
			       const char **v, size_t max)
{
	char a[SPELLER_MAX_WORD + 2];
	size_t k = 0;

	for (size_t i = 2; i + 2 <= n && k + 2 <= max; i++) {
		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue; /* inside a UTF-8 sequence */
		memcpy(a, w, i);
		a[i] = '\0';
		if (!speller_spelled(sp, a, i) ||
		    !speller_spelled(sp, w + i, n - i))
			continue;
		memcpy(a + i + 1, w + i, n - i + 1);
		a[i] = '-';
		/* both halves are words: so is the hyphenated pair, where
		 * Hunspell breaks words at hyphens */
		if ((sp->ix && aff_closure_hyphen_breaks(sp->closure)) ||
		    speller_spelled(sp, a, n + 1))
			v[k++] = arena_strdup(&sp->work, a);
		a[i] = ' ';
		v[k++] = arena_strdup(&sp->work, a);
	}
	return k;
}

static int ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Is w, a word with an apostrophe put back, a form the index holds (as
 * written, or capitalised: "They're")?  The index alone, opened (or
 * built) as the suggestions open it, so that a first run answers as later
 * ones do: asking Hunspell would load its dictionary (50 ms) in a run
 * that otherwise never needs it. */
static int apostrophe_known(struct speller *sp, const char *w, size_t n)
{
	if (!sp->ix)
		speller_index_open(sp);
	return speller_index_known(sp, w, n);
}

size_t speller_apostrophe_form(struct speller *sp, const char *w, size_t n,
			       char *buf)
{
	if (n < 2 || n > SPELLER_MAX_WORD)
		return 0;
	for (size_t i = n - 1; i >= 1; i--) {
		if (!ascii_letter(w[i - 1]) || !ascii_letter(w[i]))
			continue;
		memcpy(buf, w, i);
		buf[i] = '\'';
		memcpy(buf + i + 1, w + i, n - i);
		buf[n + 1] = '\0';
		if (apostrophe_known(sp, buf, n + 1))
			return n + 1;
	}
	return 0;
}

int speller_contraction(const char *word)
{
	static const char *const clitics[] = { "m", "ve", "re", "ll", "d", "t" };
	/* the words whose "'s" is "is" or "has" (or "us"), never a plural
	 * slip: pronouns, wh-words, there/here, let */
	static const char *const s_hosts[] = {
		"it",	    "that",	"this",	     "there",  "here",
		"what",	    "who",	"where",     "when",   "how",
		"he",	    "she",	"let",	     "one",    "someone",
		"somebody", "everyone", "everybody", "nobody",
	};
	const char *after = strchr(word, '\'');
	size_t n;

	if (!after)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(clitics); i++)
		if (!strcmp(after + 1, clitics[i]))
			return 1;
	if (strcmp(after + 1, "s") != 0)
		return 0;
	n = (size_t)(after - word);
	for (size_t i = 0; i < ARRAY_SIZE(s_hosts); i++)
		if (strlen(s_hosts[i]) == n &&
		    !strncasecmp(word, s_hosts[i], n))
			return 1;
	return 0;
}

/* Put s first in v[0..*k) (moving it there if it is in the list; the
 * last one drops out when the list is full). */
static void put_first(const char **v, size_t *k, size_t max, const char *s)
{
	size_t j;

	for (j = 0; j < *k && strcmp(v[j], s) != 0; j++)
		;
	if (j == *k) {
		if (*k < max)
			(*k)++;
		j = *k - 1;
	}
	memmove(&v[1], &v[0], j * sizeof(*v));
	v[0] = s;
}

/* The index's candidates for e's word, the best SPELLER_RANK_MAX by
 * by_edits(), in the word's case, distinct, into v; returns how many. */
static size_t index_candidates(struct speller *sp, const struct entry *e,
			       const char **v)
{
	char norm[SPELLER_MAX_WORD + 1];
	struct sugindex_hit hits[512];
	struct cand c[ARRAY_SIZE(hits)];
	size_t n, nl, k = 0;
	enum rank_case wc;

	if (!sp->ix)
		speller_index_open(sp);
	nl = speller_normalise(e->key, e->len, norm);
	n = sugindex_lookup(sp->ix, norm, nl, SUGINDEX_MAX_DIST, hits,
			    ARRAY_SIZE(hits));
	for (size_t i = 0; i < n; i++)
		c[i] = (struct cand){
			hits[i].word, hits[i].dist,
			speller_frequency(sp, hits[i].word, hits[i].len), i
		};
	qsort(c, n, sizeof(*c), by_edits);
	wc = rank_case_pattern(e->key, e->len);
	for (size_t i = 0; i < n && k < SPELLER_RANK_MAX; i++) {
		const char *s = rank_match_case(wc, c[i].s, &sp->work);
		size_t j;

		for (j = 0; j < k && strcmp(v[j], s) != 0; j++)
			;
		if (j == k)
			v[k++] = s;
	}
	return k + split_candidates(sp, norm, nl, v + k, SPELLER_RANK_MAX - k);
}

/*
 * Ranked suggestions into e's order o: the index's candidates, or when it
 * has none and o is SPELLER_ORDER_RANKED, Hunspell's list.
 */
static void fill_index(struct speller *sp, struct entry *e, int o)
{
	const char *v[SPELLER_RANK_MAX];
	char form[SPELLER_MAX_WORD + 2];
	size_t k = index_candidates(sp, e, v);

	if (!k && o == SPELLER_ORDER_RANKED) {
		if (!e->have_sug[SPELLER_ORDER_HUNSPELL])
			fill_hunspell(sp, e);
		k = e->n_sug[SPELLER_ORDER_HUNSPELL];
		memcpy(v, e->sug[SPELLER_ORDER_HUNSPELL], k * sizeof(*v));
	}
	speller_rank(sp, e->key, e->len, v, k);
	/* a contraction's apostrophe left out is the likeliest slip of
	 * all ("dont"); a possessive's ("childrens") takes its rank */
	if (speller_apostrophe_form(sp, e->key, e->len, form) &&
	    speller_contraction(form))
		put_first(v, &k, SPELLER_RANK_MAX,
			  arena_strdup(&sp->work, form));
	/* "government" and "Government" are one suggestion: the better */
	for (size_t i = 0, j; i < k;) {
		for (j = 0; j < i && strcasecmp(v[j], v[i]) != 0; j++)
			;
		if (j < i)
			memmove(&v[i], &v[i + 1], (--k - i) * sizeof(*v));
		else
			i++;
	}
	keep_order(sp, e, o, v,
		   k < SPELLER_MAX_SUGGESTIONS ? k : SPELLER_MAX_SUGGESTIONS);
}

void speller_rank(const struct speller *sp, const char *word, size_t len,
		  const char **cands, size_t k)
{
	unsigned long freq[SPELLER_RANK_MAX];

	for (size_t i = 0; i < k && i < SPELLER_RANK_MAX; i++)
		freq[i] = speller_frequency(sp, cands[i], strlen(cands[i]));
	rank_sort(&sp->w, word, len, cands, freq, k);
}

static void forget_ranked(void *val, size_t vlen, void *arg)
{
	struct sval *v = val;

	(void)vlen;
	(void)arg;
	v->have_sug[SPELLER_ORDER_RANKED] = 0;
	v->have_sug[SPELLER_ORDER_INDEX] = 0;
}

void speller_set_weights(struct speller *sp, const struct rank_weights *w)
{
	sp->w = *w;
	/* Hunspell's own lists stay: ranking does not change them */
	gencache_each(&sp->cache, forget_ranked, NULL);
}

size_t speller_suggest(struct speller *sp, const char *word, size_t len,
		       enum speller_order order, const char *const **out)
{
	struct entry e;
	int o = (int)order, filled;
	const char **v;
	size_t n;

	*out = NULL;
	arena_release(&sp->out);
	if (len == 0 || len > SPELLER_MAX_WORD || o < 0 ||
	    o >= SPELLER_N_ORDERS)
		return 0;
	arena_release(&sp->work);
	speller_entry_get(sp, word, len, &e);
	filled = !e.have_sug[o];
	if (filled) {
		/* the work uses the index and Hunspell, not the cache: e's
		 * strings stay valid until speller_entry_put() */
		if (o == SPELLER_ORDER_HUNSPELL)
			fill_hunspell(sp, &e);
		else
			fill_index(sp, &e, o);
	}
	n = e.n_sug[o];
	if (n > SPELLER_MAX_SUGGESTIONS)
		n = SPELLER_MAX_SUGGESTIONS;
	/* copies of their own: the cache may move its copy */
	v = arena_alloc(&sp->out, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = arena_strdup(&sp->out, e.sug[o][i]);
	if (filled)
		speller_entry_put(sp, &e);
	arena_release(&sp->work);
	if (!n)
		return 0;
	*out = v;
	return n;
}
