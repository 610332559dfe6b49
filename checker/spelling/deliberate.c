/*
 * deliberate: signs that an unknown word was written on purpose (see
 * deliberate.h).  Looks only at the document's tokens and asks the speller
 * whether neighbouring words are known; no suggestion search.
 */
#include "spelling/deliberate.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/segment.h"
#include "util/xalloc.h"

void deliberate_init(struct deliberate *d, const struct document *doc,
		     struct speller *sp)
{
	memset(d, 0, sizeof(*d));
	d->doc = doc;
	d->sp = sp;
	strtab_init(&d->words);
}

void deliberate_release(struct deliberate *d)
{
	strtab_release(&d->words);
	free(d->sentences);
	free(d->last);
	d->sentences = d->last = NULL;
	d->alloc = 0;
	d->built = 0;
}

const char *deliberate_reason(enum deliberate_kind k)
{
	switch (k) {
	case DELIBERATE_ELIDED:
		return "an elision the writer marks (dialect?)";
	case DELIBERATE_DERIVED:
		return "a prefix on a known word";
	case DELIBERATE_FOREIGN:
		return "among other unknown words (a foreign phrase?)";
	case DELIBERATE_RECURRING:
		return "used throughout this text (a term of its own?)";
	case DELIBERATE_NONE:
		break;
	}
	return "";
}

/* ---- small predicates on the text ---------------------------------- */

/* Is the punctuation token k an apostrophe or right single quote (' or
 * U+2019; never U+2018, which only opens a quotation)? */
static int is_apostrophe(const struct document *doc, uint32_t k)
{
	const struct token *t = &doc->tokens[k];
	const char *s = doc->text + t->span.start;
	uint32_t n = t->span.end - t->span.start;

	if (t->kind != TOK_PUNCT)
		return 0;
	return (n == 1 && s[0] == '\'') ||
	       (n == 3 && memcmp(s, "\xe2\x80\x99", 3) == 0);
}

/* Does the punctuation token k close a quotation or mark an elision:
 * ' ’ ” or "? */
static int is_closing_mark(const struct document *doc, uint32_t k)
{
	const struct token *t = &doc->tokens[k];
	const char *s = doc->text + t->span.start;
	uint32_t n = t->span.end - t->span.start;

	if (is_apostrophe(doc, k))
		return 1;
	return t->kind == TOK_PUNCT &&
	       ((n == 1 && s[0] == '"') ||
		(n == 3 && memcmp(s, "\xe2\x80\x9d", 3) == 0));
}

/* Is token k glued to the one before it (no whitespace between)? */
static int glued(const struct document *doc, uint32_t k)
{
	return k > 0 && !(doc->tokens[k].flags & TOKF_SPACE_BEFORE) &&
	       doc->tokens[k - 1].span.end == doc->tokens[k].span.start;
}

/* The sentence holding token k: its first token and one past its last. */
static void sentence_of(const struct document *doc, uint32_t k,
			uint32_t *first, uint32_t *end)
{
	uint32_t s = document_sentence_at(doc, doc->tokens[k].span.start);

	if (s == UINT32_MAX) {
		*first = k;
		*end = k + 1;
		return;
	}
	*first = doc->sentences[s].first_token;
	*end = *first + doc->sentences[s].n_tokens;
}

/* ---- elision --------------------------------------------------------- */

/* "goin" before ' or a closing quotation mark, when "going" is known. */
static int dropped_g(struct deliberate *d, uint32_t ti, struct span part)
{
	const struct document *doc = d->doc;
	const char *w = doc->text + part.start;
	size_t n = part.end - part.start;
	char b[64];

	if (n < 4 || n + 2 > sizeof(b) || w[n - 2] != 'i' || w[n - 1] != 'n')
		return 0;
	if (part.end != doc->tokens[ti].span.end || ti + 1 >= doc->n_tokens ||
	    !glued(doc, ti + 1) || !is_closing_mark(doc, ti + 1))
		return 0;
	memcpy(b, w, n);
	b[n] = 'g';
	return speller_check(d->sp, b, n + 1);
}

/*
 * "'scuse", "'bout": an apostrophe glued to the front of the word, itself
 * after a space, a dash or the start, and no apostrophe later in the
 * sentence that would close it as a quotation ('word').
 */
static int leading_elision(struct deliberate *d, uint32_t ti,
			   struct span part)
{
	const struct document *doc = d->doc;
	uint32_t first, end;

	if (part.start != doc->tokens[ti].span.start || ti == 0 ||
	    !glued(doc, ti) || !is_apostrophe(doc, ti - 1))
		return 0;
	if (glued(doc, ti - 1) && doc->tokens[ti - 2].kind == TOK_WORD)
		return 0; /* inside a word: "rock'n" */
	sentence_of(doc, ti, &first, &end);
	for (uint32_t k = ti + 1; k < end; k++)
		if (is_apostrophe(doc, k) && glued(doc, k) &&
		    doc->tokens[k - 1].kind == TOK_WORD)
			return 0;
	(void)first;
	return 1;
}

/* ---- derivation ------------------------------------------------------ */

/*
 * Productive prefixes that attach to almost any word of their class and
 * compete with no listed negative or repeated form; un-, in-, dis-, mis-
 * and re- do ("unpossible" for "impossible"), and are left out.
 */
static const char *const prefixes[] = {
	"anti",	 "counter", "hyper", "inter", "intra", "micro", "mini",
	"multi", "non",	    "over",  "post",  "pre",   "proto", "pseudo",
	"quasi", "semi",    "sub",   "super", "ultra", "under",
};

