/*
 * speller: Hunspell dictionaries, encodings, check and suggest (hunspell.c
 * is the only file that includes Hunspell's header; speller_index.c and
 * speller_suggest.c implement the suggestion index and the suggestions,
 * over the state in speller_internal.h).
 *
 * A speller wraps one Hunspell dictionary (.aff/.dic) plus the words added
 * to it at run time (project word lists, --words files), a word-frequency
 * table used to rank suggestions, and a cache keyed by the exact word of
 * check results and suggestions, bounded by bytes (SPELLER_CACHE_BYTES,
 * in two generations: util/gencache.h): the words of the text being
 * checked stay, words not seen for a whole generation go.  A cached answer
 * is the one the dictionary and the index give again, so what the cache
 * holds never changes an answer.  Open it once per checker and share it
 * among documents; it is not thread-safe (the checker serialises).
 *
 * Words go in and come out as UTF-8.  Inside, they are converted to the
 * dictionary's encoding (SET in the .aff file) with iconv; a word the
 * dictionary's encoding cannot represent is unknown and gets no
 * suggestions.  Typographic apostrophes (’ U+2019, ‘ U+2018, ʼ U+02BC) are
 * looked up as ASCII "'", so "Putin’s" and "New Year’s" are checked like
 * "Putin's"; a capitalised word known to the dictionary is also known with
 * a possessive "'s" or "s'" (names added from word lists included).
 *
 * Suggestions come from a symmetric-delete index (sugindex.h) over every
 * form the dictionary accepts (its stems expanded with their affixes by
 * Hunspell's `unmunch`, Debian hunspell-tools; without it, the stems
 * alone) plus the words added at run time: the words within two edits of
 * the misspelling, found in microseconds, re-ranked by rank.h's score: a
 * weighted edit distance (keyboard neighbours, vowel swaps, doubled
 * letters and transpositions cost less), a phonetic key (same consonant
 * skeleton), the case pattern of the misspelling, the word's frequency,
 * and the candidate's position (fewer edits, then more frequent) as a
 * tie-breaker.  SPELLER_ORDER_INDEX stops there: the same
 * answer on any machine.  SPELLER_ORDER_RANKED goes on, for a word without
 * any candidate in the index, to Hunspell's own suggestion search, which
 * is slow (tens of milliseconds) and cut by Hunspell after a quarter of a
 * second of process time, so that its answer depends on the machine.
 * SPELLER_ORDER_HUNSPELL gives Hunspell's list in its own order (for
 * comparison in `make eval`).
 *
 * The index is built on the first suggestion and kept as a file in the
 * cache directory -- $MTLINT_CACHE_DIR, else $XDG_CACHE_HOME/mtlint, else
 * $HOME/.cache/mtlint -- named after a hash of its sources (the .aff and
 * .dic files' bytes, the added words, the index format), so a changed
 * dictionary or word list gets a new index, and later processes map the
 * file instead of building it (about 0.5 s).  When no cache directory is
 * writable, the index lives in memory for the speller's life.
 *
 * Errors: opening fails with MT_ERR_DICT (dictionary not found or not
 * loadable, unknown encoding) and MT_ERR_IO (unreadable word list), with a
 * message naming the language or file.  Nothing else fails.
 */
#ifndef MT_HUNSPELL_H
#define MT_HUNSPELL_H

#include <stddef.h>
#include <stdint.h>

#include "spelling/rank.h"
#include "util/common.h"

struct speller;

/* ---- opening and closing ---------------------------------------------- */

/*
 * Find `lang`.aff/.dic ("en_US", "en_GB"; NULL means "en_US") in, in order:
 * `dict_path` (may be NULL; a directory, or several separated by ':'),
 * $DICPATH, /usr/share/hunspell, /usr/share/myspell,
 * /usr/share/myspell/dicts, /usr/local/share/hunspell, and open it.
 * On success *out owns the dictionary; free it with speller_close().
 */
MT_NODISCARD enum mt_err speller_open(const char *lang, const char *dict_path,
				      struct speller **out,
				      struct mt_error *err);

/* Open an explicit .aff/.dic pair (tests, --dict-path to a file). */
MT_NODISCARD enum mt_err speller_open_files(const char *aff, const char *dic,
					    struct speller **out,
					    struct mt_error *err);

/* Release everything.  speller_close(NULL) does nothing. */
void speller_close(struct speller *sp);

