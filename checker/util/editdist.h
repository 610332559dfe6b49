/*
 * editdist: the optimal string alignment distance, the one plain edit
 * distance of mtlint.
 *
 * Optimal string alignment (restricted Damerau-Levenshtein): the fewest
 * insertions, deletions, substitutions and transpositions of two adjacent
 * symbols that turn a into b, no substring edited twice ("ca" -> "abc" is
 * 3, not 2). Each edit costs 1. Names compare their ASCII keys with it
 * (namesim.h), the suggestion index its folded code points (sugindex.h).
 * The speller's ranking weighs edits by keyboard and vowel neighbours
 * instead: that is rank_distance() (spelling/rank.h), a measure of
 * how likely a slip is, not a count of edits.
 *
 * Both functions stop as soon as the distance must exceed `max` and then
 * return max + 1; a small max makes them cheap (a row whose least value
 * is over max ends the search). Pure functions of their arguments;
 * memory beyond a few hundred symbols is allocated (xalloc: exits when
 * exhausted). Depends on nothing but libc.
 */
#ifndef MT_EDITDIST_H
#define MT_EDITDIST_H

#include <stddef.h>
#include <stdint.h>

/* The distance between code point (or any symbol) arrays a[0..n) and
 * b[0..m), or max + 1 when it is over max. */
unsigned editdist_osa(const int32_t *a, size_t n, const int32_t *b, size_t m,
		      unsigned max);

/* The same between byte strings (each byte a symbol: for ASCII text). */
unsigned editdist_osa_bytes(const char *a, size_t n, const char *b, size_t m,
			    unsigned max);

#endif /* MT_EDITDIST_H */
