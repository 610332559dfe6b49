/*
 * wordform: what a word token of the spelling pass is made of -- letters
 * and their case, digits, scripts, other symbols -- and the forms it is
 * looked up in: lower case, without a possessive ending, without accents.
 *
 * Words are UTF-8 bytes of a document, not NUL-terminated (w, len).
 * Typographic apostrophes (’ ‘, and ʼ where noted) count as "'".  Pure
 * functions: results go to the caller's buffer or arena; nothing fails
 * except as each function says.  Depends on ICU's character properties
 * and normalisation.
 */
#ifndef MT_WORDFORM_H
#define MT_WORDFORM_H

#include <stddef.h>

#include "util/arena.h"

/* ---- make-up ---------------------------------------------------------- */

/* Counts over the code points of a word (invalid bytes skipped). */
struct wordform {
	int letters, upper, digits;
	int nonlatin;	 /* letters of a script other than Latin */
	int other;	 /* neither letter, mark, digit, apostrophe nor dot */
	int nonascii;	 /* code points outside ASCII */
	int first_upper; /* the first letter is upper case */
};

/* Count what the word is made of into *wf (ASCII without ICU). */
void wordform_scan(const char *w, size_t len, struct wordform *wf);

/* The number of code points of the word. */
size_t wordform_codepoints(const char *w, size_t len);

/* ---- forms ------------------------------------------------------------ */

/*
 * A lower-case copy (ICU simple case mapping; ’ ‘ ʼ as "'"; invalid bytes
 * as U+FFFD) in the arena, NUL-terminated, valid until arena_release();
 * its length in *out_len (may be NULL).
 */
char *wordform_lower(struct arena *a, const char *w, size_t len,
		     size_t *out_len);

/*
 * The form a word list or the reference would hold: a copy into out (cap
 * bytes, NUL-terminated, cut to fit) with ’ and ‘ as "'" and a possessive
 * "'s" or "s'" removed ("Putin’s" -> "Putin").  Returns its length.
 */
size_t wordform_base(const char *w, size_t len, char *out, size_t cap);

/*
 * The length in bytes of the word's possessive ending ("’s", "'s", "'"
 * after an s), 0 when it has none.  The ending is the word's last bytes:
 * w may point into a document that goes on after the word.
 */
size_t wordform_possessive_len(const char *w, size_t n);

/*
 * The word without its accents (NFD, combining marks dropped) into out
 * (cap bytes, NUL-terminated): "café" -> "cafe".  Returns the length, or
 * 0 when the word has no accents, is over SPELLER_MAX_WORD bytes
 * (hunspell.h), or on failure.
 */
size_t wordform_strip_accents(const char *w, size_t n, char *out, size_t cap);

#endif /* MT_WORDFORM_H */
