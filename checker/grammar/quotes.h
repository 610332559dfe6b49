/*
 * quotes: quotation marks and quoted regions of a sentence, as the grammar
 * parser's preparation (unit.h) needs them: which tokens are quotation
 * marks, where a quotation starts and ends, whether it is a sentence of
 * its own or a short term inside the sentence's syntax.
 *
 * Double quotation marks (curly, straight, low, guillemets) are always
 * quotation marks; single ones may be apostrophes ("screamin'", "the
 * students' union") and count only in pairs.  Also here: the few other
 * punctuation classes the preparation tests (dashes, list bullets, final
 * marks), so that every set of marks is written once.
 *
 * Everything works on a document's tokens and allocates nothing.  The
 * rule engine finds the quoted speech of a paragraph with quote_find()
 * (engine/quoted.h, for rules with `outside-quotes: true`), so that
 * quotations are found one way for both.
 */
#ifndef MT_QUOTES_H
#define MT_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "text/segment.h"

/* --- classes of punctuation ------------------------------------------ */

/* Any quotation mark, single or double (a single one may be an
 * apostrophe: see quote_regions()). */
int quote_is_mark(const struct document *doc, const struct token *t);
/* A single quotation mark or apostrophe, either way round. */
int quote_is_single(const struct document *doc, const struct token *t);
/* A hyphen or a dash; quote_is_long_dash: a dash other than '-'. */
int quote_is_dash(const struct document *doc, const struct token *t);
int quote_is_long_dash(const struct document *doc, const struct token *t);
/* A list bullet ("-", "*", "•", ">"...). */
int quote_is_bullet(const struct document *doc, const struct token *t);
/* Final punctuation: . ! ? … : ; */
int quote_is_final_mark(const struct document *doc, const struct token *t);

/* Does the sentence's paragraph hold a double quotation mark anywhere
 * (speech, dialogue, a quoted passage: its sentences may be fragments of
 * speech, or parts of a quotation opened in an earlier sentence)? */
int quote_in_paragraph(const struct document *doc, uint32_t sentence);

/* --- quoted regions -------------------------------------------------- */

struct quote_region {
	uint32_t from, to; /* tokens inside the quotation marks */
	uint32_t end;	   /* `to` without a trailing comma or semicolon,
			    * which belongs to the sentence around */
	int full;	   /* a sentence of its own */
};

/*
 * The quoted regions of tokens t[b..n) (a sentence, or a paragraph), their
 * quotation marks marked in drop[] (n bytes, zeroed by the caller).
 * Double marks: an opening mark up to its closing mark (a straight one
 * opens or closes by position); an unclosed one runs to the end, a lone
 * closing mark covers what came before it.  Single marks count only in
 * pairs, opening before a word after a space and closing after a word
 * before a space or punctuation; any other single mark is an apostrophe
 * and stays.  Returns how many regions (at most max: one per mark, plus
 * one, always suffices), sorted and without overlaps; `full` and `end`
 * are left unset.
 */
size_t quote_find(const struct document *doc, const struct token *t, uint32_t b,
		  uint32_t n, uint8_t *drop, struct quote_region *q,
		  size_t max);

/*
 * As quote_find() for a sentence, with each region's `full` (four words or
 * more, the first capitalised) and `end` set.  Returns how many regions
 * (at most max); 0 when one quotation covers the whole sentence (then the
 * quotation is the sentence).
 */
size_t quote_regions(const struct document *doc, const struct token *t,
		     uint32_t b, uint32_t n, uint8_t *drop,
		     struct quote_region *q, size_t max);

/*
 * Is region q a short quoted term inside the sentence's own syntax ('the
 * move was called "a provocation"'): two or three words, lower-case, no
 * punctuation, right after a word of the sentence (not after a colon or
 * comma that introduces speech)?  Such a term is a constituent of the
 * sentence around it, which must still parse with it, so its words may be
 * blamed.  Longer quoted fragments are excerpts of speech and may be
 * fragments; a single quoted word is often a mention of the word itself
 * ('between "who" and "whom"'), outside the syntax.
 */
int quote_is_term(const struct document *doc, const struct token *t,
		  uint32_t b, struct quote_region q);

#endif /* MT_QUOTES_H */
