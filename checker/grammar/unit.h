/*
 * unit: a document as the grammar parser sees it -- parse units (lists of
 * words), each word remembering the byte span of the text it stands for,
 * so that every finding points at the user's text.
 *
 * Each sentence (doc->sentences, joined with the ones the segmenter split
 * off at an abbreviation: "the remains of St. Stephen") that layout.h calls
 * prose becomes one unit or more:
 *   - its tokens, written as in the text (glued where the text has no
 *     space, so that link-grammar's tokenizer sees "w/o", "60's" as
 *     written);
 *   - quotation marks (quotes.h) are dropped; a quoted full sentence is
 *     parsed as a unit of its own and stands in the sentence around it as
 *     the clause "it is so"; the words of other quoted fragments are
 *     marked PW_QUOTED (never blamed), except those of a short quoted
 *     term, which is part of the sentence's syntax;
 *   - abbreviations the dictionary does not know become placeholders the
 *     dictionary does know: a title before a name ("Adm. Smith") becomes
 *     "Mr.", any other a proper noun; numbers other than plain digits,
 *     dates, times and decimals become "35"; URLs, e-mail addresses,
 *     handles and hashtags a proper noun; curly apostrophes straight ones;
 *     two constructions link-grammar 5.12 lacks get a stand-in that links
 *     the same way ("a briefing": "a meeting"; "and are": "and were");
 *   - a bullet and a dateline are left out (layout.h);
 *   - a sentence longer than UNIT_MAX_WORDS is split at semicolons; a part
 *     still too long is listed in `too_long` instead.
 *
 * Lifetimes: the words' strings are static or in the document's arena;
 * the arrays are on the heap until unit_list_free().  Nothing fails but
 * memory, which exits.
 */
#ifndef MT_UNIT_H
#define MT_UNIT_H

#include <stddef.h>
#include <stdint.h>

#include "grammar/linkgrammar.h"
#include "text/segment.h"

#define UNIT_MIN_WORDS 4  /* shorter sentences are not parsed */
#define UNIT_MAX_WORDS 60 /* the parser's limit (parser_options.max_words) */

enum pword_flag {
	PW_PUNCT = 1 << 0,	 /* punctuation or symbol: never blamed */
	PW_QUOTED = 1 << 1,	 /* in a quoted fragment: never blamed */
	PW_PLACEHOLDER = 1 << 2, /* stands for a quoted sentence */
	PW_NAME = 1 << 3,	 /* placeholder for an unknown abbreviation,
				  * URL, handle...: never blamed alone */
	PW_CAP = 1 << 4,	 /* capitalised word of the text */
	PW_FIRST = 1 << 5,	 /* first word of its unit */
};

struct pword {
	const char *text; /* what the parser sees */
	struct span span; /* what it stands for in doc->text */
	uint32_t flags;	  /* enum pword_flag */
	uint8_t glue;	  /* written without a space after the word before */
};

struct unit {
	uint32_t first, n; /* into unit_list.pw */
	struct span span;
};

/* A part of a sentence too long for the parser, even split at
 * semicolons. */
struct unit_too_long {
	struct span span;
	uint32_t words;
};

struct unit_list {
	struct document *doc;
	struct parser *parser; /* asked which words it knows */
	struct pword *pw;
	size_t n_pw, alloc_pw;
	struct unit *units;
	size_t n_units, alloc_units;
	struct unit_too_long *too_long;
	size_t n_too_long, alloc_too_long;
	/* while preparing a sentence */
	int gap;		  /* whitespace since the last word emitted */
	uint8_t *drop;		  /* per token: a quotation mark */
	const struct token *tok;  /* the sentence's tokens */
};

/* Prepare every sentence of doc into l (which it zeroes first). */
void unit_list_build(struct unit_list *l, struct document *doc,
		     struct parser *parser);

/* Free l's arrays (not the document's strings). */
void unit_list_free(struct unit_list *l);

/* Is w one of the n words of set (ASCII case ignored)? */
int pword_is_one_of(const char *w, const char *const *set, size_t n);

/* The coordinating conjunctions (and, or, but, nor). */
extern const char *const pword_conjunctions[];
extern const size_t pword_n_conjunctions;

#endif /* MT_UNIT_H */
