/*
 * rank: how good a correction a candidate word is for a misspelling --
 * the weighted edit distance (keyboard neighbours, vowels, doubled letters,
 * swaps), a phonetic key, the case pattern -- and the order of a list of
 * candidates by that score.
 *
 * The speller (hunspell.h) ranks its suggestions with these, supplying
 * each candidate's frequency; the reference comparison weighs near-miss
 * words with rank_distance().  Plain edit counts are util/editdist.h's:
 * rank_distance() measures how likely a slip is, not how many edits.
 *
 * Words are UTF-8 and compared ignoring case, with typographic apostrophes
 * (’ ‘ ʼ) as "'".  Pure functions of their arguments (rank_match_case()
 * allocates in the arena it is given); nothing fails.  Depends on ICU's
 * character properties only.
 */
#ifndef MT_RANK_H
#define MT_RANK_H

#include <stddef.h>

#include "util/arena.h"

/* Longest word compared, in bytes (as SPELLER_MAX_WORD, hunspell.h). */
#define RANK_MAX_WORD 100

/* ---- distance --------------------------------------------------------- */

/*
 * Weighted edit distance between two UTF-8 words, ignoring case: an
 * insertion, deletion or substitution costs 1; substituting a keyboard
 * neighbour (QWERTY) or a vowel for a vowel, doubling or undoubling a
 * letter, and swapping two adjacent letters cost less.  Words longer than
 * RANK_MAX_WORD bytes, or not UTF-8, compare as very distant (1000).
 */
double rank_distance(const char *a, size_t alen, const char *b, size_t blen);

/* ---- case ------------------------------------------------------------- */

/* The case pattern of a word's letters (other characters ignored). */
enum rank_case {
	RANK_LOWER,	  /* "paris", and a word without letters */
	RANK_CAPITALISED, /* "Paris", "O'neil"; a single capital: "A" */
	RANK_UPPER,	  /* "PARIS" */
	RANK_MIXED,	  /* "McDonald", "iPhone" */
};
enum rank_case rank_case_pattern(const char *w, size_t len);

/*
 * The candidate `cand` (NUL-terminated UTF-8) in a misspelling's case
 * `wc`: "Teh" wants "The", "TEH" wants "THE"; a candidate with capitals
 * of its own ("Paris") stays.  Returns cand itself, or a copy in `a`
 * (valid until arena_release()); cand when it cannot be converted.
 */
const char *rank_match_case(enum rank_case wc, const char *cand,
			    struct arena *a);

/* ---- scoring and ordering --------------------------------------------- */

/*
 * The ranking's weights: bonus for the same phonetic key, per unit of
 * log(1 + frequency), and penalties for a capitalised suggestion of a
 * lower-case word, for a suggestion of two words, and per position in
 * the candidate list.  rank_default_weights were chosen on half of the
 * evaluation list (`make eval-spelling`, spelling-eval --tune).
 */
struct rank_weights {
	double phonetic, freq, proper, split, rank;
};
extern const struct rank_weights rank_default_weights;

/*
 * Score of `cand` (NUL-terminated) as a correction of `word` (higher is
 * better): minus rank_distance(), plus the phonetic bonus when the two
 * share a key (the first letter and the consonant classes, as Soundex
 * over the whole word: "recieve" and "receive"), plus the frequency term
 * for `freq` (the candidate's count in a frequency list), minus the case
 * and split penalties, minus the position penalty for `pos`.
 */
double rank_score(const struct rank_weights *w, const char *word, size_t len,
		  const char *cand, unsigned long freq, size_t pos);

/*
 * Reorder cands[0..k) -- candidates for `word`, freq[i] the frequency of
 * cands[i] -- best first by rank_score() with position i, the given order
 * breaking ties.  At most RANK_SORT_MAX candidates are ranked; any beyond
 * stay where they are.
 */
#define RANK_SORT_MAX 64
void rank_sort(const struct rank_weights *w, const char *word, size_t len,
	       const char **cands, const unsigned long *freq, size_t k);

#endif /* MT_RANK_H */
