/*
 * unit: a document's sentences prepared into parse units (see unit.h).
 */
#include "grammar/unit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grammar/layout.h"
#include "grammar/quotes.h"
#include "util/common.h"
#include "util/xalloc.h"

/* Placeholders: words the dictionary knows, standing for what it does not
 * handle. */
#define PH_NAME "Smith"	 /* a proper noun */
#define PH_TITLE "Mr."	 /* a title before a name */
#define PH_NUMBER "35"	 /* dates, times, decimals */
#define PH_ING_NOUN "meeting" /* an -ing word used as a count noun */
static const char *const ph_clause[] = { "it", "is", "so" };

const char *const pword_conjunctions[] = { "and", "or", "but", "nor" };
const size_t pword_n_conjunctions = ARRAY_SIZE(pword_conjunctions);

static const char *tok_text(const struct document *doc, const struct token *t)
{
	return doc->text + t->span.start;
}

int pword_is_one_of(const char *w, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(w, set[i]) == 0)
			return 1;
	return 0;
}


static void add_pword(struct unit_list *p, const char *text, struct span sp,
		      uint32_t flags, int glue)
{
	if (p->n_pw == p->alloc_pw) {
		p->alloc_pw = p->alloc_pw ? 2 * p->alloc_pw : 256;
		p->pw = xrealloc(p->pw, p->alloc_pw * sizeof(*p->pw));
	}
	p->pw[p->n_pw++] = (struct pword){ text, sp, flags, (uint8_t)glue };
}

static void too_long(struct unit_list *p, struct span sp, uint32_t words)
{
	if (p->n_too_long == p->alloc_too_long) {
		p->alloc_too_long =
			p->alloc_too_long ? 2 * p->alloc_too_long : 8;
		p->too_long = xrealloc(p->too_long, p->alloc_too_long *
							    sizeof(*p->too_long));
	}
	p->too_long[p->n_too_long++] = (struct unit_too_long){ sp, words };
}

static void push_unit(struct unit_list *p, uint32_t first, uint32_t n)
{
	struct unit *u;
	uint32_t words = 0;

	for (uint32_t i = first; i < first + n; i++)
		if (!(p->pw[i].flags & PW_PUNCT))
			words++;
	if (words < UNIT_MIN_WORDS)
		return;
	if (p->n_units == p->alloc_units) {
		p->alloc_units = p->alloc_units ? 2 * p->alloc_units : 64;
		p->units = xrealloc(p->units,
				    p->alloc_units * sizeof(*p->units));
	}
	u = &p->units[p->n_units++];
	u->first = first;
	u->n = n;
	u->span.start = p->pw[first].span.start;
	u->span.end = p->pw[first + n - 1].span.end;
	for (uint32_t i = first; i < first + n; i++)
		if (!(p->pw[i].flags & PW_PUNCT)) {
			p->pw[i].flags |= PW_FIRST;
			break;
		}
}

/*
 * Add the words pw[first..first+n) as one unit, or, when too long for the
 * parser, as its parts between semicolons; a part still too long is noted
 * and left out.
 */
static void add_unit(struct unit_list *p, uint32_t first, uint32_t n)
{
	uint32_t start = first, end = first + n;

	if (n <= UNIT_MAX_WORDS) {
		push_unit(p, first, n);
		return;
	}
	for (uint32_t i = first; i <= end; i++) {
		if (i < end && strcmp(p->pw[i].text, ";") != 0)
			continue;
		if (i - start > UNIT_MAX_WORDS) {
			struct span sp = { p->pw[start].span.start,
					   p->pw[i - 1].span.end };

			too_long(p, sp, i - start);
		} else if (i > start) {
			push_unit(p, start, i - start);
		}
		start = i + 1;
	}
}

