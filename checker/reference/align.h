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

/*
 * Parallel or comparable.  A parallel reference translates the same text:
 * most article sentences have a counterpart, and the counterparts come in
 * the same order.  A comparable reference is another article on the same
 * event: a few sentences (quotes, key facts) have counterparts, in any
 * order.  `aligned` counts the article sentences with a counterpart,
 * `in_order` the longest run of them whose counterparts never go back
 * (a longest non-decreasing subsequence), `of` all article sentences.
 * The reference is parallel when in_order reaches ALIGN_PARALLEL_SHARE of
 * `of`.
 */
enum align_kind {
	ALIGN_KIND_AUTO = 0, /* as an option: detect */
	ALIGN_KIND_PARALLEL,
	ALIGN_KIND_COMPARABLE,
};
#define ALIGN_PARALLEL_SHARE 0.6

struct align_summary {
	enum align_kind kind;
	uint32_t aligned, in_order, of;
};

/* Summarise m (n article sentences' matches; see above).  O(n log n). */
void align_summarise(const struct align_match *m, uint32_t n,
		     struct align_summary *out);

/* "parallel" or "comparable" (NULL for ALIGN_KIND_AUTO). */
const char *align_kind_name(enum align_kind k);

#endif /* MT_ALIGN_H */
