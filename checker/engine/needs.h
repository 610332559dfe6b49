/*
 * needs: where a character-level rule can match at all.  A rule's
 * `needs:` texts (rules/README.md) are texts every match holds -- a
 * hyphen, a quotation mark, "  " -- so the engine runs the rule's regular
 * expression only on the paragraphs holding one, and with `within:
 * sentence` only on the sentences holding one (most sentences of edited
 * prose hold no hyphen where nearly every paragraph does), and with
 * `within: word` only on the runs of non-blank characters holding one (a
 * hyphen's compound, not its whole sentence).
 *
 * The texts are prepared once, at rule load (needles_init()): their
 * lengths and the set of bytes they start with, so that a search is one
 * pass over the text whatever their number.  Read-only afterwards.
 */
#ifndef MT_NEEDS_H
#define MT_NEEDS_H

#include <stddef.h>
#include <stdint.h>

#include "text/segment.h"
#include "util/arena.h"

/* What a match of the rule, and of its antipatterns, lies within. */
enum needs_within {
	WITHIN_PARAGRAPH, /* the default */
	WITHIN_SENTENCE,  /* one sentence and the blanks around it */
	WITHIN_WORD,	  /* one run of characters other than ASCII blanks
			     (space, tab, line ends): texts without blanks */
};

struct needles {
	const char **text; /* NUL-terminated, none empty */
	uint32_t *len;
	size_t n;		      /* 0: the rule needs nothing */
	unsigned char first[256 / 8]; /* bit b: some text starts with b */
};

/* Prepare texts[0..n) (kept, not copied) for searching; the lengths
 * live in a. */
void needles_init(struct needles *nd, const char **texts, size_t n,
		  struct arena *a);

/* Does s[0..len) hold one of nd's texts (nd needing nothing: yes)? */
int needles_held(const struct needles *nd, const char *s, size_t len);

/* Is c an ASCII blank (space, tab, line end), which WITHIN_WORD's runs
 * end at? */
int needs_blank(char c);

/*
 * Where a rule needing nd searches paragraph para of doc, as spans of
 * offsets into the paragraph, into *win (grown with xgrow; *alloc its
 * capacity); returns how many.  WITHIN_SENTENCE: the runs of the
 * paragraph's sentences that hold a text -- a sentence with the lines
 * that continue it (document_starts_sentence()) and the blanks before and
 * after it -- adjacent runs merged; WITHIN_WORD: the runs of non-blank
 * characters that hold one, in order; WITHIN_PARAGRAPH: the whole
 * paragraph when it holds one.  0 when nothing holds one; the whole
 * paragraph when the rule needs nothing.
 */
size_t needles_windows(const struct needles *nd, enum needs_within within,
		       const struct document *doc, const struct paragraph *para,
		       struct span **win, size_t *alloc);

#endif
