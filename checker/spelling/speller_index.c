/*
 * speller_index: the speller's suggestion index (see speller_internal.h
 * and, for what users see, hunspell.h).
 *
 * The index (sugindex.h) holds every form the dictionary accepts --
 * unmunch's expansion of its stems, each confirmed by Hunspell -- and the
 * words added at run time.  Its cache file is named after a hash of those
 * sources, so a changed dictionary or word list gets a new one; a process
 * maps the file when it is there and builds (and writes) it otherwise.
 * Checking asks it first: a word it holds is known without Hunspell, and
 * with a dictionary closed for plain words (affclosure.h) a plain word it
 * lacks is unknown.
 */
#include "spelling/speller_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "spelling/unmunch.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* Bump when what goes into the index changes (not its file format: that
 * is sugindex.c's VERSION). */
#define INDEX_SOURCES "mtlint suggestion index sources 2"

/*
 * Hash of everything the index is made of (see hunspell.h); and, read from
 * the same sources, whether a plain word the expanded index lacks is
 * unknown (sp->closure, affclosure.h).
 */
static uint64_t index_hash(struct speller *sp, int expanded)
{
	uint64_t h = HASH_INIT;
	const char *files[] = { sp->aff_path, sp->dic_path };
	struct buf b[2] = { BUF_INIT, BUF_INIT };

	h = hash_bytes(h, INDEX_SOURCES, sizeof(INDEX_SOURCES));
	h = hash_bytes(h, &expanded, sizeof(expanded));
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		if (buf_read_file(&b[i], files[i], 0) == 0)
			h = hash_block(h, b[i].buf, b[i].len);
		h = hash_bytes(h, "\n--\n", 4);
	}
	aff_closure_free(sp->closure);
	sp->closure = NULL;
	if (expanded && b[0].len && b[1].len)
		sp->closure = aff_closure_open(b[0].buf, b[0].len, b[1].buf,
					       b[1].len, sp->added_model,
					       sp->n_added);
	buf_release(&b[0]);
	buf_release(&b[1]);
	for (size_t i = 0; i < sp->n_added; i++)
		h = hash_bytes(h, sp->added[i], strlen(sp->added[i]) + 1);
	return h;
}

struct forms {
	struct speller *sp;
	struct arena a;
	const char **v;
	size_t n, alloc;
};

/* One form from unmunch (dictionary encoding): kept when Hunspell accepts
 * it, in UTF-8. */
