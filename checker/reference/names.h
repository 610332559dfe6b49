/*
 * names: proper names in a document -- extraction, normal forms and an
 * index for near-miss lookup.
 *
 * Extraction.  A name is a run of capitalised word tokens (an upper-case
 * first letter, or an all-capitals acronym such as "FSB"), hyphenated
 * compounds included ("President-elect", "US-Russia").  Titles and
 * honorifics are part of the run when capitalised ("Mr Peskov", "President
 * Vladimir Putin"); a lower-case role before or after ("Kremlin spokesman
 * Dmitry Peskov", "Dmitry Peskov, a spokesman for ...") is recorded as the
 * entity's context.  A capital at the start of a sentence (or after an
 * opening quote or a colon) says nothing, so such a word counts only when
 * another capitalised word follows it or the same word is capitalised in
 * the middle of a sentence somewhere in the document (or in the `other`
 * document given); other sentence-initial capitals are still returned,
 * marked `initial`, for callers that have other evidence (an aligned
 * reference sentence).  Possessives are not part of the name: the word of
 * "Putin’s" is "Putin" (curly and straight apostrophes alike).
 *
 * Normal form (the `key`): ICU transliteration "Any-Latin; Latin-ASCII",
 * then lower case: "Peskóv" and "Песков" both become "peskov", "déjà" becomes
 * "deja".  Keys are cached per distinct word form during one extraction.
 *
 * Keys are compared with util/namesim.h (namesim_near_miss()), the one
 * name-similarity measure of mtlint; name_index finds the near misses of
 * a key without comparing every pair.
 *
 * Ownership: a names_normaliser is long-lived (opened once per checker;
 * one thread at a time).  Everything names_extract() returns lives in the
 * arena given (normally the document's).  The transliterator is opened
 * on the first non-ASCII word (it costs ICU tens of milliseconds, which
 * all-ASCII documents never pay); if ICU cannot open it (no
 * transliteration data), or cannot transliterate a word, words keep their
 * lower-case form, so names_normaliser_open() does not fail today (its
 * result is kept for a future data check).  Only this file includes ICU's
 * transliterator.
 */
#ifndef MT_NAMES_H
#define MT_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/common.h"
#include "text/document.h"

struct names_normaliser;

MT_NODISCARD enum mt_err names_normaliser_open(struct names_normaliser **out,
					       struct mt_error *err);
void names_normaliser_close(struct names_normaliser *nn);

/* The key of s[0..len) (see above), in `a`. */
const char *names_normalise(struct names_normaliser *nn, const char *s,
			    size_t len, struct arena *a);

/* One word of a name, at one place in the document. */
struct name_word {
	struct span span; /* the word without a possessive ending */
	const char *key;  /* normal form */
	uint32_t entity;  /* index into names.entities */
	uint32_t sentence;
	int initial; /* a lone capital at a sentence start that nothing else
			vouches for: maybe not a name (see above) */
};

/* One name: a run of name words. */
struct entity {
	struct span span;     /* first to last word: "Dmitry Peskov" */
	uint32_t first_word;  /* index into names.words */
	uint32_t n_words;
	uint32_t sentence;
	const char **context; /* stems of the words around: roles, titles */
	uint32_t n_context;
};

struct names {
	struct name_word *words;
	uint32_t n_words;
	struct entity *entities;
	uint32_t n_entities;
};

/*
 * The names of a segmented document.  `other` (may be NULL) is another
 * document's names whose keys also vouch for sentence-initial words.
 * Arrays and strings are in `a`.
 */
void names_extract(struct names_normaliser *nn, const struct document *doc,
		   const struct names *other, struct arena *a,
		   struct names *out);

/* Stem of a context word: lower case, at most 5 bytes ("spokesman" and
 * "spokesmen" share "spoke"); in `a`.  NULL for function words. */
const char *names_context_stem(const char *w, size_t len, struct arena *a);

/*
 * name_index: the keys of one document, indexed for near-miss lookup
 * without comparing every pair.  Each key is stored with all its
 * variants of one and two deleted letters (symmetric deletion): two keys
 * within Damerau-Levenshtein distance 2 always share a variant, so a lookup
 * visits only keys that share one.  Keys are borrowed (they must outlive
 * the index); the index's own memory is freed by name_index_free().
 */
struct name_index;

struct name_index *name_index_new(void);
void name_index_free(struct name_index *ix);
/* Add a key (once; repeats return the same id).  Ids are dense from 0. */
uint32_t name_index_add(struct name_index *ix, const char *key);
/* The id of a key, or UINT32_MAX. */
uint32_t name_index_find(const struct name_index *ix, const char *key);
const char *name_index_key(const struct name_index *ix, uint32_t id);
uint32_t name_index_count(const struct name_index *ix);
/*
 * Ids of the indexed keys that are near misses of `key`
 * (namesim_near_miss()), best first (smaller distance, then higher score),
 * into `ids` (at most max); returns their number.  `key` itself, if
 * indexed, is not among them.
 */
size_t name_index_near(const struct name_index *ix, const char *key,
		       uint32_t *ids, size_t max);

#endif /* MT_NAMES_H */