/* The .dic path that was loaded (owned by sp). */
const char *speller_dic_path(const struct speller *sp);

/* ---- adding words ----------------------------------------------------- */

/*
 * Accept `word` (UTF-8).  With `model` (a word the dictionary knows), the
 * word takes the model's affixes, so "Brexit" added with model "Paris" also
 * accepts "Brexit's".  Returns 0, or -1 when the word cannot be represented
 * in the dictionary's encoding.  Clears the caches.
 */
int speller_add(struct speller *sp, const char *word, const char *model);

/*
 * Load a word list: UTF-8, one word per line, '#' starts a comment line,
 * blank lines ignored, surrounding whitespace trimmed.  A line "word model"
 * gives that word's model; otherwise `model` (may be NULL) is used for
 * capitalised words.  Fails with MT_ERR_IO naming the file (and
 * MT_ERR_ENCODING for a line that is not UTF-8, naming the line).
 */
MT_NODISCARD enum mt_err speller_load_words(struct speller *sp,
					    const char *path, const char *model,
					    struct mt_error *err);

/*
 * Load word frequencies: lines "word<whitespace>count", '#' comments.  Later
 * entries add to earlier ones; lookups ignore case.  Fails as above.
 */
MT_NODISCARD enum mt_err speller_load_frequencies(struct speller *sp,
						  const char *path,
						  struct mt_error *err);

/*
 * The corpus model (lm.h: word and word-pair counts of the Brown corpus,
 * <data>/dictionaries/lm/en.lm) that tells a word run together from a
 * typo: "alot" is "a lot", a pair the corpus has 90 times, rather than
 * "alto" one swap away.  Only the path is kept: the model is mapped on
 * the first unknown word that splits into two known ones, so that a run
 * without one never opens it.  Without a model (NULL, or a file that
 * cannot be mapped) splits are ranked by their shape alone and halves of
 * one letter are never tried.
 */
void speller_set_pair_model(struct speller *sp, const char *path);

/*
 * The split of w (n bytes) into two known words that the corpus model
 * has most often as a pair, at least SPELLER_SPLIT_MIN_PAIR times
 * (a half of one letter is one of English's words of one letter: "a
 * lot", "I think"), into pair as "x y" (n + 2 bytes, the halves as the
 * word has them but "I"), *at where the second word begins; returns the pair's
 * count, or 0 when no split is attested so often (pair and *at then
 * untouched).  The first such split wins a tie.
 */
#define SPELLER_SPLIT_MIN_PAIR 3u
uint32_t speller_attested_split(struct speller *sp, const char *w, size_t n,
				char *pair, size_t *at);

/* Is cand the word w (n bytes) with one space or hyphen put in, case
 * ignored ("a lot", "A-lot" for "alot")? */
int speller_is_split(const char *cand, const char *w, size_t n);

/* ---- checking --------------------------------------------------------- */

/*
 * Is the word (len bytes of UTF-8, not NUL-terminated) spelled correctly?
 * 1 yes, 0 no.  Cached per exact word.  Empty or over-long words (more than
 * SPELLER_MAX_WORD bytes) are reported as known: nothing to say about them.
 */
#define SPELLER_MAX_WORD 100
/* The cache's budget, per speller (one per checker, and one for the other
 * dialect once it is needed): some 35,000 words. */
#define SPELLER_CACHE_BYTES ((size_t)4 << 20)
int speller_check(struct speller *sp, const char *word, size_t len);

/* Empty the cache and give it another budget (tests: eviction); the bytes
 * it holds now (gencache_bytes()). */
void speller_set_cache_budget(struct speller *sp, size_t bytes);
size_t speller_cache_bytes(const struct speller *sp);

/*
 * Is a word of lower-case ASCII letters one edit (a letter deleted,
 * inserted, replaced, or two neighbours swapped) away from w (n lower-case
 * ASCII letters) and known?  Answered by the suggestion index alone: 1 or
 * 0, or -1 when the index cannot tell (no index of the expanded forms, a
 * dictionary not closed for plain words: affclosure.h; w not plain lower
 * case), and the caller checks the edits itself.  Words the dictionary
 * marks NOSUGGEST, which the index leaves out, do not count.  Cached per
 * word (SPELLER_NEIGHBOURS_CACHE_BYTES; emptied when a word is added):
 * the spelling pass asks it for every unknown lower-case word.
 */
