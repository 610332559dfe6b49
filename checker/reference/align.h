/*
 * align: which reference sentence says what each article sentence says.
 *
 * Each sentence is reduced to the set of character trigrams of its
 * normalised form (ASCII letters lower-cased, runs of anything that is not
 * a letter or digit made one space, padded with a space at both ends), and
 * two sentences are as similar as the Dice coefficient of their sets:
 * 2 |A n B| / (|A| + |B|), in [0, 1].  Character n-grams survive the
 * inflection and word-order changes machine translation makes, and a name
 * misspelt in one place still shares most of its trigrams.
 *
 * An inverted index (trigram -> reference sentences holding it) makes the
 * alignment linear in the total size of the postings visited, never an
 * all-pairs comparison of tokens.  Trigrams found in more than
 * ALIGN_MAX_DF reference sentences ("stop-grams": " th", "ing" in a long
 * text) say little about which sentence is which and would make that size
 * grow with the square of the document: they are left out of both sets,
 * so each article trigram visits at most ALIGN_MAX_DF postings.  A
 * reference of up to ALIGN_MAX_DF sentences (some 2,000 words) is compared
 * on all its trigrams.
 *
 * Results live in the arena given (normally the article's); the documents
 * must be segmented.  Nothing fails but memory, which exits.
 */
#ifndef MT_ALIGN_H
#define MT_ALIGN_H

#include <stdint.h>

#include "util/arena.h"
#include "text/document.h"

#define ALIGN_NONE UINT32_MAX
#define ALIGN_MAX_DF 100

/* Best counterparts of one article sentence. */
struct align_match {
	uint32_t ref;	 /* best reference sentence, or ALIGN_NONE */
	uint32_t second; /* runner-up, or ALIGN_NONE */
	float score, second_score; /* Dice in [0, 1] */
};

/* Below this best score, an article sentence has no counterpart. */
#define ALIGN_MIN_SCORE 0.30f

/*
 * Align every sentence of doc (doc->n_sentences entries, in order) with
 * ref's sentences.  Returns an array in `a`; with no reference sentence
 * every entry is ALIGN_NONE with score 0.
 */
struct align_match *align_sentences(const struct document *doc,
				    const struct document *ref,
				    struct arena *a);

/*
 * Dice similarity of two arbitrary strings, as above (for tests and for
 * comparing two short contexts).
 */
double align_similarity(const char *a, size_t a_len, const char *b,
			size_t b_len);

#endif /* MT_ALIGN_H */
