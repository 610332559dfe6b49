/*
 * grammar_parser: the whole-sentence grammar check (see grammar_parser.h).
 *
 * A document is checked in three steps: every sentence is prepared into
 * parse units (lists of words, each remembering the byte span it stands
 * for), all units are parsed in one batch (in parallel, cached, at most
 * the document's budget of sentences), and the unconnected words of each
 * unit become
 * findings unless one of the false-positive shapes explains them.
 */
#include "grammar/parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "run/checker.h"
#include "grammar/linkgrammar.h"
#include "text/segment.h"
#include "util/xalloc.h"

#define RULE_PARSE "grammar.parse"
#define RULE_SKIPPED "grammar.parse-skipped"
#define CATEGORY "fluency/grammar"

static const struct rule_info gp_rules[] = {
	{ RULE_PARSE, CATEGORY, MT_SEV_WARNING,
	  "the sentence has no complete grammatical parse (link-grammar), "
	  "the unconnected words are shown; or its only parse splits a noun "
	  "phrase between the opening phrase and the subject",
	  NULL,
	  .bad = RULE_EXAMPLES(
		  "The council has decided [postpone] the vote until June.",
		  "The mayor and the council agreed to [the].",
		  "In a [chemical reaction] observed by the panel showed that "
		  "the mix was unstable."),
	  .good = RULE_EXAMPLES(
		  "The council has decided to postpone the vote until June.",
		  "The mayor and the council agreed to the plan.",
		  "A chemical reaction observed by the panel showed that the "
		  "mix was unstable.",
		  "At a minimum firms must report their losses.") },
	{ RULE_SKIPPED, CATEGORY, MT_SEV_INFO,
	  "the sentence was not checked by the grammar parser (too long, "
	  "link-grammar's time limit, or over the document's sentence "
	  "budget)",
	  NULL,
	  .bad = RULE_EXAMPLES(
		  "[We met them and they met us and we met them and they met "
		  "us and we met them and they met us and we met them and "
		  "they met us and we met them and they met us and we met "
		  "them and they met us and we met them and they met us and "
		  "we met them and they met us and we met them and they met "
		  "us and we met them.]"),
	  .good = RULE_EXAMPLES("We met them and they met us.") },
};

/* Placeholders: words the dictionary knows, standing for what it does not
 * handle. */
#define PH_NAME "Smith"	 /* a proper noun */
#define PH_TITLE "Mr."	 /* a title before a name */
#define PH_NUMBER "35"	 /* dates, times, decimals */
#define PH_ING_NOUN "meeting" /* an -ing word used as a count noun */
static const char *const ph_clause[] = { "it", "is", "so" };

#define MIN_WORDS 4
#define MAX_WORDS 60
#define MAX_GROUPS 2 /* findings per parse unit */

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
	uint32_t flags;
	uint8_t glue; /* written without a space after the word before */
};

struct unit {
	uint32_t first, n; /* into pwords */
	struct span span;
};

struct prep {
	struct document *doc;
	struct parser *parser;
	struct pword *pw;
	size_t n_pw, alloc_pw;
	struct unit *units;
	size_t n_units, alloc_units;
	struct diag_list *diags;
	int gap; /* whitespace seen since the last word emitted */
	uint8_t *drop; /* per token of the sentence: a quotation mark */
	const struct token *tok; /* the sentence's tokens */
};

struct gp_state {
	struct parser *parser;
	unsigned max_sentences; /* per document; 0: all */
	int on;
};

/* --- helpers over tokens ------------------------------------------------ */

static const char *tok_text(const struct document *doc, const struct token *t)
{
	return doc->text + t->span.start;
}

static int tok_eq(const struct document *doc, const struct token *t,
		  const char *s)
{
	size_t n = strlen(s);

	return token_len(t) == n && memcmp(tok_text(doc, t), s, n) == 0;
}

static int tok_in(const struct document *doc, const struct token *t,
		  const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tok_eq(doc, t, set[i]))
			return 1;
	return 0;
}

/* Double quotation marks are always quotation marks; single ones may be
 * apostrophes ("screamin'", "the students' union"). */
static const char *const open_quotes[] = { "\u201c", "\u201e", "\u00ab",
					   "\u2039" };
static const char *const close_quotes[] = { "\u201d", "\u00bb", "\u203a",
					    "\u201f" };