static void add_form(void *arg, const char *word)
{
	struct forms *f = arg;
	char *u = speller_accepted_form(f->sp, word, &f->a);

	if (!u)
		return;
	f->v = xgrow(f->v, &f->alloc, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = u;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The dictionary's name, the start of its index files' names ("en_US"
 * for .../en_US.dic): *len gets its length. */
static const char *dict_stem(const struct speller *sp, int *len)
{
	const char *stem = strrchr(sp->dic_path, '/');

	stem = stem ? stem + 1 : sp->dic_path;
	*len = (int)strcspn(stem, ".");
	return stem;
}

/* The cache file of the index for hash h, in path (cap bytes); 0, or -1
 * when there is no cache directory. */
static int index_path(const struct speller *sp, uint64_t h, char *path,
		      size_t cap)
{
	char dir[400];
	int n;
	const char *stem = dict_stem(sp, &n);

	if (mt_cache_dir(dir, sizeof(dir)) != 0)
		return -1;
	snprintf(path, cap, "%s/%.*s-%016llx.sugidx", dir, n, stem,
		 (unsigned long long)h);
	return 0;
}

/* A new index was written to path: remove the same dictionary's indexes
 * of earlier word lists and versions that no run has used for a month. */
static void prune_stale(const struct speller *sp, const char *dir,
			const char *path)
{
	int n;
	const char *stem = dict_stem(sp, &n);
	char prefix[128];

	snprintf(prefix, sizeof(prefix), "%.*s-", n, stem);
	mt_cache_prune(dir, prefix, ".sugidx", path);
}

/* Map the cached index when its file is there; 1 when mapped. */
static int index_map(struct speller *sp)
{
	struct speller_index_stats *st = &sp->ix_stats;
	int expanded = unmunch_available();
	uint64_t h = index_hash(sp, expanded);
	double t0 = now_ms();
	struct mt_error err = { 0 };
	char path[sizeof(st->path)];

	if (index_path(sp, h, path, sizeof(path)) != 0 ||
	    sugindex_map(path, h, &sp->ix, &err) != MT_ERR_OK)
		return 0;
	mt_cache_used(path);
	memset(st, 0, sizeof(*st));
	st->opened = 1;
	st->expanded = expanded;
	snprintf(st->path, sizeof(st->path), "%s", path);
	st->build_ms = now_ms() - t0;
	st->words = sugindex_size(sp->ix);
	return 1;
}

/* Build the index (and cache it when possible): needs Hunspell. */
static void index_build(struct speller *sp)
{
	struct speller_index_stats *st = &sp->ix_stats;
	char dir[400], path[sizeof(st->path)];
	int expanded = unmunch_available(), have_dir;
	uint64_t h = index_hash(sp, expanded);
	double t0 = now_ms();
	struct mt_error err = { 0 };
	struct forms f = { .sp = sp };

	memset(st, 0, sizeof(*st));
	have_dir = mt_cache_dir(dir, sizeof(dir)) == 0 &&
		   index_path(sp, h, path, sizeof(path)) == 0;
	arena_init(&f.a, 0);
	st->expanded = unmunch_each(sp->aff_path, sp->dic_path,
				    have_dir ? dir : NULL, add_form, &f) == 1;
	for (size_t i = 0; i < sp->n_added; i++) {
		f.v = xgrow(f.v, &f.alloc, f.n + 1, sizeof(*f.v));
		f.v[f.n++] = sp->added[i];
	}
	sp->ix = sugindex_build(f.v, f.n, h);
	st->opened = 2;
	/* a forms list from a failed unmunch must not be cached as the
	 * expanded one: the hash said "expanded" */
	if (have_dir && st->expanded == expanded &&
	    sugindex_write(sp->ix, path, &err) == MT_ERR_OK) {
		snprintf(st->path, sizeof(st->path), "%s", path);
		prune_stale(sp, dir, path);
	}
	free(f.v);
	arena_release(&f.a);
	st->build_ms = now_ms() - t0;
	st->words = sugindex_size(sp->ix);
}

void speller_index_open(struct speller *sp)
{
	if (!sp->ix && !index_map(sp))
		index_build(sp);
	sp->ix_tried = 1;
}

/*
 * A yes counts here: every indexed form is one Hunspell accepts, and so
 * are the capitalised and upper-case forms of an indexed word ("The",
 * "THE", "PARIS") unless the .aff file says otherwise (read_aff_head() in
 * hunspell.c).  A no is speller_index_unknown()'s or Hunspell's to
 * confirm.
 */
int speller_index_known(struct speller *sp, const char *w, size_t n)
{
	char low[4 * SPELLER_MAX_WORD + 16];
	size_t ln;
	enum rank_case cp;

	if (!sp->ix && !sp->ix_tried) {
		sp->ix_tried = 1;
		index_map(sp);
	}
	if (!sp->ix)
		return 0;
	if (sugindex_has(sp->ix, w, n))
		return 1;
	cp = sp->case_ok ? rank_case_pattern(w, n) : RANK_LOWER;
	if (cp != RANK_CAPITALISED && cp != RANK_UPPER)
		return 0;
	ln = sugindex_fold(w, n, low, sizeof(low));
	if (ln == (size_t)-1)
		return 0;
	if (sugindex_has(sp->ix, low, ln))
		return 1;
	if (cp == RANK_UPPER) { /* "PARIS": is "Paris" indexed? */
		const char *c = rank_match_case(RANK_CAPITALISED, low,
						&sp->work);

		return sugindex_has(sp->ix, c, strlen(c));
	}
	return 0;
}

/*
 * The index for a word the dictionary may not know: the cached one, or,
 * with no cached index yet, one built and cached now (once for all runs)
 * rather than load Hunspell, which a build needs anyway, for this word
 * and again in every later run.  1 when it was built now.  Every question
 * about an unknown word goes through here, so that the first run, with an
 * empty cache, answers as every later one does.
 */
static int index_for_unknown(struct speller *sp)
{
	char dir[400];

	if (!sp->ix && !sp->ix_tried) {
		sp->ix_tried = 1;
		index_map(sp);
	}
	if (sp->ix || sp->ix_built || mt_cache_dir(dir, sizeof(dir)) != 0)
		return 0;
	sp->ix_built = 1;
	index_build(sp);
	return 1;
}

/*
 * Only for a plain word in lower case or capitalised (when capitalised
 * forms go with their lower-case one), with an index of the expanded forms and a dictionary that accepts
 * no other plain words (affclosure.h).  Mixed and upper case ("McDONALD",
 * "MCDONALD" for "McDonald") are Hunspell's to judge.
 */
int speller_index_unknown(struct speller *sp, const char *w, size_t n)
{
	enum rank_case cp;

	if (index_for_unknown(sp) && speller_index_known(sp, w, n))
		return 0;
	if (!sp->ix || !sp->closure || !sp->ix_stats.expanded ||
	    aff_closure_open_to(sp->closure, w, n))
		return 0;
	cp = rank_case_pattern(w, n);
	return cp == RANK_LOWER || (cp == RANK_CAPITALISED && sp->case_ok);
}

/* speller_lower_neighbour() of a plain lower-case word by the index,
 * which must be there. */
static int lower_neighbour(struct speller *sp, const char *w, size_t n)
{
	struct sugindex_hit hits[64];
	size_t k;

	k = sugindex_lookup(sp->ix, w, n, 1, hits, ARRAY_SIZE(hits));
	for (size_t i = 0; i < k; i++) {
		int plain = hits[i].dist == 1;

		for (uint32_t j = 0; plain && j < hits[i].len; j++)
			plain = hits[i].word[j] >= 'a' &&
				hits[i].word[j] <= 'z';
		if (plain)
			return 1;
	}
	/* the list may have been cut before the plain ones */
	return k == ARRAY_SIZE(hits) ? -1 : 0;
}

int speller_lower_neighbour(struct speller *sp, const char *w, size_t n)
{
	size_t vlen;
	const signed char *v;
	signed char r;

	if (n == 0 || n > SPELLER_MAX_WORD)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return -1;
	index_for_unknown(sp);
	/* only an index of every form, of a dictionary closed for plain
	 * words, knows all the plain words Hunspell accepts; the answers are
	 * the index's, kept while it stays (a word added drops both) */
	if (!sp->ix || !sp->closure || !sp->ix_stats.expanded)
		return -1;
	v = gencache_get(&sp->neighbours, w, n, &vlen);
	if (v)
		return *v;
	r = (signed char)lower_neighbour(sp, w, n);
	gencache_put(&sp->neighbours, w, n, &r, 1);
	return r;
}

void speller_index_forget(struct speller *sp)
{
	sugindex_close(sp->ix);
	sp->ix = NULL;
	aff_closure_free(sp->closure);
	sp->closure = NULL;
	sp->ix_tried = 0;
	sp->ix_built = 0;
	sp->ix_stats.opened = 0;
}

void speller_index_stats(const struct speller *sp,
			 struct speller_index_stats *out)
{
	*out = sp->ix_stats;
}
