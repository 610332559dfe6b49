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

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lm/lm.h"
#include "util/arena.h"
#include "util/xalloc.h"

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

/* The corpus model, mapped on first use (speller_set_pair_model()). */
static struct lm *pair_model(struct speller *sp)
{
	struct mt_error err = { 0 };

	if (!sp->lm_tried && sp->lm_path &&
	    lm_open(sp->lm_path, &sp->lm, &err) != MT_ERR_OK)
		sp->lm = NULL;
	sp->lm_tried = 1;
	return sp->lm;
}

/*
 * The half w[0..n) of a split as a known word, into out (n + 1 bytes); 0
 * when it is none.  Of one letter, only the English words of one letter,
 * as they are written alone: "a" ("A" in a capitalised word) and "I" --
 * the dictionary lists every letter (as a noun), the corpus folds case.
 */
static int split_half(struct speller *sp, const char *w, size_t n, char *out)
{
	memcpy(out, w, n);
	out[n] = '\0';
	if (n > 1)
		return speller_spelled(sp, out, n);
	if (out[0] == 'i')
		out[0] = 'I';
	return out[0] == 'a' || out[0] == 'A' || out[0] == 'I';
}

/* How often the corpus has the pair "a b" (0 without a model). */
static uint32_t pair_count(struct speller *sp, const char *a, size_t na,
			   const char *b, size_t nb)
{
	struct lm *lm = pair_model(sp);

	return lm ? lm_bigram(lm, a, na, b, nb) : 0;
}

uint32_t speller_attested_split(struct speller *sp, const char *w, size_t n,
				char *pair, size_t *at)
{
	char a[SPELLER_MAX_WORD + 1], b[SPELLER_MAX_WORD + 1];
	uint32_t best = 0;

	if (n < 2 || n > SPELLER_MAX_WORD)
		return 0;
	for (size_t i = 1; i < n; i++) {
		uint32_t c;

		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue; /* inside a UTF-8 sequence */
		if (!split_half(sp, w, i, a) ||
		    !split_half(sp, w + i, n - i, b))
			continue;
		c = pair_count(sp, a, i, b, n - i);
		if (c < SPELLER_SPLIT_MIN_PAIR || c <= best)
			continue;
		best = c;
		*at = i;
		memcpy(pair, a, i);
		pair[i] = ' ';
		memcpy(pair + i + 1, b, n - i + 1);
	}
	return best;
}

int speller_is_split(const char *cand, const char *w, size_t n)
{
	size_t m = strlen(cand), i;

	if (m != n + 1)
		return 0;
	for (i = 0; i < n && (cand[i] | 0x20) == (w[i] | 0x20); i++)
		;
	return (cand[i] == ' ' || cand[i] == '-') && i > 0 &&
	       strncasecmp(cand + i + 1, w + i, n - i) == 0;
}

/*
 * Two words run together ("lefthander", "semipublic", "alot"): each split
 * into two words the dictionary knows, as "left hander" and, when
 * Hunspell accepts it, "left-hander"; into v (at most max); returns how
 * many.  Halves of two letters or more; a half of one letter ("a lot")
 * only when the corpus model has the pair (speller_attested_split()), and
 * only with a space.  The index's and Hunspell's checks only
 * (microseconds), not the speller's cache: the caller holds a pointer into
 * that.
 */
