/*
 * namesim: how alike two names are -- the one measure behind every
 * "near miss" of a name: the reference comparison (a name of the article
 * close to one of the reference), names.inconsistent (one name spelt two
 * ways in an article) and spelling.misspelled-name (an unknown capitalised
 * word close to a known name).
 *
 * Keys are lower-case ASCII (names.h makes them with ICU's
 * transliteration; the spelling pass lower-cases Latin words). The
 * measures: the optimal string alignment distance (editdist.h) and
 * Jaro-Winkler similarity (prefix scale 0.1, up to 4 letters), combined
 * by namesim_near_miss() with a threshold that grows with the length of
 * the word. (Common words that look alike -- the word rules' lookalikes,
 * the reference's suggestions -- are weighed by rank_distance()
 * instead: a slip of the keyboard, not a second spelling of a name.) Two refinements the callers apply on top:
 * namesim_variant_key() recognises transliteration variants (Dmitry and
 * Dmitri are one name spelt two ways, not a misspelling), and
 * namesim_one_slip() the typing slips that turn a listed name into an
 * unknown word.
 *
 * Pure functions of their arguments; depends on nothing but libc and
 * editdist.h.
 */
#ifndef MT_NAMESIM_H
#define MT_NAMESIM_H

#include <stddef.h>

/* Jaro-Winkler similarity in [0, 1]. */
double namesim_jaro_winkler(const char *a, size_t a_len, const char *b,
			    size_t b_len);

/*
 * Are keys a and b near misses of each other: different, not one the
 * other plus an ending ("russian"/"russians", "america"/"american"; a
 * doubled last letter, "debiann", is a near miss), not a part of the
 * other's hyphenated compound ("windows"/"x-windows"), both at least 4
 * letters, within the length-aware distance (1 up to 8 letters, 2 from 9)
 * and a Jaro-Winkler of at least 0.85? Sets *distance and *score
 * (Jaro-Winkler) when so. Two candidates compare by smaller distance,
 * then higher score.
 */
int namesim_near_miss(const char *a, const char *b, int *distance,
		      double *score);

/*
 * The key under which transliterations of one name meet, into out (cap
 * bytes; returns its length): the consonant skeleton after the usual
 * romanisation alternatives (y/j/i, w/v, kh/k, zh/z, final ff/v), vowels
 * after the first letter dropped and doubled letters collapsed.
 * Dmitry/Dmitri, Zelenskyy/Zelensky, Smirnoff/Smirnov, Mohammed/Muhammad
 * and Peskov/Pskov share one. ASCII case is ignored.
 */
size_t namesim_variant_key(const char *w, size_t len, char *out, size_t cap);

/*
 * Is b the word a with one letter left out, one added, or two neighbours
 * swapped (ASCII case ignored)? The typing slips that make a known name
 * unknown; a changed letter is as often another name (Anson, Anton). A
 * plural or demonym of the other (Aristides, Kansan) is not a slip.
 */
int namesim_one_slip(const char *a, size_t an, const char *b, size_t bn);

/*
 * Of two keys one slip apart (namesim_one_slip()), is the slip one that
 * seldom makes another name: two neighbours swapped, or a letter doubled
 * or undoubled (Phillipines, Cincinatti)? An other letter added or left
 * out of a short name is as often a second name as a typo (Karl, Karla;
 * Dora, Doria); callers without better evidence ask for a long name
 * then. ASCII case is ignored.
 */
int namesim_slip_is_typo_shape(const char *a, size_t an, const char *b,
			       size_t bn);

/*
 * Of a word and a name one slip apart (namesim_one_slip()), is the slip
 * one only a keyboard makes: two neighbours swapped, or the word's last
 * letter doubled?  Transliteration alternatives change a letter, drop or
 * add a vowel or double an inner consonant (Mohammed, Mohamed), never
 * that, so such a slip is a typo even where the two share a variant key.
 * ASCII case is ignored.
 */
int namesim_slip_is_keyboard_only(const char *w, size_t n, const char *name,
				  size_t nn);

#endif /* MT_NAMESIM_H */
