/*
 * speller_internal: the state of a speller (hunspell.h), shared by the
 * files that implement it; internal to checker/spelling/ (nothing but
 * those three files includes it).
 *
 *   hunspell.c        the Hunspell wrapper: opening, encodings, added
 *                     words and lists, frequencies, the per-word cache,
 *                     checking, stems, Hunspell's own suggestions (the
 *                     only file that includes hunspell/hunspell.h)
 *   speller_index.c   the suggestion index of everything the dictionary
 *                     accepts: its cache file, mapped or built, and what
 *                     it says about a word (known, unknown, a neighbour)
 *   speller_suggest.c suggestions: the index's candidates and two words
 *                     run together, ranked (rank.h), kept in the cache
 *
 * Ownership: the speller owns everything reachable from it.  The cache
 * (util/gencache.h) holds each word as one value: a struct sval, then the
 * strings of each order it has (speller_entry_get(), speller_entry_put()).
 * The word being worked on -- its decoded entry, Hunspell's and the
 * index's candidates, case-matched copies -- lives in the work arena,
 * emptied by each speller_suggest(); what speller_suggest() hands out is
 * copied into the out arena.  The added words and their models live in
 * added_arena for the speller's life.  Not thread-safe.
 */
#ifndef MT_SPELLER_INTERNAL_H
#define MT_SPELLER_INTERNAL_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>

#include "spelling/affclosure.h"
#include "spelling/hunspell.h"
#include "spelling/rank.h"
#include "spelling/sugindex.h"
#include "util/arena.h"
#include "util/gencache.h"
#include "util/strtab.h"

/* One word as the speller works on it: its check result (-1 not asked
 * yet) and, once asked, its suggestions in each order. */
struct entry {
	const char *key;
	uint32_t len;
	int8_t known;
	uint8_t have_sug[SPELLER_N_ORDERS];
	uint8_t n_sug[SPELLER_N_ORDERS];
	const char **sug[SPELLER_N_ORDERS];
};

/* A word's value in the cache, followed by the strings of each order it
 * has, each NUL-terminated. */
struct sval {
	int8_t known; /* -1: not asked */
	uint8_t have_sug[SPELLER_N_ORDERS];
	uint8_t n_sug[SPELLER_N_ORDERS]; /* strings that follow, by order */
};

struct Hunhandle; /* Hunspell's handle: hunspell.c's alone */
struct lm;

struct speller {
	struct Hunhandle *h; /* loaded on first use: hunspell.c's hun() */
	char *dic_path;
	int utf8; /* dictionary encoding is UTF-8: no iconv */
	iconv_t to_dic, from_dic;
	struct gencache cache; /* word -> struct sval and strings */
	struct arena work;     /* the entry being filled: its strings */
	struct arena out;      /* what speller_suggest() handed out last */
	struct arena freq_arena;
	struct strtab freq;    /* lower-case word -> id */
	unsigned long *counts; /* by id */
	size_t alloc_counts;
	struct rank_weights w;
	/* the suggestion index (sugindex.h), opened on the first suggestion;
	 * the words added at run time are part of its sources */
	char *aff_path;
	struct sugindex *ix;
	const char **added, **added_model;
	size_t n_added, alloc_added, alloc_added_model;
	const char *last_model; /* the latest model kept (added_arena) */
	int ix_tried;		/* the cached index was looked for (checking) */
	int case_ok;		/* capitalised forms of known words are known */
	/* with the index: plain words it lacks are unknown (affclosure.h) */
	struct aff_closure *closure;
	int ix_built; /* the index was built for an unknown word */
	struct arena added_arena;
	struct speller_index_stats ix_stats;
	/* word -> its stems (speller_stems()): a count byte, then each
	 * stem NUL-terminated */
	struct gencache stems;
	/* word -> speller_lower_neighbour()'s answer (one signed byte) */
	struct gencache neighbours;
	/* the corpus model of word pairs (lm.h), mapped on the first word
	 * run together that needs it (speller_set_pair_model()) */
	char *lm_path;
	struct lm *lm;
	int lm_tried;
};

/* ---- hunspell.c ------------------------------------------------------- */

/*
 * Copy the word with typographic apostrophes made ASCII: "Putin’s" is
 * looked up as "Putin's".  out must hold len + 1 bytes; returns the length.
 */
size_t speller_normalise(const char *w, size_t len, char *out);

/*
 * The cached entry for word (w, len), decoded into *e: its strings point
 * into the cache's value (valid until the next gencache call), its arrays
 * are in the work arena.  Not cached: known -1, nothing else.  Returns the
 * value, or NULL when the word is not cached.
 */
struct sval *speller_entry_get(struct speller *sp, const char *w, size_t len,
			       struct entry *e);

/* Store *e in the cache (its strings copied: they may point anywhere). */
void speller_entry_put(struct speller *sp, const struct entry *e);

/* Is the NUL-terminated normalised word w (n bytes) spelled right: by the
 * index when it can tell, else by Hunspell.  Not cached. */
int speller_spelled(struct speller *sp, const char *w, size_t n);

/*
 * `word`, in the dictionary's encoding (a form unmunch made), converted
 * to UTF-8 in `a` when Hunspell accepts it and it is at most
 * SPELLER_MAX_WORD bytes; NULL otherwise.  Loads Hunspell.
 */
char *speller_accepted_form(struct speller *sp, const char *word,
			    struct arena *a);

/*
 * Hunspell's suggestions for the word (len bytes of UTF-8), converted to
 * UTF-8 in the work arena, in Hunspell's order, at most max into out;
 * returns how many.  Slow (Hunspell's search: tens of milliseconds, cut
 * after a quarter of a second of process time).
 */
size_t speller_hunspell_suggest(struct speller *sp, const char *word,
				size_t len, const char **out, size_t max);

/* ---- speller_index.c -------------------------------------------------- */

/*
 * Does the index say the word (normalised, n bytes) is known?  Only a
 * cached index is used (mapped in microseconds; a known word never builds
 * one), and only a yes counts.
 */
int speller_index_known(struct speller *sp, const char *w, size_t n);

/*
 * Does the index say the word is unknown?  Builds and caches the index
 * when none is cached yet, so that the first run answers as later ones
 * do; only for plain words of a dictionary closed for them
 * (affclosure.h), else 0 and Hunspell judges.
 */
int speller_index_unknown(struct speller *sp, const char *w, size_t n);

/* The index for suggestions: mapped from the cache, or built. */
void speller_index_open(struct speller *sp);

/* Close the index and forget it was looked for: the next question maps or
 * builds it again (its sources changed: a word was added). */
void speller_index_forget(struct speller *sp);

#endif /* MT_SPELLER_INTERNAL_H */
