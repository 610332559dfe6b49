/*
 * deliberate: why a lower-case word no dictionary knows was probably
 * written on purpose -- evidence, from the word's form and the words
 * around it, that it is not a typo.
 *
 * Edited prose uses words on purpose that no dictionary holds: dialect
 * in dialogue, foreign phrases, derivations nobody lists, the coined
 * terms of a story or a paper.  A typo shows none of the signs below;
 * such words show at least one:
 *
 *   DELIBERATE_ELIDED     the writer marks a dropped sound with an
 *                         apostrophe glued to the word ("goin'", "'scuse")
 *                         or drops the g of -ing right before a quotation
 *                         mark closes ("where are we goin?" in dialogue)
 *   DELIBERATE_DERIVED    a productive prefix on a known word of four
 *                         letters or more ("overloud", "subliterary",
 *                         "semiprivate"); not the prefixes that compete with
 *                         a listed form (un-, in-, dis-, mis-, re-:
 *                         "unpossible" stays a typo)
 *   DELIBERATE_FOREIGN    another, different lower-case word no
 *                         dictionary knows stands within two words in the
 *                         same sentence: a phrase of another language
 *                         ("une femme d'un certain age", "in vino
 *                         veritas"); one unknown word repeated ("xq xq") is
 *                         no phrase
 *   DELIBERATE_RECURRING  the word occurs in three sentences or more of
 *                         the document: a term of the text, defined or
 *                         established there, not a slip of the keyboard
 *
 * The spelling pass reports such words as information
 * (spelling.unknown-term) instead of a warning.
 *
 * Lifetimes: struct deliberate belongs to one document; it borrows the
 * document (tokens, text) and the speller, and its table is built on the
 * first question (one pass over the document's words) and freed by
 * deliberate_release().  Nothing fails but memory, which exits.
 */
#ifndef MT_DELIBERATE_H
#define MT_DELIBERATE_H

#include <stddef.h>
#include <stdint.h>

#include "spelling/hunspell.h"
#include "text/document.h"
#include "util/strtab.h"

enum deliberate_kind {
	DELIBERATE_NONE = 0,
	DELIBERATE_ELIDED,
	DELIBERATE_DERIVED,
	DELIBERATE_FOREIGN,
	DELIBERATE_RECURRING,
};

/* Sentences a word must occur in to count as a term of the text. */
#define DELIBERATE_RECUR_SENTENCES 3u

struct deliberate {
	const struct document *doc;
	struct speller *sp;
	int built;
	struct strtab words; /* lower-case word tokens as written */
	uint32_t *sentences; /* by id: distinct sentences it occurs in */
	uint32_t *last;	     /* by id: the last sentence counted + 1 */
	size_t alloc;
};

/* Ready for doc and sp (allocates nothing). */
void deliberate_init(struct deliberate *d, const struct document *doc,
		     struct speller *sp);
void deliberate_release(struct deliberate *d);

/*
 * Why the lower-case unknown word w[0..n) -- part `part` of word token
 * ti (the whole token, or one hyphenated part of it) -- looks deliberate,
 * or DELIBERATE_NONE.  w points into the document.
 */
enum deliberate_kind deliberate_why(struct deliberate *d, uint32_t ti,
				    struct span part);

/* A short phrase for the message: "an elision marked by an apostrophe",
 * ...; "" for DELIBERATE_NONE.  Static. */
const char *deliberate_reason(enum deliberate_kind k);

#endif /* MT_DELIBERATE_H */