static size_t split_candidates(struct speller *sp, const char *w, size_t n,
			       const char **v, size_t max)
{
	char a[SPELLER_MAX_WORD + 2], b[SPELLER_MAX_WORD + 1];
	size_t k = 0;

	for (size_t i = 1; i < n && k + 2 <= max; i++) {
		int short_half = i < 2 || n - i < 2;

		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue; /* inside a UTF-8 sequence */
		if (!split_half(sp, w, i, a) ||
		    !split_half(sp, w + i, n - i, b))
			continue;
		if (short_half) {
			if (pair_count(sp, a, i, b, n - i) <
			    SPELLER_SPLIT_MIN_PAIR)
				continue;
		} else {
			memcpy(a + i + 1, b, n - i + 1);
			a[i] = '-';
			/* both halves are words: so is the hyphenated pair,
			 * where Hunspell breaks words at hyphens */
			if ((sp->ix &&
			     aff_closure_hyphen_breaks(sp->closure)) ||
			    speller_spelled(sp, a, n + 1))
				v[k++] = arena_strdup(&sp->work, a);
		}
		memcpy(a + i + 1, b, n - i + 1);
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

/* Put s at v[pos] (moving it there if it is in the list; the last one
 * drops out when the list is full). */
static void put_at(const char **v, size_t *k, size_t max, const char *s,
		   size_t pos)
{
	size_t j;

	for (j = 0; j < *k && strcmp(v[j], s) != 0; j++)
		;
	if (j == *k) {
		if (*k < max)
			(*k)++;
		j = *k - 1;
	}
	if (pos > j)
		pos = j;
	memmove(&v[pos + 1], &v[pos], (j - pos) * sizeof(*v));
	v[pos] = s;
}

/* How likely the candidate c is the word meant, as log counts of the
 * corpus minus SPLIT_EDIT_WEIGHT per unit of rank_distance() from the
 * misspelling w: a noisy channel where one edit costs a factor of
 * e^SPLIT_EDIT_WEIGHT (about 150) in frequency. */
#define SPLIT_EDIT_WEIGHT 5.0
static double channel_score(const char *w, size_t n, const char *c,
			    uint32_t count)
{
	return log1p((double)count) -
	       SPLIT_EDIT_WEIGHT * rank_distance(w, n, c, strlen(c));
}

/*
 * Words run together, after the ranking (whose fixed penalty for two
 * words keeps splits of mere shape down the list):
 *
 *  - of a split's two spellings, "x-y" goes before "x y" only when the
 *    corpus has the hyphenated word more often than the pair (unattested
 *    both: the space first, as in most open compounds);
 *  - the split the corpus attests most (speller_attested_split()) goes
 *    first when it beats the best other candidate by channel_score() --
 *    the pair's count against that word's, each less its edits ("in
 *    fact", 154 in the corpus, against "intact", 14, one key away) --
 *    else second.  One of the pair's own words is no competitor: "about"
 *    for "aboutit" would have the writer type a word's letters over.
 *    The pair's hyphenated spelling takes its place when the corpus has
 *    it more often ("long-term", 32, against "long term", 3).
 */
static void order_splits(struct speller *sp, const char *w, size_t n,
			 const char **v, size_t *k)
{
	char pair[SPELLER_MAX_WORD + 2];
	struct lm *lm = NULL;
	struct lm_word lw;
	size_t at, i, j;
	uint32_t c, hc;

	for (i = 0; i < *k; i++) {
		const char *hy = strchr(v[i], '-');
		uint32_t pc;

		if (!hy || !speller_is_split(v[i], w, n))
			continue;
		for (j = i + 1; j < *k; j++)
			if (speller_is_split(v[j], w, n) &&
			    strncmp(v[j], v[i], (size_t)(hy - v[i])) == 0 &&
			    v[j][hy - v[i]] == ' ')
				break;
		if (j == *k)
			continue;
		lm = pair_model(sp);
		hc = lm ? lm_word(lm, v[i], strlen(v[i]), &lw) : 0;
		pc = pair_count(sp, v[i], (size_t)(hy - v[i]), hy + 1,
				strlen(hy + 1));
		if (hc <= pc) {
			const char *t = v[i];

			v[i] = v[j];
			v[j] = t;
		}
	}
	c = speller_attested_split(sp, w, n, pair, &at);
	if (!c)
		return;
	lm = pair_model(sp);
	/* the best other candidate: not a split, nor one of the pair's
	 * words ("about" for "aboutit": its letters typed twice over) */
	for (j = 0; j < *k; j++)
		if (!speller_is_split(v[j], w, n) &&
		    !(strlen(v[j]) == at && strncasecmp(v[j], pair, at) == 0) &&
		    strcasecmp(v[j], pair + at + 1) != 0)
			break;
	/* the hyphenated spelling when the corpus has it more often, and
	 * it is a candidate (the dictionary takes it) */
	pair[at] = '-';
	hc = lm_word(lm, pair, n + 1, &lw);
	for (i = 0; i < *k && strcmp(v[i], pair) != 0; i++)
		;
	if (hc > c && i < *k)
		c = hc;
	else
		pair[at] = ' ';
	put_at(v, k, SPELLER_RANK_MAX, arena_strdup(&sp->work, pair),
	       j == *k || channel_score(w, n, pair, c) >
				       channel_score(w, n, v[j],
						     lm_word(lm, v[j],
							     strlen(v[j]), &lw))
		       ? 0
		       : 1);
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
	order_splits(sp, e->key, e->len, v, &k);
	/* a contraction's apostrophe left out is the likeliest slip of
	 * all ("dont"); a possessive's ("childrens") takes its rank */
	if (speller_apostrophe_form(sp, e->key, e->len, form) &&
	    speller_contraction(form))
		put_at(v, &k, SPELLER_RANK_MAX, arena_strdup(&sp->work, form),
		       0);
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

void speller_set_pair_model(struct speller *sp, const char *path)
{
	lm_close(sp->lm);
	sp->lm = NULL;
	sp->lm_tried = 0;
	free(sp->lm_path);
	sp->lm_path = path ? xstrdup(path) : NULL;
	/* the suggestions depend on it */
	gencache_each(&sp->cache, forget_ranked, NULL);
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