/* The word the parser sees for token t (next: the token after, or NULL). */
static const char *word_for(struct unit_list *p, const struct token *t,
			    const struct token *next, uint32_t *flags)
{
	struct document *doc = p->doc;
	const char *s = tok_text(doc, t);
	uint32_t n = token_len(t);
	char *w;

	switch (t->kind) {
	case TOK_PUNCT:
	case TOK_SYMBOL:
		*flags |= PW_PUNCT;
		if (quote_is_long_dash(doc, t))
			return "--"; // link-grammar's dash
		if (quote_is_single(doc, t))
			return "'"; // an apostrophe
		return arena_strndup(&doc->arena, s, n);
	case TOK_NUMBER:
		/* link-grammar reads dates, times, decimals, fractions and
		 * ordinals itself; anything stranger stands as a number */
		for (uint32_t i = 0; i < n; i++)
			if (!isalnum((unsigned char)s[i]) &&
			    !strchr(".,:/-", s[i]))
				return PH_NUMBER;
		return arena_strndup(&doc->arena, s, n);
	case TOK_WORD:
		break;
	default: /* URLs, e-mail addresses, handles, hashtags */
		*flags |= PW_NAME;
		return PH_NAME;
	}
	if (t->flags & (TOKF_CAP | TOKF_ALLCAPS))
		*flags |= PW_CAP;
	w = arena_strndup(&doc->arena, s, n);
	if (t->flags & TOKF_ABBREV) {
		if (parser_knows(p->parser, w))
			return w;
		*flags |= PW_NAME;
		if (next && next->kind == TOK_WORD && (next->flags & TOKF_CAP))
			return PH_TITLE;
		return PH_NAME;
	}
	if (t->flags & TOKF_APOS) {
		/* curly apostrophes become straight ones */
		char *o = w;

		for (uint32_t i = 0; i < n; i++) {
			if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x99 ||
			     (unsigned char)s[i + 2] == 0x98)) {
				*o++ = '\'';
				i += 2;
			} else {
				*o++ = s[i];
			}
		}
		*o = '\0';
	}
	return w;
}

/* Is token i the last of the sentence but for quotation marks and closing
 * brackets? */
static int last_token(const struct unit_list *p, uint32_t i, uint32_t n)
{
	for (uint32_t k = i + 1; k < n; k++)
		if (!p->drop[k] && !token_is(p->doc, &p->tok[k], ")"))
			return 0;
	return 1;
}

/*
 * A capitalised word ending the sentence with a full stop that the
 * dictionary knows as an abbreviation ("... this hapless Adm."): the
 * segmenter gives the full stop to the sentence, but it is the
 * abbreviation's too.
 */
static int final_abbrev(struct unit_list *p, const struct token *t, uint32_t i,
			uint32_t to)
{
	char w[32];
	uint32_t n = token_len(&t[i]);

	if (t[i].kind != TOK_WORD || !(t[i].flags & TOKF_CAP) ||
	    (t[i].flags & TOKF_ABBREV) || n + 2 > sizeof(w) || i + 1 >= to ||
	    !token_is(p->doc, &t[i + 1], ".") ||
	    (t[i + 1].flags & TOKF_SPACE_BEFORE))
		return 0;
	if (!last_token(p, i + 1, to))
		return 0;
	memcpy(w, tok_text(p->doc, &t[i]), n);
	w[n] = '.';
	w[n + 1] = '\0';
	return parser_has_entry(p->parser, w);
}

/*
 * An -ing word right after "a" or "an" is a count noun ("a briefing", "a
 * warning"), a sense link-grammar's dictionary lacks for many such words;
 * the parser gets a noun it knows in that sense instead.
 */
static int count_noun_ing(const struct unit_list *p, const struct token *t)
{
	const char *s = tok_text(p->doc, t);
	uint32_t n = token_len(t);
	const char *prev;

	if (t->kind != TOK_WORD || (t->flags & (TOKF_CAP | TOKF_ALLCAPS)) ||
	    n < 6 || memcmp(s + n - 3, "ing", 3) != 0 || p->n_pw == 0)
		return 0;
	prev = p->pw[p->n_pw - 1].text;
	return strcasecmp(prev, "a") == 0 || strcasecmp(prev, "an") == 0;
}