static const char *const straight_quotes[] = { "\"" };
static const char *const single_open[] = { "\u2018", "\u201a", "'", "`" };
static const char *const single_close[] = { "\u2019", "'" };
static const char *const dashes[] = { "-", "\u2013", "\u2014", "\u2012",
				      "\u2015" };
static const char *const bullets[] = { "-", "*", "\u2022", "\u00b7",
				       "\u2013", "\u2014", ">", "\u25aa",
				       "\u25e6" };
static const char *const final_marks[] = { ".", "!", "?", "\u2026", ":",
					   ";" };

static int is_double_quote(const struct document *doc, const struct token *t)
{
	return t->kind == TOK_PUNCT &&
	       (tok_in(doc, t, open_quotes, ARRAY_SIZE(open_quotes)) ||
		tok_in(doc, t, close_quotes, ARRAY_SIZE(close_quotes)) ||
		tok_in(doc, t, straight_quotes, ARRAY_SIZE(straight_quotes)));
}

static int is_quote(const struct document *doc, const struct token *t)
{
	return is_double_quote(doc, t) ||
	       (t->kind == TOK_PUNCT &&
		(tok_in(doc, t, single_open, ARRAY_SIZE(single_open)) ||
		 tok_in(doc, t, single_close, ARRAY_SIZE(single_close))));
}

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
	while (n > 0 && (is_quote(doc, &t[n - 1]) ||
			 tok_eq(doc, &t[n - 1], ")") ||
			 tok_eq(doc, &t[n - 1], "]")))
		n--;
	if (n == 0)
		return 0;
	if (t[n - 1].flags & TOKF_ABBREV)
		return 1;
	return tok_in(doc, &t[n - 1], final_marks, ARRAY_SIZE(final_marks));
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

