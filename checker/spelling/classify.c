/*
 * classify: the kind of an unknown lower-case word (see classify.h).
 */
#include "spelling/classify.h"

#include <stdio.h>
#include <string.h>

#include "util/common.h"

/*
 * The regular differences between British and American spelling, as
 * (British, American) pieces of a word: colour/color, realise/realize,
 * analyse/analyze, centre/center, catalogue/catalog, defence/defense,
 * travelled/traveled, anaemia/anemia, manoeuvre/maneuver.
 */
static const char *const dialect_pairs[][2] = {
	{ "our", "or" },      { "ise", "ize" },	  { "isa", "iza" },
	{ "ising", "izing" }, { "yse", "yze" },	  { "tre", "ter" },
	{ "ogue", "og" },     { "ence", "ense" }, { "lled", "led" },
	{ "lling", "ling" },  { "ller", "ler" },  { "ae", "e" },
	{ "oe", "e" },	      { "oeu", "eu" },	  { "mme", "m" },
};

/* Each change of dialect_pairs at each place it fits, in order: the
 * first that gives a word `ours` knows and `other` does not. */
char *classify_dialect_form(struct speller *ours, struct speller *other,
			    int british, const char *w, size_t n,
			    struct arena *arena)
{
	int from = british ? 0 : 1;
	char buf[2 * SPELLER_MAX_WORD + 16];

	for (size_t p = 0; p < ARRAY_SIZE(dialect_pairs); p++) {
		const char *a = dialect_pairs[p][from];
		const char *b = dialect_pairs[p][1 - from];
		size_t al = strlen(a);

		for (size_t i = 0; i + al <= n; i++) {
			size_t m;

			if (memcmp(w + i, a, al) != 0)
				continue;
			m = (size_t)snprintf(buf, sizeof(buf), "%.*s%s%.*s",
					     (int)i, w, b, (int)(n - i - al),
					     w + i + al);
			if (m < sizeof(buf) && speller_check(ours, buf, m) &&
			    !speller_check(other, buf, m))
				return arena_strndup(arena, buf, m);
		}
	}
	return NULL;
}

/*
 * Is a known lower-case word one edit from the lower-case ASCII word w (a
 * letter deleted, inserted, replaced or two swapped) by the dictionary's
 * look-ups (about 55 per letter)?  For when the suggestion index cannot
 * tell (speller_lower_neighbour()).
 */
static int edit_known(struct speller *sp, const char *w, size_t n)
{
	char b[SPELLER_MAX_WORD + 2];

	for (size_t i = 0; i <= n; i++) {
		/* deletion of w[i] */
		if (i < n) {
			memcpy(b, w, i);
			memcpy(b + i, w + i + 1, n - i - 1);
			if (speller_check(sp, b, n - 1))
				return 1;
		}
		/* swap of w[i] and w[i+1] */
		if (i + 1 < n) {
			memcpy(b, w, n);
			b[i] = w[i + 1];
			b[i + 1] = w[i];
			if (speller_check(sp, b, n))
				return 1;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			/* replacement of w[i] */
			if (i < n && c != w[i]) {
				memcpy(b, w, n);
				b[i] = c;
				if (speller_check(sp, b, n))
					return 1;
			}
			/* insertion before w[i] */
			memcpy(b, w, i);
			b[i] = c;
			memcpy(b + i + 1, w + i, n - i);
			if (speller_check(sp, b, n + 1))
				return 1;
		}
	}
	return 0;
}

/* The index's one look-up, or edit_known(); then each split point. */
enum classify_shape classify_shape(struct speller *sp, const char *w, size_t n,
				   size_t *split)
{
	char form[SPELLER_MAX_WORD + 2];
	size_t at = 0;
	int near;

	if (n < 2 || n + 1 >= SPELLER_MAX_WORD + 2)
		return CLASSIFY_TYPO;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return CLASSIFY_TYPO;
	near = speller_lower_neighbour(sp, w, n);
	if (near > 0 || (near < 0 && edit_known(sp, w, n)))
		return CLASSIFY_TYPO;
	/* an apostrophe left out ("doesnt"): the index's plain words above
	 * have none */
	if (speller_apostrophe_form(sp, w, n, form))
		return CLASSIFY_TYPO;
	/* two words: w[..i) and w[i..) */
	for (size_t i = 2; i + 2 <= n; i++)
		if (speller_check(sp, w, i) &&
		    speller_check(sp, w + i, n - i)) {
			if (i < 3 || n - i < 3)
				return CLASSIFY_TYPO;
			if (!*split)
				*split = i;
		}
	/* of several splits, the pair the corpus has most ("a" or "I" with
	 * the rest of the word, one letter from a known word, is a typo
	 * above) */
	if (*split && speller_attested_split(sp, w, n, form, &at))
		*split = at;
	return *split ? CLASSIFY_COMPOUND : CLASSIFY_TERM;
}