/*
 * "are" heading the second of two coordinated verb phrases ("They follow
 * the rules and are right"): link-grammar 5.12's dictionary rejects that
 * coordination for "are" alone (it takes "were", "is", "am"), so the parser
 * gets "were", which links the same way.
 */
static int are_after_conjunction(const struct unit_list *p, const struct token *t)
{
	size_t k = p->n_pw;

	if (t->kind != TOK_WORD || !token_is(p->doc, t, "are"))
		return 0;
	while (k > 0 && (p->pw[k - 1].flags & PW_PUNCT))
		k--;
	return k > 0 && pword_is_one_of(p->pw[k - 1].text,
					 pword_conjunctions,
					 pword_n_conjunctions);
}

/*
 * Emit the words of tokens t[from..to) into p->pw, with extra flags.  A
 * sentence-final abbreviation also ends the sentence: its full stop is
 * given to the parser as a word of its own.
 */
static void emit_tokens(struct unit_list *p, const struct token *t, uint32_t from,
			uint32_t to, uint32_t n_all, uint32_t extra)
{
	for (uint32_t i = from; i < to; i++) {
		uint32_t flags = extra;
		const char *w;
		int glue;

		if (t[i].flags & TOKF_SPACE_BEFORE)
			p->gap = 1;
		if (p->drop[i])
			continue;
		glue = !p->gap;
		p->gap = 0;
		if (final_abbrev(p, t, i, n_all) ||
		    ((t[i].flags & TOKF_ABBREV) && t[i].kind == TOK_WORD &&
		     (t[i].flags & TOKF_CAP) && last_token(p, i, n_all)))
			w = PH_NAME, flags |= PW_NAME;
		else if (count_noun_ing(p, &t[i]))
			w = PH_ING_NOUN;
		else if (are_after_conjunction(p, &t[i]))
			w = "were";
		else
			w = word_for(p, &t[i], i + 1 < n_all ? &t[i + 1] : NULL,
				     &flags);
		add_pword(p, w, t[i].span, flags, glue);
		if ((t[i].flags & TOKF_ABBREV) && (flags & PW_NAME) &&
		    last_token(p, i, n_all)) {
			struct span dot = { t[i].span.end - 1, t[i].span.end };

			add_pword(p, ".", dot, PW_PUNCT, 0);
		}
	}
}

/*
 * Does the token start a name rather than a sentence: a capitalised word on
 * the same line whose lower-case form the dictionary does not have
 * ("Stephen", not "He")?
 */
static int name_follows(struct unit_list *p, const struct token *t)
{
	char w[64];
	uint32_t n = token_len(t);

	if (t->kind != TOK_WORD || !(t->flags & TOKF_CAP) ||
	    (t->flags & TOKF_LINE_BEFORE) || n + 1 > sizeof(w))
		return 0;
	memcpy(w, tok_text(p->doc, t), n);
	w[n] = '\0';
	w[0] = (char)tolower((unsigned char)w[0]);
	return !parser_has_entry(p->parser, w);
}

/*
 * Does sentence si end early, on an abbreviation the sentence segmenter
 * took for a full stop ("the remains of St. Stephen", "Adm. Smith")?  Its
 * last word is capitalised, glued to the full stop, known to the
 * dictionary with that stop (or an abbreviation the segmenter knows), and
 * the next sentence goes on, on the same line, with a name.
 */
