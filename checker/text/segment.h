/*
 * segment: paragraphs, sentences and tokens of a document, found with ICU
 * break iterators over the UTF-8 text (the only module using ubrk).
 *
 * segmenter_run() fills doc->paragraphs, doc->sentences and doc->tokens, in
 * the document's arena (valid until document_free()).  Whitespace is not a
 * token; every other character belongs to exactly one token.
 *
 * On top of ICU's word boundaries (which already keep "don't", "New
 * Year’s", "1,000.5" and "72nd" whole) tokens are joined where an editor
 * sees one unit:
 *   - URLs (http://..., www....) and e-mail addresses: TOK_URL, TOK_EMAIL;
 *   - @handles and #hashtags: TOK_HANDLE, TOK_HASHTAG;
 *   - numbers joined by '-', '/', ':' or '.' without spaces (2016-12-29,
 *     10:30, 1.2.3): one TOK_NUMBER;
 *   - hyphenated compounds (President-elect, US-Russia): one TOK_WORD with
 *     TOKF_HYPHEN;
 *   - abbreviations with their full stop: letters with inner dots ("U.S.")
 *     and the abbreviations ICU's own sentence-break exceptions list for the
 *     locale ("Mr.", "Adm.", ...): TOKF_ABBREV.
 * Sentences come from ICU's sentence iterator with the locale's
 * abbreviation exceptions ("Mr. Smith" is one sentence); a line break is
 * always a sentence break, and paragraphs are separated by blank lines.
 * Sentences never cross paragraphs.
 */
#ifndef MT_SEGMENT_H
#define MT_SEGMENT_H

#include <stdint.h>

#include "util/common.h"
#include "text/document.h"

enum token_kind {
	TOK_WORD = 1, /* letters (may hold digits, apostrophes, hyphens) */
	TOK_NUMBER,   /* starts with a digit: 72, 1,000.5, 2016-12-29, 72nd */
	TOK_PUNCT,    /* one punctuation character: . , “ ” ( – ... */
	TOK_SYMBOL,   /* other non-letter characters: $ % + ... */
	TOK_URL,
	TOK_EMAIL,
	TOK_HANDLE,  /* @name */
	TOK_HASHTAG, /* #tag */
};

enum token_flag {
	TOKF_CAP = 1 << 0,	    /* first letter upper case */
	TOKF_ALLCAPS = 1 << 1,	    /* two or more letters, all upper case */
	TOKF_HYPHEN = 1 << 2,	    /* compound joined by hyphens */
	TOKF_ABBREV = 1 << 3,	    /* abbreviation, full stop included */
	TOKF_APOS = 1 << 4,	    /* holds an apostrophe (’ or ') */
	TOKF_SPACE_BEFORE = 1 << 5, /* whitespace right before */
	TOKF_LINE_BEFORE = 1 << 6,  /* a line break in the whitespace before */
	TOKF_NONASCII = 1 << 7,	    /* holds a non-ASCII character */
	TOKF_IDEO = 1 << 8,	    /* ideographic or kana word (ICU) */
};

struct token {
	struct span span;
	uint16_t kind;	/* enum token_kind */
	uint16_t flags; /* enum token_flag bits */
};

struct sentence {
	struct span span;     /* from the first to the last token */
	uint32_t first_token; /* index into doc->tokens */
	uint32_t n_tokens;
	uint32_t paragraph; /* index into doc->paragraphs */
};

struct paragraph {
	struct span span;
	uint32_t first_sentence;
	uint32_t n_sentences;
};

struct segmenter;

/*
 * Open a segmenter for a locale ("en", "en_US"...; NULL means "en").  Opens
 * and keeps ICU's break rules and the URL patterns; one segmenter may serve
 * many documents, from one thread at a time per segmenter.  Fails with
 * MT_ERR_UNICODE when ICU data is missing.
 */
MT_NODISCARD enum mt_err segmenter_open(const char *locale,
					struct segmenter **out,
					struct mt_error *err);
void segmenter_close(struct segmenter *seg);

/* Segment doc (replacing any earlier segmentation). */
MT_NODISCARD enum mt_err segmenter_run(struct segmenter *seg,
				       struct document *doc,
				       struct mt_error *err);

/* Helpers over tokens. */
static inline uint32_t token_len(const struct token *t)
{
	return t->span.end - t->span.start;
}

/* Is token t of doc exactly the string s (bytes compared; any kind of
 * token)? */
int token_is(const struct document *doc, const struct token *t, const char *s);

/* Index of the sentence containing text offset off, or UINT32_MAX. */
uint32_t document_sentence_at(const struct document *doc, uint32_t off);

/* Index of the first sentence of [from, to) that ends after text offset
 * off (to when none does): where a search for the sentences a span
 * overlaps starts. */
uint32_t document_sentence_after(const struct document *doc, uint32_t from,
				 uint32_t to, uint32_t off);

/*
 * Does sentence s start a real sentence?  Hard-wrapped text ("...report
 * that B was\ncreated") reaches us as two sentences, since a line break
 * always ends one.  A sentence whose predecessor in the paragraph does not
 * end in . ! ? : ; or a closing quote or bracket (or an abbreviation)
 * continues it: the rule engine matches the two as one sentence, so "Many
 * web\nbrowsers" is one noun phrase.
 */
int document_starts_sentence(const struct document *doc,
			     const struct sentence *s);

#endif /* MT_SEGMENT_H */