static int derived(struct deliberate *d, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t pl = strlen(prefixes[i]);

		if (n >= pl + 4 && memcmp(w, prefixes[i], pl) == 0 &&
		    speller_check(d->sp, w + pl, n - pl))
			return 1;
	}
	return 0;
}

/* ---- foreign phrase -------------------------------------------------- */

/* The letters of s[0..n) (UTF-8). */
static int32_t count_letters(const char *s, int32_t n)
{
	int32_t i = 0, letters = 0;

	while (i < n) {
		UChar32 c;

		U8_NEXT(s, i, n, c);
		letters += c >= 0 && u_isalpha(c);
	}
	return letters;
}

/*
 * Is word token k a lower-case word (two letters or more, no digit, no capital) that
 * the dictionary does not know, and not the same word as w?  And is one
 * of the two short (FOREIGN_SHORT letters or fewer)?  Phrases of another
 * language hold its short function words ("de", "et", "une", "quod");
 * two long unknown words side by side are more often two typos
 * ("goverment offical").
 */
#define FOREIGN_SHORT 4

static int unknown_other(struct deliberate *d, uint32_t k, const char *w,
			 size_t n)
{
	const struct document *doc = d->doc;
	const struct token *t = &doc->tokens[k];
	const char *s = doc->text + t->span.start;
	int32_t len = (int32_t)(t->span.end - t->span.start), i = 0, letters = 0;

	if (t->kind != TOK_WORD || (t->flags & (TOKF_ABBREV | TOKF_HYPHEN)) ||
	    ((size_t)len == n && memcmp(s, w, n) == 0))
		return 0;
	while (i < len) {
		UChar32 c;

		U8_NEXT(s, i, len, c);
		if (c < 0 || u_isdigit(c) || u_isupper(c) || u_istitle(c))
			return 0;
		letters += u_isalpha(c) != 0;
	}
	if (letters < 2 || (letters > FOREIGN_SHORT &&
			    count_letters(w, (int32_t)n) > FOREIGN_SHORT))
		return 0;
	/* the speller reads typographic apostrophes as "'" itself */
	return !speller_check(d->sp, s, (size_t)len);
}

/*
 * Another unknown lower-case word within two words on either side, in
 * the same sentence and the same phrase (no punctuation between but
 * apostrophes).
 */
static int in_foreign_phrase(struct deliberate *d, uint32_t ti,
			     struct span part)
{
	const struct document *doc = d->doc;
	const char *w = doc->text + part.start;
	size_t n = part.end - part.start;
	uint32_t first, end;

	sentence_of(doc, ti, &first, &end);
	for (int dir = -1; dir <= 1; dir += 2) {
		int words = 0;

		for (int64_t k = (int64_t)ti + dir;
		     k >= first && k < end && words < 2; k += dir) {
			const struct token *t = &doc->tokens[k];

			if (t->kind == TOK_PUNCT && is_apostrophe(doc, (uint32_t)k))
				continue;
			if (t->kind != TOK_WORD)
				break;
			words++;
			if (unknown_other(d, (uint32_t)k, w, n))
				return 1;
		}
	}
	return 0;
}

/* ---- recurrence ------------------------------------------------------ */

static void count_word(struct deliberate *d, const char *s, size_t n,
		       uint32_t sentence)
{
	int is_new;
	uint32_t id;

	if (n == 0)
		return;
	id = strtab_intern(&d->words, s, n, &is_new);
	if (is_new) {
		size_t alloc = d->alloc;

		d->sentences = xgrow(d->sentences, &d->alloc, id + 1,
				     sizeof(*d->sentences));
		if (d->alloc != alloc)
			d->last = xrealloc(d->last,
					   d->alloc * sizeof(*d->last));
		d->sentences[id] = 0;
		d->last[id] = 0;
	}
	if (d->last[id] != sentence + 1) {
		d->last[id] = sentence + 1;
		d->sentences[id]++;
	}
}

/* Every word token, and every hyphenated part, with the number of
 * sentences it occurs in. */
static void build(struct deliberate *d)
{
	const struct document *doc = d->doc;

	d->built = 1;
	for (uint32_t s = 0; s < doc->n_sentences; s++) {
		const struct sentence *se = &doc->sentences[s];

		for (uint32_t k = se->first_token;
		     k < se->first_token + se->n_tokens; k++) {
			const struct token *t = &doc->tokens[k];
			uint32_t a = t->span.start;

			if (t->kind != TOK_WORD)
				continue;
			for (uint32_t i = t->span.start; i <= t->span.end; i++)
				if (i == t->span.end || doc->text[i] == '-') {
					count_word(d, doc->text + a, i - a, s);
					a = i + 1;
				}
		}
	}
}

static int recurring(struct deliberate *d, struct span part)
{
	uint32_t id;

	if (!d->built)
		build(d);
	id = strtab_find(&d->words, d->doc->text + part.start,
			 part.end - part.start);
	return id != STRTAB_NONE &&
	       d->sentences[id] >= DELIBERATE_RECUR_SENTENCES;
}

enum deliberate_kind deliberate_why(struct deliberate *d, uint32_t ti,
				    struct span part)
{
	const char *w = d->doc->text + part.start;
	size_t n = part.end - part.start;

	if (dropped_g(d, ti, part) || leading_elision(d, ti, part))
		return DELIBERATE_ELIDED;
	if (derived(d, w, n))
		return DELIBERATE_DERIVED;
	if (in_foreign_phrase(d, ti, part))
		return DELIBERATE_FOREIGN;
	if (recurring(d, part))
		return DELIBERATE_RECURRING;
	return DELIBERATE_NONE;
}
