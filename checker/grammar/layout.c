/*
 * layout: headlines, list items, datelines and other text that is not a
 * sentence to parse (see layout.h).
 */
#include "grammar/layout.h"

#include <ctype.h>

#include "grammar/quotes.h"

/*
 * Is the word in a script other than Latin?  Looks at UTF-8 lead bytes
 * only (the text is valid UTF-8): two-byte letters from U+0370 (Greek,
 * Cyrillic, Hebrew, Arabic...) and three- or four-byte letters other than
 * Latin Extended Additional (U+1E00-U+1EFF) and the Latin ligatures.
 */
static int other_script(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];

		if (c < 0xc0)
			continue;
		if (c >= 0xce && c <= 0xdf)
			return 1;
		if (c == 0xcd && i + 1 < n && p[i + 1] >= 0xb0)
			return 1;
		if (c >= 0xe0) {
			if (c == 0xe1 && i + 1 < n && p[i + 1] >= 0xb8 &&
			    p[i + 1] <= 0xbb)
				continue;
			if (c == 0xe2) /* punctuation, symbols */
				continue;
			if (c == 0xef && i + 1 < n && p[i + 1] == 0xac)
				continue;
			return 1;
		}
	}
	return 0;
}

/* Does the sentence end with final punctuation (before closing quotes and
 * brackets)?  An abbreviation's full stop counts. */
static int has_final_punct(const struct document *doc, const struct token *t,
			   uint32_t n)
{
	while (n > 0 &&
	       (quote_is_mark(doc, &t[n - 1]) ||
		token_is(doc, &t[n - 1], ")") || token_is(doc, &t[n - 1], "]")))
		n--;
	if (n == 0)
		return 0;
	if (t[n - 1].flags & TOKF_ABBREV)
		return 1;
	return quote_is_final_mark(doc, &t[n - 1]);
}

/* Is the sentence alone on its line(s)? */
static int alone_on_line(const struct document *doc, uint32_t si)
{
	const struct sentence *s = &doc->sentences[si];
	uint32_t first = s->first_token, after = first + s->n_tokens;

	if (first > 0 && !(doc->tokens[first].flags & TOKF_LINE_BEFORE))
		return 0;
	return after >= doc->n_tokens ||
	       (doc->tokens[after].flags & TOKF_LINE_BEFORE);
}

/*
 * A headline: a line without final punctuation whose longer words are
 * mostly capitalised ("Obama Expels 35 Russian Diplomats").
 */
static int looks_headline(const struct token *t,
			  uint32_t n)
{
	uint32_t long_words = 0, caps = 0;

	for (uint32_t i = 0; i < n; i++) {
		if (t[i].kind != TOK_WORD || token_len(&t[i]) <= 3)
			continue;
		long_words++;
		if (t[i].flags & (TOKF_CAP | TOKF_ALLCAPS))
			caps++;
	}
	return long_words > 0 && caps * 10 >= long_words * 6;
}

/*
 * A headline's trailing source: the line ends, before any final mark or
 * closing quote, with a dash and one to four capitalised words or a web
 * address ("... bottlenecked - China News Network.", "... – Xinhua").
 */
static int trailing_source(const struct document *doc, const struct token *t,
			   uint32_t n)
{
	uint32_t words = 0;

	while (n > 0 && (quote_is_mark(doc, &t[n - 1]) ||
			 quote_is_final_mark(doc, &t[n - 1])))
		n--;
	while (n > 0 && words < 5 &&
	       ((t[n - 1].kind == TOK_WORD &&
		 (t[n - 1].flags & (TOKF_CAP | TOKF_ALLCAPS))) ||
		t[n - 1].kind == TOK_URL ||
		(token_is(doc, &t[n - 1], ".") &&
		 !(t[n - 1].flags & TOKF_SPACE_BEFORE)))) {
		words += t[n - 1].kind != TOK_PUNCT;
		n--;
	}
	return words >= 1 && words <= 4 && n > 1 &&
	       quote_is_dash(doc, &t[n - 1]) &&
	       (t[n - 1].flags & TOKF_SPACE_BEFORE);
}

