/*
 * classify: what kind of unknown word a lower-case word is, for the
 * spelling pass to choose its rule and fixes -- shaped like a typo of a
 * known word, two known words run together, a term the dictionary lacks
 * (classify_shape()), or the other English dialect's spelling of a word
 * ours knows (classify_dialect_form()).
 *
 * Both ask the speller's dictionary (hunspell.h) and its suggestion index,
 * never Hunspell's suggestion search, so the answers are the same on every
 * machine and cost microseconds (the dictionary's look-ups are cached by
 * the speller).  Nothing fails.
 */
#ifndef MT_CLASSIFY_H
#define MT_CLASSIFY_H

#include <stddef.h>

#include "spelling/hunspell.h"
#include "util/arena.h"

/* ---- typo shape ------------------------------------------------------- */

enum classify_shape {
	CLASSIFY_TERM,	   /* nothing: a term the dictionary lacks */
	CLASSIFY_TYPO,	   /* a letter deleted, inserted, replaced, swapped */
	CLASSIFY_COMPOUND, /* only two known words of 3+ letters run together */
};

/*
 * Is a known word one edit away from the word w (n bytes): a letter
 * deleted, inserted, replaced or two swapped (CLASSIFY_TYPO)?  Typos have
 * that shape; technical and foreign terms the dictionary lacks
 * ("nociceptive", "montmorillonites") mostly do not (CLASSIFY_TERM).  A
 * word that only splits into two known words of three letters or more
 * ("stormlamp", "copperleaf") is CLASSIFY_COMPOUND, and *split (0 on
 * entry) is where -- of several, the pair the corpus model has most
 * (speller_attested_split()), else the first: in edited prose a closed
 * compound the dictionary lacks more often than a lost space (with a part
 * of two letters, "ofthe", it is a typo; a word of one letter stuck to a
 * known word, "alot", is one letter from it, a typo too).  Words that are not plain lower-case ASCII letters, and
 * words of fewer than two, count as typo-shaped.  The cost: one look-up
 * in the suggestion index when it can tell (speller_lower_neighbour()),
 * else about 55 dictionary look-ups a letter; then two per split point.
 */
enum classify_shape classify_shape(struct speller *sp, const char *w, size_t n,
				   size_t *split);

/* ---- dialect ---------------------------------------------------------- */

/*
 * The spelling in our dialect of w (n bytes), a word of the other English
 * dialect -- British when `british`, else American -- made by one regular
 * change (colour/color, realise/realize, centre/center, travelled/traveled,
 * ...) and known to `ours` but not to `other`, the other dialect's
 * dictionary.  A copy in `a` (valid until arena_release()), or NULL when
 * no such change gives one.
 */
char *classify_dialect_form(struct speller *ours, struct speller *other,
			    int british, const char *w, size_t n,
			    struct arena *a);

#endif /* MT_CLASSIFY_H */