static int ends_on_abbrev(struct unit_list *p, uint32_t si)
{
	const struct document *doc = p->doc;
	const struct sentence *s = &doc->sentences[si];
	const struct token *t = &doc->tokens[s->first_token];
	uint32_t n = s->n_tokens;
	char w[32];

	if (si + 1 >= doc->n_sentences || n < 2 ||
	    doc->sentences[si + 1].paragraph != s->paragraph ||
	    !name_follows(p, &doc->tokens[doc->sentences[si + 1].first_token]))
		return 0;
	if ((t[n - 1].flags & TOKF_ABBREV) && (t[n - 1].flags & TOKF_CAP))
		return 1;
	if (t[n - 2].kind != TOK_WORD || !(t[n - 2].flags & TOKF_CAP) ||
	    !token_is(doc, &t[n - 1], ".") ||
	    (t[n - 1].flags & TOKF_SPACE_BEFORE) ||
	    token_len(&t[n - 2]) + 2 > sizeof(w))
		return 0;
	memcpy(w, tok_text(doc, &t[n - 2]), token_len(&t[n - 2]));
	w[token_len(&t[n - 2])] = '.';
	w[token_len(&t[n - 2]) + 1] = '\0';
	return parser_has_entry(p->parser, w);
}

/*
 * Prepare the n tokens from token `first_tok` (sentence si, and the ones
 * after it the segmenter split off at abbreviations) into parse units.
 */
static void prepare_sentence(struct unit_list *p, uint32_t si,
			     uint32_t first_tok, uint32_t n)
{
	struct document *doc = p->doc;
	const struct token *t = &doc->tokens[first_tok];
	uint32_t b, first;
	struct quote_region q[16];
	size_t nq;

	if (!layout_is_prose(doc, si, t, n, UNIT_MIN_WORDS))
		return;
	b = layout_body_start(doc, t, n);
	p->drop = xcalloc(n, 1);
	p->tok = t;
	nq = quote_regions(doc, t, b, n, p->drop, q, ARRAY_SIZE(q));

	/* the sentence, with full quoted sentences replaced by a clause */
	first = (uint32_t)p->n_pw;
	p->gap = 1;
	for (uint32_t i = b, k = 0; i < n;) {
		if (k < nq && i == q[k].from) {
			if (q[k].full) {
				struct span sp = { t[q[k].from].span.start,
						   t[q[k].end - 1].span.end };

				for (size_t c = 0; c < ARRAY_SIZE(ph_clause);
				     c++)
					add_pword(p, ph_clause[c], sp,
						  PW_PLACEHOLDER, 0);
				p->gap = 0;
				i = q[k].end;
			} else {
				emit_tokens(p, t, q[k].from, q[k].to, n,
					    quote_is_term(doc, t, b, q[k])
						    ? 0
						    : PW_QUOTED);
				i = q[k].to;
			}
			k++;
			continue;
		}
		if (k < nq && i > q[k].from) { /* overlapping: skip ahead */
			k++;
			continue;
		}
		emit_tokens(p, t, i, i + 1, n, 0);
		i++;
	}
	if (p->n_pw > first)
		add_unit(p, first, (uint32_t)(p->n_pw - first));

	/* each full quoted sentence on its own */
	for (size_t k = 0; k < nq; k++) {
		if (!q[k].full)
			continue;
		first = (uint32_t)p->n_pw;
		p->gap = 1;
		emit_tokens(p, t, q[k].from, q[k].end, n, 0);
		if (p->n_pw > first)
			add_unit(p, first, (uint32_t)(p->n_pw - first));
	}
	free(p->drop);
	p->drop = NULL;
}

void unit_list_build(struct unit_list *l, struct document *doc,
		     struct parser *parser)
{
	memset(l, 0, sizeof(*l));
	l->doc = doc;
	l->parser = parser;
	for (uint32_t si = 0; si < doc->n_sentences;) {
		const struct sentence *s = &doc->sentences[si];
		uint32_t last = si;

		while (ends_on_abbrev(l, last))
			last++;
		prepare_sentence(l, si, s->first_token,
				 doc->sentences[last].first_token +
					 doc->sentences[last].n_tokens -
					 s->first_token);
		si = last + 1;
	}
}

void unit_list_free(struct unit_list *l)
{
	free(l->pw);
	free(l->units);
	free(l->too_long);
	memset(l, 0, sizeof(*l));
}