/* A date-shaped number: digits joined by '-', '/' or '.'. */
static int is_date(const struct document *doc, const struct token *t)
{
	const char *s = doc->text + t->span.start;
	uint32_t n = token_len(t), seps = 0;

	if (t->kind != TOK_NUMBER)
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '/' || s[i] == '.')
			seps++;
		else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return seps == 2;
}

/*
 * Where the text to parse starts: after a list bullet ("- ", "• ", "1. ",
 * "a) ") and after a dateline: capitals up to a dash within the first
 * words ("MOSCOW, Dec. 29 (Reuters) - ...") or a date near the start
 * followed by a capitalised word ("date 2016-12-29 The US is...").
 */
uint32_t layout_body_start(const struct document *doc, const struct token *t,
			   uint32_t n)
{
	uint32_t i = 0;

	if (n > 1 && t[0].kind == TOK_PUNCT &&
	    quote_is_bullet(doc, &t[0]))
		i = 1;
	else if (n > 2 &&
		 (t[0].kind == TOK_NUMBER ||
		  (t[0].kind == TOK_WORD && token_len(&t[0]) == 1)) &&
		 (token_is(doc, &t[1], ")") ||
		  (token_is(doc, &t[1], ".") && t[0].kind == TOK_NUMBER)) &&
		 (t[0].flags & TOKF_LINE_BEFORE || t[0].span.start == 0))
		i = 2;
	/* dateline with a dash */
	for (uint32_t k = i, allcaps = 0; k < n && k < i + 10; k++) {
		if (t[k].kind == TOK_WORD && (t[k].flags & TOKF_ALLCAPS))
			allcaps++;
		else if (t[k].kind == TOK_WORD && !(t[k].flags & TOKF_CAP))
			break;
		if (t[k].kind == TOK_PUNCT &&
		    quote_is_dash(doc, &t[k])) {
			if (allcaps && k + 1 < n && (t[k + 1].flags & TOKF_CAP))
				return k + 1;
			break;
		}
	}
	/* a leading date */
	for (uint32_t k = i; k < n && k < i + 3; k++)
		if (is_date(doc, &t[k]) && k + 1 < n &&
		    t[k + 1].kind == TOK_WORD && (t[k + 1].flags & TOKF_CAP))
			return k + 1;
	return i;
}

int layout_is_prose(const struct document *doc, uint32_t si,
		    const struct token *t, uint32_t n, uint32_t min_words)
{
	const struct sentence *s = &doc->sentences[si];
	uint32_t words = 0;

	for (uint32_t i = 0; i < n; i++) {
		if (t[i].kind != TOK_WORD)
			continue;
		words++;
		if ((t[i].flags & TOKF_IDEO) ||
		    ((t[i].flags & TOKF_NONASCII) &&
		     other_script(doc->text + t[i].span.start,
				  token_len(&t[i]))))
			return 0;
	}
	if (words < min_words)
		return 0;
	/* an ellipsis marks elided text: not meant to be a whole sentence */
	for (uint32_t i = 0; i < n; i++)
		if (token_is(doc, &t[i], "\u2026") ||
		    (i + 1 < n && token_is(doc, &t[i], ".") &&
		     token_is(doc, &t[i + 1], ".") &&
		     !(t[i + 1].flags & TOKF_SPACE_BEFORE)))
			return 0;
	if (!alone_on_line(doc, si))
		return 1;
	if (trailing_source(doc, t, n))
		return 0; /* a headline with its source */
	if (!has_final_punct(doc, t, n) &&
	    (looks_headline(t, n) ||
	     doc->paragraphs[s->paragraph].n_sentences > 1))
		return 0; /* a headline, a list item or a line of a table */
	return 1;
}