#define SPELLER_NEIGHBOURS_CACHE_BYTES ((size_t)256 << 10)
int speller_lower_neighbour(struct speller *sp, const char *w, size_t n);

/*
 * The known word w (n bytes) becomes with an apostrophe put back between
 * two of its letters -- "dont" -> "don't", "Im" -> "I'm", "theyre" ->
 * "they're", "childrens" -> "children's" -- trying the places from the
 * end (a contraction or possessive ends the word), into buf (at least
 * n + 2 bytes, NUL-terminated); its length, or 0 when no place gives a
 * known word.  The commonest slip a spelling index ranks badly: the
 * frequency list counts "don't" as "do" and "n't".  Look-ups in the
 * suggestion index only, one a place (never Hunspell, whose dictionary
 * would then load in every run with a misspelling).
 */
size_t speller_apostrophe_form(struct speller *sp, const char *w, size_t n,
			       char *buf);

/* Is the word a contraction: 'm, 've, 're, 'll, 'd or n't after its
 * (first) apostrophe, or 's after a pronoun, a wh-word, there, here or
 * let ("that's")?  After a noun 's is as often a possessive, and
 * "maintenances" is a plural made of a mass noun, not "maintenance's". */
int speller_contraction(const char *word);

/* How often the word occurs in the frequency list (0: not listed). */
unsigned long speller_frequency(const struct speller *sp, const char *word,
				size_t len);

/*
 * Stems of the word by Hunspell's morphology ("tweeted" -> "tweet",
 * "countries" -> "country"), as UTF-8 copies in `a`, at most `max` into
 * out; returns their number (0 when Hunspell finds none: an unknown word,
 * or one the dictionary's encoding cannot represent).  Cached per exact
 * word, apart from the check cache (SPELLER_STEMS_CACHE_BYTES; emptied
 * with it when a word is added): Hunspell's analysis of one word makes
 * hundreds of allocations, and the reference comparison asks for the
 * stems of every content word of every document.
 */
#define SPELLER_STEMS_CACHE_BYTES ((size_t)1 << 20)
struct arena;
size_t speller_stems(struct speller *sp, const char *word, size_t len,
		     struct arena *a, const char **out, size_t max);

/* ---- suggesting ------------------------------------------------------- */

enum speller_order {
	/* mtlint's ranking of the index's candidates (the default); Hunspell's
	 * search when the index has none */
	SPELLER_ORDER_RANKED,
	SPELLER_ORDER_HUNSPELL, /* Hunspell's own list and order */
	/* as RANKED, but never Hunspell's search: nothing when the index has
	 * no candidate */
	SPELLER_ORDER_INDEX,
	SPELLER_N_ORDERS
};

/*
 * Suggestions for the word, best first, at most SPELLER_MAX_SUGGESTIONS.
 * *out points to UTF-8 strings owned by the speller, valid until the next
 * call to speller_suggest() or speller_close(): copy what you keep.
 * Cached per exact word.
 * Returns the count (0: none, *out NULL).
 */
#define SPELLER_MAX_SUGGESTIONS 10
size_t speller_suggest(struct speller *sp, const char *word, size_t len,
		       enum speller_order order, const char *const **out);

/* The suggestion index: how it was opened, for tests and `make bench`. */
struct speller_index_stats {
	int opened;	 /* 0 not yet, 1 mapped from the cache, 2 built */
	int expanded;	 /* built from unmunch's expansion (else stems) */
	size_t words;	 /* distinct words indexed */
	double build_ms; /* time to build (or map) it */
	char path[512];	 /* the cache file ("" when kept in memory) */
};
void speller_index_stats(const struct speller *sp,
			 struct speller_index_stats *out);

/*
 * The ranking's weights (rank.h; rank_default_weights when opened).
 * Tuning only: speller_set_weights() forgets cached suggestions
 * (Hunspell's lists are kept only in them, so they are asked again).
 */
void speller_set_weights(struct speller *sp, const struct rank_weights *w);

/*
 * Reorder cands[0..k) -- candidates for `word` in Hunspell's order -- best
 * first by rank_score() with the speller's weights and frequencies,
 * Hunspell's order breaking ties.  At most SPELLER_RANK_MAX candidates are
 * ranked; any beyond stay where they are.
 */
#define SPELLER_RANK_MAX RANK_SORT_MAX
void speller_rank(const struct speller *sp, const char *word, size_t len,
		  const char **cands, size_t k);

#endif /* MT_HUNSPELL_H */