/* A date-shaped number: digits joined by '-', '/' or '.'. */
static int is_date(const struct document *doc, const struct token *t)
{
	const char *s = tok_text(doc, t);
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
static uint32_t body_start(const struct document *doc, const struct token *t,
			   uint32_t n)
{
	uint32_t i = 0;

	if (n > 1 && t[0].kind == TOK_PUNCT &&
	    tok_in(doc, &t[0], bullets, ARRAY_SIZE(bullets)))
		i = 1;
	else if (n > 2 && (t[0].kind == TOK_NUMBER ||
			   (t[0].kind == TOK_WORD && token_len(&t[0]) == 1)) &&
		 (tok_eq(doc, &t[1], ")") ||
		  (tok_eq(doc, &t[1], ".") && t[0].kind == TOK_NUMBER)) &&
		 (t[0].flags & TOKF_LINE_BEFORE || t[0].span.start == 0))
		i = 2;
	/* dateline with a dash */
	for (uint32_t k = i, allcaps = 0; k < n && k < i + 10; k++) {
		if (t[k].kind == TOK_WORD && (t[k].flags & TOKF_ALLCAPS))
			allcaps++;
		else if (t[k].kind == TOK_WORD && !(t[k].flags & TOKF_CAP))
			break;
		if (t[k].kind == TOK_PUNCT &&
		    tok_in(doc, &t[k], dashes, ARRAY_SIZE(dashes))) {
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

static int word_in(const char *w, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(w, set[i]) == 0)
			return 1;
	return 0;
}

static const char *const conjunctions[] = { "and", "or", "but", "nor" };

/* --- building parse units ----------------------------------------------- */

static void add_pword(struct prep *p, const char *text, struct span sp,
		      uint32_t flags, int glue)
{
	if (p->n_pw == p->alloc_pw) {
		p->alloc_pw = p->alloc_pw ? 2 * p->alloc_pw : 256;
		p->pw = xrealloc(p->pw, p->alloc_pw * sizeof(*p->pw));
	}
	p->pw[p->n_pw++] = (struct pword){ text, sp, flags, (uint8_t)glue };
}

static void skip_note(struct prep *p, struct span sp, const char *fmt,
		      unsigned n)
{
	diag_add(p->diags, RULE_SKIPPED, CATEGORY, MT_SEV_INFO, sp, fmt, n);
}

static void push_unit(struct prep *p, uint32_t first, uint32_t n)
{
	struct unit *u;
	uint32_t words = 0;

	for (uint32_t i = first; i < first + n; i++)
		if (!(p->pw[i].flags & PW_PUNCT))
			words++;
	if (words < MIN_WORDS)
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
static void add_unit(struct prep *p, uint32_t first, uint32_t n)
{
	uint32_t start = first, end = first + n;

	if (n <= MAX_WORDS) {
		push_unit(p, first, n);
		return;
	}
	for (uint32_t i = first; i <= end; i++) {
		if (i < end && strcmp(p->pw[i].text, ";") != 0)
			continue;
		if (i - start > MAX_WORDS) {
			struct span sp = { p->pw[start].span.start,
					   p->pw[i - 1].span.end };

			skip_note(p, sp,
				  "sentence too long for the grammar parser "
				  "(%u words): not checked",
				  i - start);
		} else if (i > start) {
			push_unit(p, start, i - start);
		}
		start = i + 1;
	}
}

/* The word the parser sees for token t (next: the token after, or NULL). */
static const char *word_for(struct prep *p, const struct token *t,
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
		if (tok_in(doc, t, dashes + 1, ARRAY_SIZE(dashes) - 1))
			return "--"; // link-grammar's dash
		if (tok_in(doc, t, single_close, ARRAY_SIZE(single_close)) ||
		    tok_in(doc, t, single_open, ARRAY_SIZE(single_open)))
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
static int last_token(const struct prep *p, uint32_t i, uint32_t n)
{
	for (uint32_t k = i + 1; k < n; k++)
		if (!p->drop[k] && !tok_eq(p->doc, &p->tok[k], ")"))
			return 0;
	return 1;
}

/*
 * A capitalised word ending the sentence with a full stop that the
 * dictionary knows as an abbreviation ("... this hapless Adm."): the
 * segmenter gives the full stop to the sentence, but it is the
 * abbreviation's too.
 */
static int final_abbrev(struct prep *p, const struct token *t, uint32_t i,
			uint32_t to)
{
	char w[32];
	uint32_t n = token_len(&t[i]);

	if (t[i].kind != TOK_WORD || !(t[i].flags & TOKF_CAP) ||
	    (t[i].flags & TOKF_ABBREV) || n + 2 > sizeof(w) || i + 1 >= to ||
	    !tok_eq(p->doc, &t[i + 1], ".") ||
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
static int count_noun_ing(const struct prep *p, const struct token *t)
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
static int are_after_conjunction(const struct prep *p, const struct token *t)
{
	size_t k = p->n_pw;

	if (t->kind != TOK_WORD || !tok_eq(p->doc, t, "are"))
		return 0;
	while (k > 0 && (p->pw[k - 1].flags & PW_PUNCT))
		k--;
	return k > 0 && word_in(p->pw[k - 1].text, conjunctions,
				ARRAY_SIZE(conjunctions));
}

/*
 * Emit the words of tokens t[from..to) into p->pw, with extra flags.  A
 * sentence-final abbreviation also ends the sentence: its full stop is
 * given to the parser as a word of its own.
 */
static void emit_tokens(struct prep *p, const struct token *t, uint32_t from,
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

struct quote_region {
	uint32_t from, to; /* tokens inside the quotation marks */
	uint32_t end;	   /* `to` without a trailing comma or semicolon,
			    * which belongs to the sentence around */
	int full;	   /* a sentence of its own */
};

static int region_cmp(const void *a, const void *b)
{
	const struct quote_region *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

/*
 * Find the quoted regions of t[b..n) and mark their quotation marks in
 * drop[].  Double marks: an opening mark up to its closing mark; an
 * unclosed one runs to the end, a lone closing mark covers what came before
 * it.  Single marks count only in pairs, opening before a word after a
 * space and closing after a word before a space or punctuation; any other
 * single mark is an apostrophe and stays.  Returns how many regions (at
 * most max), sorted and without overlaps.
 */
static size_t find_quotes(const struct document *doc, const struct token *t,
			  uint32_t b, uint32_t n, uint8_t *drop,
			  struct quote_region *q, size_t max)
{
	size_t nq = 0, k, o;
	int64_t open = -1, sopen = -1;
	uint32_t last_end = b;

	for (uint32_t i = b; i < n && nq < max; i++) {
		int opening, closing;

		if (is_double_quote(doc, &t[i])) {
			drop[i] = 1;
			opening = tok_in(doc, &t[i], open_quotes,
					 ARRAY_SIZE(open_quotes));
			closing = tok_in(doc, &t[i], close_quotes,
					 ARRAY_SIZE(close_quotes));
			if (!opening && !closing) { /* straight: by position */
				opening = open < 0;
				closing = open >= 0;
			}
			if (closing && open >= 0) {
				q[nq++] = (struct quote_region){ .from = (uint32_t)open, .to = i };
				last_end = i + 1;
				open = -1;
			} else if (opening && open < 0) {
				open = i + 1;
			} else if (closing && open < 0) {
				q[nq++] = (struct quote_region){ .from = last_end, .to = i };
				last_end = i + 1;
			}
			continue;
		}
		if (t[i].kind != TOK_PUNCT)
			continue;
		if (sopen < 0 &&
		    tok_in(doc, &t[i], single_open, ARRAY_SIZE(single_open)) &&
		    (i == b || (t[i].flags & TOKF_SPACE_BEFORE) ||
		     drop[i - 1]) &&
		    i + 1 < n && !(t[i + 1].flags & TOKF_SPACE_BEFORE) &&
		    (t[i + 1].kind == TOK_WORD || t[i + 1].kind == TOK_NUMBER)) {
			sopen = i;
		} else if (sopen >= 0 &&
			   tok_in(doc, &t[i], single_close,
				  ARRAY_SIZE(single_close)) &&
			   !(t[i].flags & TOKF_SPACE_BEFORE) &&
			   (i + 1 == n || (t[i + 1].flags & TOKF_SPACE_BEFORE) ||
			    t[i + 1].kind == TOK_PUNCT)) {
			drop[sopen] = drop[i] = 1;
			q[nq++] = (struct quote_region){ .from = (uint32_t)sopen + 1, .to = i };
			sopen = -1;
		}
	}
	if (open >= 0 && nq < max)
		q[nq++] = (struct quote_region){ .from = (uint32_t)open, .to = n };
	qsort(q, nq, sizeof(*q), region_cmp);
	for (k = 0, o = 0; k < nq; k++)
		if (o == 0 || q[k].from >= q[o - 1].to)
			q[o++] = q[k];
	return o;
}

/*
 * A short quoted term inside the sentence's own syntax ('the move was
 * called "a provocation"'): two to MAX_TERM_WORDS words, lower-case, no
 * punctuation, right after a word of the sentence (not after a colon or
 * comma that introduces speech).  Such a term is a constituent of the
 * sentence around it, which must still parse with it, so its words may be
 * blamed.  Longer quoted fragments are excerpts of speech and may be
 * fragments; a single quoted word is often a mention of the word itself
 * ('between "who" and "whom"'), outside the syntax.
 */
#define MAX_TERM_WORDS 3

static int quoted_term(const struct document *doc, const struct token *t,
		       uint32_t b, struct quote_region q)
{
	uint32_t words = 0, before;

	for (uint32_t i = q.from; i < q.to; i++) {
		if (t[i].kind == TOK_WORD || t[i].kind == TOK_NUMBER)
			words++;
		else if (!tok_eq(doc, &t[i], "-"))
			return 0; // punctuation inside: speech
	}
	if (words < 2 || words > MAX_TERM_WORDS || q.from < b + 2)
		return 0;
	before = q.from - 2; /* the token before the opening mark */
	return is_quote(doc, &t[q.from - 1]) && t[before].kind == TOK_WORD &&
	       !(t[q.from].flags & TOKF_CAP);
}

/*
 * Does the token start a name rather than a sentence: a capitalised word on
 * the same line whose lower-case form the dictionary does not have
 * ("Stephen", not "He")?
 */
static int name_follows(struct prep *p, const struct token *t)
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
static int ends_on_abbrev(struct prep *p, uint32_t si)
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
	    !tok_eq(doc, &t[n - 1], ".") ||
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
static void prepare_sentence(struct prep *p, uint32_t si, uint32_t first_tok,
			     uint32_t n)
{
	struct document *doc = p->doc;
	const struct sentence *s = &doc->sentences[si];
	const struct token *t = &doc->tokens[first_tok];
	uint32_t b, words = 0, first;
	struct quote_region q[16];
	size_t nq;
	int final;

	for (uint32_t i = 0; i < n; i++) {
		if (t[i].kind != TOK_WORD)
			continue;
		words++;
		if ((t[i].flags & TOKF_IDEO) ||
		    ((t[i].flags & TOKF_NONASCII) &&
		     other_script(tok_text(doc, &t[i]), token_len(&t[i]))))
			return; // another script
	}
	if (words < MIN_WORDS)
		return;
	/* an ellipsis marks elided text: not meant to be a whole sentence */
	for (uint32_t i = 0; i < n; i++)
		if (tok_eq(doc, &t[i], "\u2026") ||
		    (i + 1 < n && tok_eq(doc, &t[i], ".") &&
		     tok_eq(doc, &t[i + 1], ".") &&
		     !(t[i + 1].flags & TOKF_SPACE_BEFORE)))
			return;
	final = has_final_punct(doc, t, n);
	if (!final && alone_on_line(doc, si)) {
		if (looks_headline(t, n))
			return;
		if (doc->paragraphs[s->paragraph].n_sentences > 1)
			return; // a list item or a line of a table
	}
	b = body_start(doc, t, n);
	p->drop = xcalloc(n, 1);
	p->tok = t;
	nq = find_quotes(doc, t, b, n, p->drop, q, ARRAY_SIZE(q));

	/* a quotation that covers the whole sentence is the sentence */
	for (size_t k = 0; k < nq; k++) {
		uint32_t in = 0, out = 0;

		for (uint32_t i = b; i < n; i++) {
			if (t[i].kind != TOK_WORD && t[i].kind != TOK_NUMBER)
				continue;
			if (i >= q[k].from && i < q[k].to)
				in++;
			else
				out++;
		}
		if (out == 0) {
			nq = 0;
			break;
		}
		q[k].full = in >= 4 && q[k].from < n &&
			    t[q[k].from].kind == TOK_WORD &&
			    (t[q[k].from].flags & TOKF_CAP);
		q[k].end = q[k].to;
		while (q[k].end > q[k].from + 1 &&
		       (tok_eq(doc, &t[q[k].end - 1], ",") ||
			tok_eq(doc, &t[q[k].end - 1], ";") ||
			p->drop[q[k].end - 1]))
			q[k].end--;
	}

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
					    quoted_term(doc, t, b, q[k])
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

/* --- findings ----------------------------------------------------------- */

/* Did an earlier pass report a grammar problem overlapping sp? */
static int reported_before(const struct diag_list *l, size_t n_before,
			   struct span sp)
{
	for (size_t i = 0; i < n_before; i++) {
		const struct diag *d = &l->v[i];

		if (d->category && strcmp(d->category, CATEGORY) == 0 &&
		    d->span.start < sp.end && sp.start < d->span.end)
			return 1;
	}
	return 0;
}

/* An unknown capitalised word, or a placeholder for an abbreviation, a
 * URL...: a name the dictionary lacks, not a grammar error. */
static int name_like(struct prep *p, const struct pword *w)
{
	char lower[64];
	size_t n;

	if (w->flags & PW_NAME)
		return 1;
	if (!(w->flags & PW_CAP) || (w->flags & PW_FIRST))
		return 0;
	/* parser_knows() would accept any capitalised word (link-grammar
	 * guesses those as names): ask for an entry, as written or in lower
	 * case */
	if (parser_has_entry(p->parser, w->text))
		return 0;
	n = strlen(w->text);
	if (n + 1 > sizeof(lower))
		return 1;
	memcpy(lower, w->text, n + 1);
	lower[0] = (char)tolower((unsigned char)lower[0]);
	return !parser_has_entry(p->parser, lower);
}

static const char *const subordinators[] = {
	"although", "because", "if", "since", "though", "unless", "when",
	"whereas", "while",
};

static const char *const particles[] = {
	"about", "after", "along", "at", "by", "down", "for", "from", "in",
	"into", "of", "off", "on", "out", "over", "through", "to", "up",
	"with",
};

/*
 * Shapes where the parser, not the sentence, is usually at fault (closed
 * word classes, never words of a text):
 *   - coordination: the unconnected word is a coordinating conjunction
 *     ("At last the infantry were ready, and off went the cavalry"):
 *     link-grammar's dictionary misses many coordinations of unlike
 *     phrases;
 *   - a preposition or particle left alone at the end ("It bears looking
 *     at.", "They sailed on by."): stranding is good English;
 *   - a subordinating conjunction opening the sentence, unconnected ("If
 *     you say so."): a subordinate clause standing alone, as speech has
 *     it.
 */
static int parser_limitation(const struct pword *pw, uint32_t n, uint32_t i,
			     uint32_t j)
{
	uint32_t k;

	if (word_in(pw[i].text, conjunctions, ARRAY_SIZE(conjunctions)))
		return 1;
	if ((pw[i].flags & PW_FIRST) &&
	    word_in(pw[i].text, subordinators, ARRAY_SIZE(subordinators)))
		return 1;
	if (i == j && word_in(pw[i].text, particles, ARRAY_SIZE(particles))) {
		for (k = j + 1; k < n; k++)
			if (!(pw[k].flags & PW_PUNCT))
				return 0;
		return 1;
	}
	return 0;
}

/* Lower-case words without a dictionary entry (*lower: lower-case words),
 * e.g. "gouvernement", "postive". */
static uint32_t unknown_words(struct prep *p, const struct pword *pw,
			      uint32_t n, uint32_t *lower)
{
	uint32_t unknown = 0;

	*lower = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (pw[i].flags & (PW_PUNCT | PW_CAP | PW_NAME |
				   PW_PLACEHOLDER) ||
		    !islower((unsigned char)pw[i].text[0]) ||
		    strlen(pw[i].text) < 2)
			continue;
		(*lower)++;
		if (!parser_has_entry(p->parser, pw[i].text))
			unknown++;
	}
	return unknown;
}

/* A word of the text with no dictionary entry, as written or in lower
 * case ("Twitte", "postive"). */
static int unknown_word(struct prep *p, const struct pword *w)
{
	char lower[64];
	size_t n = strlen(w->text);

	if (w->flags & (PW_PUNCT | PW_NAME | PW_PLACEHOLDER) ||
	    !isalpha((unsigned char)w->text[0]) || n + 1 > sizeof(lower) ||
	    parser_has_entry(p->parser, w->text))
		return 0;
	memcpy(lower, w->text, n + 1);
	lower[0] = (char)tolower((unsigned char)lower[0]);
	return !parser_has_entry(p->parser, lower);
}

static void report_unit(struct prep *p, const struct unit *u,
			const struct parse_job *job, size_t n_before)
{
	const struct pword *pw = &p->pw[u->first];
	uint32_t words = 0, nulls = 0, blamable = 0, names = 0, lower = 0;
	uint32_t unknown;
	struct {
		struct span sp;
		int single, near_unknown;
	} g[16];
	size_t n_groups = 0, reported = 0;
	int any_near_unknown = 0;

	for (uint32_t i = 0; i < u->n; i++) {
		if (pw[i].flags & PW_PUNCT)
			continue;
		words++;
		if (!job->unlinked[i])
			continue;
		nulls++;
		if (pw[i].flags & (PW_QUOTED | PW_PLACEHOLDER))
			continue;
		blamable++;
		if (name_like(p, &pw[i]))
			names++;
	}
	/* most words unconnected: another language, or not prose */
	if (nulls >= 4 && nulls * 10 > words * 4)
		return;
	/* many words the dictionary lacks: another language or jargon,
	 * where the parser's guesses are not worth an editor's time */
	unknown = unknown_words(p, pw, u->n, &lower);
	if (unknown >= 2 && lower >= 4 && unknown * 10 >= lower * 3)
		return;
	if (blamable == 0 || names == blamable)
		return;
	for (uint32_t i = 0; i < u->n && n_groups < ARRAY_SIZE(g); i++) {
		uint32_t j = i, k, prev = UINT32_MAX, next = UINT32_MAX;
		struct span sp, wide;

		if (!job->unlinked[i] ||
		    (pw[i].flags & (PW_PUNCT | PW_QUOTED | PW_PLACEHOLDER)))
			continue;
		while (j + 1 < u->n && job->unlinked[j + 1] &&
		       !(pw[j + 1].flags &
			 (PW_PUNCT | PW_QUOTED | PW_PLACEHOLDER)))
			j++;
		sp.start = pw[i].span.start;
		sp.end = pw[j].span.end;
		wide = sp;
		for (k = i; k-- > 0;)
			if (!(pw[k].flags & PW_PUNCT)) {
				wide.start = pw[k].span.start;
				prev = k;
				break;
			}
		for (k = j + 1; k < u->n; k++)
			if (!(pw[k].flags & PW_PUNCT)) {
				wide.end = pw[k].span.end;
				next = k;
				break;
			}
		k = i;
		i = j;
		if ((k == j && name_like(p, &pw[k])) ||
		    parser_limitation(pw, u->n, k, j) ||
		    reported_before(p->diags, n_before, wide))
			continue;
		g[n_groups].sp = sp;
		g[n_groups].single = k == j;
		g[n_groups].near_unknown =
			(prev != UINT32_MAX && unknown_word(p, &pw[prev])) ||
			(next != UINT32_MAX && unknown_word(p, &pw[next]));
		any_near_unknown |= g[n_groups].near_unknown;
		n_groups++;
	}
	/* where several groups are unconnected and some lie next to a word
	 * the dictionary lacks (a misspelling, an MT leftover), the parse went
	 * wrong there: the other groups are its consequences */
	for (size_t k = 0; k < n_groups && reported < MAX_GROUPS; k++) {
		struct span sp = g[k].sp;

		if (any_near_unknown && !g[k].near_unknown)
			continue;
		diag_add(p->diags, RULE_PARSE, CATEGORY, MT_SEV_WARNING, sp,
			 "this sentence does not parse: '%.*s' %s not "
			 "connected to the rest \u2014 %s",
			 (int)(sp.end - sp.start), p->doc->text + sp.start,
			 g[k].single ? "is" : "are",
			 g[k].single ? "a word may be missing next to it, or it "
				       "is out of place"
				     : "words may be missing or out of order "
				       "here");
		reported++;
	}
}

/*
 * A complete parse that reads the sentence only by splitting a noun phrase
 * between the opening prepositional phrase and the subject ("In a
 * chemical reaction observed by X showed that..." parsed as "In a
 * chemical, reaction ... showed"): the clause usually lacks its own
 * subject, or a comma is missing.  The parser finds every opener whose
 * object and the subject are adjacent nouns, which is also the shape of
 * good openers without a comma ("In this case users must..."); reported
 * only when the object is the bare head of "a/an X" and X also reads as an
 * adjective, so that "a/an X Y" is the natural reading of the words.  The
 * span is the two nouns.
 */
static void report_split(struct prep *p, const struct unit *u,
			 const struct parse_job *job, size_t n_before)
{
	const struct pword *pw = &p->pw[u->first];
	uint32_t x = (uint32_t)job->split_subject, o;
	const uint32_t bad = PW_PUNCT | PW_QUOTED | PW_PLACEHOLDER | PW_NAME;
	struct span sp;

	if (job->split_subject < 0 || x == 0 || x >= u->n)
		return;
	o = x - 1;
	if ((pw[x].flags & bad) || (pw[o].flags & bad) || o == 0 ||
	    (strcasecmp(pw[o - 1].text, "a") != 0 &&
	     strcasecmp(pw[o - 1].text, "an") != 0) ||
	    !parser_can_be_adjective(p->parser, pw[o].text))
		return;
	sp.start = pw[o].span.start;
	sp.end = pw[x].span.end;
	if (reported_before(p->diags, n_before, sp))
		return;
	diag_add(p->diags, RULE_PARSE, CATEGORY, MT_SEV_WARNING, sp,
		 "this sentence parses only by splitting '%.*s' between the "
		 "opening phrase and the subject ('%.*s, %.*s ...') \u2014 "
		 "the main clause may lack its subject, or a comma is missing",
		 (int)(sp.end - sp.start), p->doc->text + sp.start,
		 (int)(pw[o].span.end - pw[o].span.start),
		 p->doc->text + pw[o].span.start,
		 (int)(pw[x].span.end - pw[x].span.start),
		 p->doc->text + pw[x].span.start);
}

/* --- the pass ------------------------------------------------------------ */

static enum mt_err gp_open(struct checker *c,
			   const struct checker_options *opts, void **state,
			   struct mt_error *err)
{
	struct gp_state *st;
	struct parser_options po = { 0 };
	enum mt_err rc;

	st = xcalloc(1, sizeof(*st));
	*state = st;
	/* off, or its rule disabled: no dictionary to load */
	st->on = opts->grammar_parser == 1 &&
		 checker_rule_enabled(c, RULE_PARSE, CATEGORY);
	st->max_sentences = opts->grammar_parser_max_sentences;
	if (!st->on)
		return MT_ERR_OK;
	po.max_words = MAX_WORDS;
	rc = parser_open(&po, &st->parser, err);
	return rc;
}

static void gp_close(void *state)
{
	struct gp_state *st = state;

	if (!st)
		return;
	parser_close(st->parser);
	free(st);
}

static enum mt_err gp_run(void *state, struct check_ctx *ctx,
			  struct mt_error *err)
{
	struct gp_state *st = state;
	struct prep p = { 0 };
	struct parse_job *jobs;
	const char **words;
	uint8_t *unlinked, *glue;
	size_t n_before = ctx->diags->n, skipped = 0, n_parse;
	struct span first_skipped = { 0, 0 };

	(void)err;
	if (!st->on || !checker_rule_enabled(ctx->checker, RULE_PARSE,
					     CATEGORY))
		return MT_ERR_OK;
	p.doc = ctx->doc;
	p.parser = st->parser;
	p.diags = ctx->diags;
	for (uint32_t si = 0; si < ctx->doc->n_sentences;) {
		const struct sentence *s = &ctx->doc->sentences[si];
		uint32_t last = si;

		while (ends_on_abbrev(&p, last))
			last++;
		prepare_sentence(&p, si, s->first_token,
				 ctx->doc->sentences[last].first_token +
					 ctx->doc->sentences[last].n_tokens -
					 s->first_token);
		si = last + 1;
	}

	jobs = xcalloc(p.n_units ? p.n_units : 1, sizeof(*jobs));
	words = xmalloc((p.n_pw ? p.n_pw : 1) * sizeof(*words));
	unlinked = xcalloc(p.n_pw ? p.n_pw : 1, 1);
	glue = xcalloc(p.n_pw ? p.n_pw : 1, 1);
	for (size_t i = 0; i < p.n_pw; i++) {
		words[i] = p.pw[i].text;
		glue[i] = p.pw[i].glue;
	}
	for (size_t u = 0; u < p.n_units; u++) {
		jobs[u].words = &words[p.units[u].first];
		jobs[u].n_words = p.units[u].n;
		jobs[u].unlinked = &unlinked[p.units[u].first];
		jobs[u].glue = &glue[p.units[u].first];
	}
	/* the budget counts sentences, in text order, never time: the same
	 * document is checked the same on any machine and under any load */
	n_parse = p.n_units;
	if (st->max_sentences && n_parse > st->max_sentences)
		n_parse = st->max_sentences;
	for (size_t u = n_parse; u < p.n_units; u++)
		jobs[u].status = PARSE_SKIPPED;
	if (ctx->quick)
		parser_parse_cached(st->parser, jobs, n_parse);
	else
		parser_parse(st->parser, jobs, n_parse, 0);

	for (size_t u = 0; u < p.n_units; u++) {
		switch (jobs[u].status) {
		case PARSE_COMPLETE:
			report_split(&p, &p.units[u], &jobs[u], n_before);
			break;
		case PARSE_NULLS:
			report_unit(&p, &p.units[u], &jobs[u], n_before);
			break;
		case PARSE_TIMEOUT:
			diag_add(ctx->diags, RULE_SKIPPED, CATEGORY,
				 MT_SEV_INFO, p.units[u].span,
				 "the grammar parser ran out of time on this "
				 "sentence: not checked");
			break;
		case PARSE_TOO_LONG:
			skip_note(&p, p.units[u].span,
				  "sentence too long for the grammar parser "
				  "(%u words): not checked",
				  jobs[u].n_words);
			break;
		case PARSE_SKIPPED:
			if (!skipped++)
				first_skipped = p.units[u].span;
			break;
		default:
			break;
		}
	}
	if (skipped && !ctx->quick)
		diag_add(ctx->diags, RULE_SKIPPED, CATEGORY, MT_SEV_INFO,
			 first_skipped,
			 "the grammar parser's budget (%u sentences a "
			 "document) ran out here: %zu sentence%s not checked",
			 st->max_sentences, skipped, skipped == 1 ? "" : "s");
	free(glue);
	free(unlinked);
	free(words);
	free(jobs);
	free(p.pw);
	free(p.units);
	return MT_ERR_OK;
}

static size_t gp_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = gp_rules;
	return ARRAY_SIZE(gp_rules);
}

const struct check_pass grammar_parser_pass = {
	.name = "grammar-parser",
	.open = gp_open,
	.run = gp_run,
	.close = gp_close,
	.rules = gp_rule_list,
};
