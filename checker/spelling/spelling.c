/*
 * spelling: the spelling pass (see spelling.h; its state and one run are
 * spelling_internal.h's).
 *
 * Long-lived state (dictionary, word lists, name index, reject list) is
 * loaded in spelling_open() (spelling_lists.c); per document, the pass
 * builds the set of the reference's words and the counts of the
 * document's capitalised words in the document's arena, then walks the
 * word tokens once.  Each word is classified (wordform.h: what it is made
 * of; classify.h: what kind of unknown word) and the findings are made
 * here: which rule, what message, which fixes.
 */
#include "spelling/spelling.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "spelling/classify.h"
#include "spelling/deliberate.h"
#include "spelling/hunspell.h"
#include "spelling/rank.h"
#include "spelling/spelling_internal.h"
#include "spelling/wordform.h"
#include "text/segment.h"
#include "util/arena.h"

#define CAT "fluency/spelling"

static const struct rule_info spelling_rules[] = {
	{ "spelling.unknown-word", CAT, MT_SEV_WARNING,
	  "a lower-case word no dictionary knows, with suggestions", NULL,
	  "news 89% of 28 flags on a marked error, ted 67% of 27 (before "
	  "unknown-term took the words no known word is one edit from); "
	  "two known words run together: TED 4 of 4 such flags on a marked "
	  "error, Brown 7 (closed compounds); Brown 26 in 1,490 sentences "
	  "in all: warning",
	  .bad = RULE_EXAMPLES("The [goverment] met on Friday. -> government",
			       "They hope to [recieve] an answer. -> receive",
			       "It is a well-[knwon] fact. -> known",
			       "He lit the [stormlamp] at dusk. -> storm lamp",
			       "They moved into Kyiv-[bsed] offices. -> based",
			       "The plan [doesnt] work. -> doesn't",
			       "[Im] not sure. -> I'm",
			       "There was [alot] of rain. -> a lot",
			       "[Infact] it rained. -> In fact"),
	  .good = RULE_EXAMPLES(
		  "The government met on Friday.",
		  "Mail news@example.org or see https://example.org/xq.",
		  "It felt like deja vu to the 72nd guest.",
		  "“Where are you runnin'?” she asked.",
		  "He was supercautious that day.",
		  "The ante-diluvian rules held.",
		  "The envoy met Chae Dong-hyuk and Lim Soo-yeon.",
		  "They sailed to another island therein."),
	  .guesses = 1 },
	{ "spelling.misspelled-name", CAT, MT_SEV_WARNING,
	  "a capitalised unknown word close to a known name "
	  "(reference, name lists, the same document)",
	  NULL,
	  "news 1 flag, on a marked error; ted 0; Brown 0 in 1,490 "
	  "sentences: warning. Before a consonant added to or dropped from "
	  "a short listed name stopped counting (spelling_names.c): news "
	  "51 flags and ted 5 on marked names, every one a correct name or "
	  "another transliteration with an absurd suggestion, and Brown 5 "
	  "(correct names)",
	  .bad = RULE_EXAMPLES(
		  "Kowalczyk spoke first. Kowalczyk left early. Later "
		  "[Kowalcyk] returned. -> Kowalczyk",
		  "The firm sued [Microsotf] again. -> Microsoft",
		  "The firm sued [Micosoft] again. -> Microsoft",
		  "Shares of [Panasnoic] fell. -> Panasonic",
		  "Shares of [Unileverr] fell. -> Unilever"),
	  .good = RULE_EXAMPLES("They flew to Tokyo in May.",
				"Yesterday Dmitri and Dmitry both spoke.",
				"Yesterday Nadira spoke to reporters.",
				"The lease was signed by Mr Petrak."),
	  .guesses = 1 },
	{ "spelling.unknown-term", CAT, MT_SEV_INFO,
	  "a lower-case word no dictionary knows that looks deliberate: no "
	  "known word is one edit away, or it is an elision the writer "
	  "marks, a prefix on a known word, a compound adjective written "
	  "solid, part of a phrase of unknown words, or used in three "
	  "sentences or more",
	  NULL,
	  "news 4 flags (technical terms such as 'andrological'), Brown 10 "
	  "('nociceptive', 'montmorillonites'), few on a marked error: info. "
	  "The deliberate shapes (spelling/deliberate.h) took 18 Brown "
	  "warnings (dialect, Latin, coined terms); on MQM 'microblogging' "
	  "and 'superblack' (1 of 4 flags on a marked error)",
	  .bad = RULE_EXAMPLES("The samples showed [zenthoquical] layers.",
			       "“Where are you [runnin]'?” she asked.",
			       "He was [supercautious] that day.",
			       "She wore a [rustcolored] coat.",
			       "He wrote quod erat [demonstrandum] under it."),
	  .good = RULE_EXAMPLES("The samples showed geological layers.",
				"The samples showed geolgical layers.",
				"He lit the stormlamp at dusk.",
				"We are runnin to the market.") },
	{ "spelling.unknown-name", CAT, MT_SEV_INFO,
	  "a capitalised word no dictionary knows (usually a name)", NULL,
	  "mostly correct names (213 on 1,490 Brown sentences): info",
	  .bad = RULE_EXAMPLES("The envoy [Zorblattin] said so."),
	  .good = RULE_EXAMPLES("The envoy Smith said so.",
				"The QXZW said so.") },
	{ "spelling.rejected-word", CAT, MT_SEV_WARNING,
	  "a word the --reject lists forbid, with its preferred form", NULL,
	  "the user's own list: what it names is wrong by definition",
	  .bad = RULE_EXAMPLES("The tanks left [Kiev] at dawn. -> Kyiv",
			       "It was, [irregardless], a success."),
	  .good = RULE_EXAMPLES("The tanks left Kyiv at dawn.",
				"It was, regardless, a success."),
	  .reject = "Kiev -> Kyiv\nirregardless\n" },
	{ "spelling.dialect-variant", CAT, MT_SEV_INFO,
	  "a spelling of the other English dialect (behaviour/behavior)", NULL,
	  "a style choice, not an error: MQM 0 flags, Brown 2: info",
	  .bad = RULE_EXAMPLES("Their [behaviour] was odd. -> behavior",
			       "The [colour] faded. -> color"),
	  .good = RULE_EXAMPLES("Their behavior was odd.",
				"The color faded.") },
};

/* Indexes of spelling_rules[]. */
enum {
	R_UNKNOWN,
	R_MISSPELLED_NAME,
	R_UNKNOWN_TERM,
	R_UNKNOWN_NAME,
	R_REJECTED,
	R_VARIANT
};

int spelling_any_enabled(const struct checker *c)
{
	int any = 0;

	for (size_t i = 0; i < ARRAY_SIZE(spelling_rules); i++)
		any |= checker_rule_enabled(c, spelling_rules[i].id,
					    spelling_rules[i].category);
	return any;
}

/* ---- one document ----------------------------------------------------- */

/* Length of the part separator at text[i] (a hyphen, U+2010, U+2011, or
 * a full stop between words: "interest.One" is two words with a space
 * missing), or 0. */
static size_t separator(const char *text, uint32_t i, uint32_t end)
{
	const unsigned char *u = (const unsigned char *)text + i;

	if (text[i] == '-' || text[i] == '.')
		return 1;
	if (i + 3 <= end && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x90 || u[2] == 0x91))
		return 3;
	return 0;
}

/* Call fn on each hyphen- or dot-separated part of the token. */
static void each_part(const char *text, struct span sp,
		      void (*fn)(struct run *r, struct span part, int whole),
		      struct run *r)
{
	uint32_t s = sp.start;
	int whole = 1;

	for (uint32_t i = sp.start; i < sp.end && whole; i++)
		whole = separator(text, i, sp.end) == 0;
	if (whole) {
		fn(r, sp, 1);
		return;
	}
	for (uint32_t i = sp.start; i <= sp.end; i++) {
		size_t hl = i < sp.end ? separator(text, i, sp.end) : 0;

		if (i == sp.end || hl) {
			if (i > s)
				fn(r, (struct span){ s, i }, 0);
			s = i + (uint32_t)hl;
			i += hl ? (uint32_t)hl - 1 : 0;
		}
	}
}

static void add_ref_part(struct run *r, struct span p, int whole)
{
	char b[SPELLER_MAX_WORD + 1];
	size_t n;

	(void)whole;
	if (p.end - p.start > SPELLER_MAX_WORD)
		return;
	n = wordform_base(r->ctx->ref->text + p.start, p.end - p.start, b,
			  sizeof(b));
	smap_put(&r->ref_words, &r->doc->arena, b, n);
}

static void count_cap_part(struct run *r, struct span p, int whole)
{
	char b[SPELLER_MAX_WORD + 1];
	size_t n;
	struct wordform wi;

	(void)whole;
	if (p.end - p.start > SPELLER_MAX_WORD)
		return;
	n = wordform_base(r->doc->text + p.start, p.end - p.start, b,
			  sizeof(b));
	wordform_scan(b, n, &wi);
	if (wi.first_upper && wi.upper < wi.letters)
		smap_put(&r->caps, &r->doc->arena, b, n)->count++;
}

int spelling_in_reference(struct run *r, const char *b, size_t n)
{
	return smap_count(&r->ref_words) && smap_find(&r->ref_words, b, n);
}

/* Is the word, with the words around it, a listed phrase ("deja vu")? */
static int in_phrase(struct run *r, uint32_t ti)
{
	struct document *doc = r->doc;
	struct smap *ph = &r->st->phrases;

	if (!smap_count(ph))
		return 0;
	/* windows of 2 and 3 word tokens holding ti */
	for (uint32_t len = 2; len <= 3; len++) {
		for (uint32_t first = ti >= len - 1 ? ti - (len - 1) : 0;
		     first <= ti; first++) {
			uint32_t last = first + len - 1;
			const struct token *a, *z;
			size_t n;
			char *low;
			int ok = 1;

			if (last >= doc->n_tokens)
				break;
			for (uint32_t k = first; k <= last; k++)
				if (doc->tokens[k].kind != TOK_WORD ||
				    (k > first &&
				     (doc->tokens[k].flags & TOKF_LINE_BEFORE)))
					ok = 0;
			if (!ok)
				continue;
			a = &doc->tokens[first];
			z = &doc->tokens[last];
			if (z->span.end - a->span.start > 200)
				continue;
			low = wordform_lower(&doc->arena,
					     doc->text + a->span.start,
					     z->span.end - a->span.start, &n);
			/* collapse runs of whitespace to one space */
			{
				size_t o = 0;

				for (size_t i = 0; i < n; i++) {
					char c = low[i];

					if (c == '\n' || c == '\t' || c == '\r')
						c = ' ';
					if (c == ' ' && o && low[o - 1] == ' ')
						continue;
					low[o++] = c;
				}
				n = o;
			}
			if (smap_find(ph, low, n))
				return 1;
		}
	}
	return 0;
}

/*
 * Does the dictionary know the hyphenated token ti written solid
 * ("ante-bellum" as "antebellum", "co-operate")?  Then its parts are a
 * spelling of a known word, whatever they are alone.
 */
static int joined_known(struct run *r, uint32_t ti)
{
	const struct token *t = &r->doc->tokens[ti];
	const char *w = r->doc->text + t->span.start;
	char b[SPELLER_MAX_WORD + 1];
	size_t o = 0;

	if (!(t->flags & TOKF_HYPHEN))
		return 0;
	for (uint32_t i = 0; i < t->span.end - t->span.start; i++) {
		if (w[i] == '-')
			continue;
		if (w[i] == '.' || o + 1 >= sizeof(b))
			return 0;
		b[o++] = w[i];
	}
	return o > 0 && speller_check(r->st->sp, b, o);
}

static int sentence_initial(const struct document *doc, uint32_t ti)
{
	uint32_t s = document_sentence_at(doc, doc->tokens[ti].span.start);
	uint32_t k;

	if (s == UINT32_MAX)
		return 0;
	for (k = doc->sentences[s].first_token; k < ti; k++)
		if (doc->tokens[k].kind == TOK_WORD ||
		    doc->tokens[k].kind == TOK_NUMBER)
			return 0;
	return 1;
}

/*
 * Append ranked suggestions: the index's (hunspell.h), never Hunspell's own
 * search, whose time limit would make them depend on the machine.  A word
 * with no dictionary word within two edits gets none.
 */
static void suggest(struct run *r, struct diag *d, const char *w, size_t n,
		    size_t max)
{
	const char *const *v;
	size_t k = speller_suggest(r->st->sp, w, n, SPELLER_ORDER_INDEX, &v);

	for (size_t i = 0; i < k && i < max; i++)
		diag_suggest(r->ctx->diags, d, v[i]);
}

static const struct rule_info *rule(int i)
{
	return &spelling_rules[i];
}

static struct diag *report(struct run *r, int ri, struct span sp,
			   const char *fmt, const char *w, int n,
			   const char *extra)
{
	const struct rule_info *ru = rule(ri);

	if (!checker_rule_enabled(r->ctx->checker, ru->id, ru->category))
		return NULL;
	return diag_add(r->ctx->diags, ru->id, ru->category, ru->severity, sp,
			fmt, n, w, extra ? extra : "");
}

static int coordinator(const struct document *doc, uint32_t ti)
{
	const struct token *t = &doc->tokens[ti];
	const char *w = doc->text + t->span.start;
	size_t n = t->span.end - t->span.start;

	return (n == 3 &&
		(!strncasecmp(w, "and", 3) || !strncasecmp(w, "nor", 3))) ||
	       (n == 2 && !strncasecmp(w, "or", 2));
}

/*
 * "dont" after he, she or it: the apostrophe put back gives "don't", but
 * the subject wants "doesn't" ("she dont know"), as grammar.third-person-dont
 * says of "she don't".
 */
static int third_person_dont(struct run *r, const char *w, size_t n)
{
	char form[SPELLER_MAX_WORD + 2];
	const struct token *p;
	const char *pw;
	size_t pn;

	if (r->ti == 0 || !speller_apostrophe_form(r->st->sp, w, n, form) ||
	    strcasecmp(form, "don't") != 0)
		return 0;
	p = &r->doc->tokens[r->ti - 1];
	pw = r->doc->text + p->span.start;
	pn = p->span.end - p->span.start;
	/* "you and he dont": a plural subject */
	if (r->ti >= 2 && coordinator(r->doc, r->ti - 2))
		return 0;
	return p->kind == TOK_WORD &&
	       p->span.end < r->doc->tokens[r->ti].span.start &&
	       ((pn == 2 &&
		 (!strncasecmp(pw, "he", 2) || !strncasecmp(pw, "it", 2))) ||
		(pn == 3 && !strncasecmp(pw, "she", 3)));
}

/* A word misspelt: reported with the index's suggestions; when the first
 * is the word with a space or hyphen put in ("alot" -> "a lot"), as two
 * words run together. */
static void unknown_word(struct run *r, struct span sp, const char *w, size_t n)
{
	struct diag *d = report(r, R_UNKNOWN, sp, "unknown word '%.*s'%s", w,
				(int)n, "");
	const char *const *v;

	if (!d)
		return;
	if (third_person_dont(r, w, n))
		diag_suggest(r->ctx->diags, d, "doesn't");
	if (speller_suggest(r->st->sp, w, n, SPELLER_ORDER_INDEX, &v) &&
	    speller_is_split(v[0], w, n))
		d->message = arena_printf(&r->doc->arena,
					  "%s: two words run together?",
					  d->message);
	suggest(r, d, w, n, 5);
}

/* The fixes of two words run together at `split`: the speller's
 * spellings of that split in its order (the corpus's: "long-term", 32
 * times in it, before "long term", 3), else the two words apart, joined
 * by a space, then by a hyphen. */
static void compound_fixes(struct run *r, struct diag *d, const char *w,
			   size_t n, size_t split)
{
	const char *const *v;
	size_t k = speller_suggest(r->st->sp, w, n, SPELLER_ORDER_INDEX, &v);
	size_t m = 0;

	for (size_t i = 0; i < k && m < 2; i++)
		if (speller_is_split(v[i], w, n) &&
		    (v[i][split] == ' ' || v[i][split] == '-')) {
			diag_suggest(r->ctx->diags, d, v[i]);
			m++;
		}
	if (m)
		return;
	diag_suggest(r->ctx->diags, d,
		     arena_printf(&r->doc->arena, "%.*s %.*s", (int)split, w,
				  (int)(n - split), w + split));
	diag_suggest(r->ctx->diags, d,
		     arena_printf(&r->doc->arena, "%.*s-%.*s", (int)split, w,
				  (int)(n - split), w + split));
}

/* Lower-case words: look in the other dialect's dictionary, then report. */
static void unknown_lower(struct run *r, struct span sp, const char *w,
			  size_t n)
{
	struct spelling *st = r->st;
	struct diag *d;
	size_t split = 0;
	enum deliberate_kind why;

	if (spelling_variant(st) && speller_check(st->variant, w, n)) {
		char *other = classify_dialect_form(st->sp, st->variant,
						    strcmp(st->variant_lang,
							   "en_GB") == 0,
						    w, n, &r->doc->arena);

		/* A dialect pair (behaviour/behavior) when a regular change
		 * gives a word only our dictionary knows; otherwise a word
		 * the other dictionary knows (the British one is much
		 * larger): accepted. */
		if (other) {
			d = report(r, R_VARIANT, sp, "'%.*s' is %s spelling", w,
				   (int)n,
				   strcmp(st->variant_lang, "en_GB") == 0
					   ? "the British"
					   : "the American");
			if (d) {
				d->message = arena_printf(&r->doc->arena,
							  "%s; %s has '%s'",
							  d->message, st->lang,
							  other);
				diag_suggest(r->ctx->diags, d, other);
			}
		}
		return;
	}
	why = deliberate_why(&r->delib, r->ti, sp);
	if (why != DELIBERATE_NONE) {
		report(r, R_UNKNOWN_TERM, sp, "unknown word '%.*s'%s", w,
		       (int)n,
		       arena_printf(&r->doc->arena, ": %s",
				    deliberate_reason(why)));
		return;
	}
	switch (classify_shape(st->sp, w, n, &split)) {
	case CLASSIFY_TERM:
		report(r, R_UNKNOWN_TERM, sp,
		       "unknown word '%.*s'%s: no known word is one edit away "
		       "(a term the dictionary lacks?)",
		       w, (int)n, "");
		return;
	case CLASSIFY_COMPOUND:
		/* A noun and a participle or -ed adjective written solid
		 * ("olivefaced", "citybred"): a compound adjective, whose
		 * hyphen is a matter of style */
		if (n - split >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd') {
			report(r, R_UNKNOWN_TERM, sp,
			       "unknown word '%.*s'%s: a compound adjective "
			       "written solid (usually hyphenated)",
			       w, (int)n, "");
			return;
		}
		/* On real MT output such words were marked as errors as
		 * often as other typos (a lost space: make eval-mqm); in
		 * edited prose they are often closed compounds (Brown): a
		 * warning, whose fixes are the two words apart, joined by a
		 * space or a hyphen. */
		d = report(r, R_UNKNOWN, sp,
			   "unknown word '%.*s'%s: two words run together?", w,
			   (int)n, "");
		if (d)
			compound_fixes(r, d, w, n, split);
		return;
	case CLASSIFY_TYPO:
		break;
	}
	unknown_word(r, sp, w, n);
}

/*
 * Is the word on a --reject list?  Then it is reported (with its preferred
 * form, when the list gives one) and nothing else is said of it.  b is its
 * base form (wordform_base()).
 */
static int rejected(struct run *r, struct span sp, const char *b, size_t bn)
{
	const char *w = r->doc->text + sp.start;
	size_t n = sp.end - sp.start, ln;
	struct smap_ent *rej;
	struct diag *d;
	char *low;

	if (!smap_count(&r->st->reject))
		return 0;
	low = wordform_lower(&r->doc->arena, b, bn, &ln);
	rej = smap_find(&r->st->reject, low, ln);
	if (!rej)
		return 0;
	d = report(r, R_REJECTED, sp, "'%.*s' is on the reject list%s", w,
		   (int)n, *rej->val ? "; use " : "");
	if (d && *rej->val) {
		d->message = arena_printf(&r->doc->arena, "%s'%s'", d->message,
					  rej->val);
		diag_suggest(r->ctx->diags, d, rej->val);
	}
	return 1;
}

/*
 * "Teh" opening a sentence is "the" misspelt: is the best of the index's
 * candidates for the capitalised word (a close common word is among them
 * when there is one) a common lower-case word one edit or less away?
 */
static int misspelt_common_word(struct run *r, const char *w, size_t n)
{
	struct speller *sp = r->st->sp;
	const char *const *v;
	size_t k = speller_suggest(sp, w, n, SPELLER_ORDER_INDEX, &v), at;
	char *low, pair[SPELLER_MAX_WORD + 2];

	/* "Infact" -> "In fact": a pair the corpus has, first on that
	 * evidence (not a name that merely splits: "Greenberg") */
	if (k && speller_is_split(v[0], w, n) &&
	    speller_attested_split(sp, w, n, pair, &at) &&
	    strcmp(v[0], pair) == 0)
		return 1;
	/* the first letter is right in nearly every typo ("Teh"): a common
	 * word without it ("Oso", "so") is no evidence */
	if (!k || (v[0][0] | 0x20) != (w[0] | 0x20) ||
	    speller_frequency(sp, v[0], strlen(v[0])) < 100 ||
	    rank_distance(w, n, v[0], strlen(v[0])) > 1.0)
		return 0;
	low = wordform_lower(&r->doc->arena, v[0], strlen(v[0]), NULL);
	return speller_check(sp, low, strlen(low));
}

/*
 * A capitalised word that is a contraction without its apostrophe: "Im",
 * "Ive", "Theyll", "Dont" anywhere, and with "'s" ("Thats", "Whats") when
 * it opens the sentence -- elsewhere a capital before a lost "'s" is a
 * name's possessive or plural, which the name checks judge.
 */
static int contraction_slip(struct run *r, const char *w, size_t n, int initial)
{
	char form[SPELLER_MAX_WORD + 2];
	size_t fl = speller_apostrophe_form(r->st->sp, w, n, form);

	return fl && (speller_contraction(form) ||
		      (initial && !strcmp(strchr(form, '\'') + 1, "s")));
}

/* A capitalised unknown word: a misspelling of a known name, with the
 * name (and the word's possessive ending) as the fix, or an unknown
 * name. */
static void unknown_capitalised(struct run *r, struct span sp, const char *b,
				size_t bn)
{
	const char *w = r->doc->text + sp.start;
	size_t n = sp.end - sp.start;
	const char *src = NULL;
	const char *known = spelling_known_name(r, b, bn, &src);
	struct diag *d;
	size_t pl;

	if (!known) {
		report(r, R_UNKNOWN_NAME, sp, "unknown name '%.*s'%s", w,
		       (int)n, "");
		return;
	}
	d = report(r, R_MISSPELLED_NAME, sp,
		   "'%.*s' looks like a misspelling of '%s'", w, (int)n, known);
	if (!d)
		return;
	pl = wordform_possessive_len(w, n);
	d->message = arena_printf(&r->doc->arena, "%s, known from %s",
				  d->message, src);
	diag_suggest(r->ctx->diags, d,
		     arena_printf(&r->doc->arena, "%s%.*s", known, (int)pl,
				  w + n - pl));
}

/*
 * Is token ti a given name written with a hyphen after a family name
 * ("Kwon Min-seo")?  Its first part is a capital and lower case letters
 * (not an acronym: "GPS-enabled" is checked), and the word right before
 * it is capitalised too (opening the sentence, a word the dictionary does
 * not know in lower case: not "The").  The lower case parts after the
 * hyphen are syllables of the name, as the romanisation of Korean and
 * Chinese given names writes them; the first part is checked as a name.
 * A place before a participle ("in Seoul-based firms") is not after a
 * capital, and is checked.
 */
static int name_with_hyphen(struct run *r, uint32_t ti)
{
	const struct token *t = &r->doc->tokens[ti];
	const char *w = r->doc->text + t->span.start;
	uint32_t n = 0, len = t->span.end - t->span.start;
	char low[SPELLER_MAX_WORD];
	struct wordform wi;

	while (n < len && !separator(w, n, len))
		n++;
	if (n < 2 || n == len || w[n] != '-')
		return 0;
	wordform_scan(w, n, &wi);
	if (!wi.first_upper || wi.upper != 1 || wi.letters != (int)n ||
	    ti == 0 || t[-1].kind != TOK_WORD ||
	    document_sentence_at(r->doc, t[-1].span.start) !=
		    document_sentence_at(r->doc, t->span.start))
		return 0;
	w = r->doc->text + t[-1].span.start;
	n = t[-1].span.end - t[-1].span.start;
	wordform_scan(w, n, &wi);
	if (!wi.first_upper || n > SPELLER_MAX_WORD)
		return 0;
	if (!sentence_initial(r->doc, ti - 1))
		return 1;
	/* opening the sentence, "The" or "But" is no family name */
	memcpy(low, w, n);
	low[0] = (char)tolower((unsigned char)low[0]);
	return !speller_check(r->st->sp, low, n);
}

/*
 * One word, or one part of a hyphenated or dotted token (whole: the token
 * is this one part), of token ti: what is never checked, what is accepted,
 * and which finding an unknown word gets.
 */
static void check_part(struct run *r, struct span sp, int whole, uint32_t ti)
{
	struct spelling *st = r->st;
	const char *w = r->doc->text + sp.start;
	size_t n = sp.end - sp.start;
	char b[SPELLER_MAX_WORD + 1];
	size_t bn;
	struct wordform wi;

	if (n == 0 || n > SPELLER_MAX_WORD)
		return;
	wordform_scan(w, n, &wi);
	/* codes, foreign scripts, "@name" the segmenter left as a word */
	if (wi.letters < 2 || wi.digits || wi.nonlatin || wi.other)
		return; /* single letters: initials, list markers, "é" */
	bn = wordform_base(w, n, b, sizeof(b));
	if (rejected(r, sp, b, bn))
		return;
	/* acronyms: FSB, GRU (and their plural or possessive) */
	if (wi.upper == wi.letters && wi.letters <= st->acronym_max)
		return;
	if (wi.upper > 1 && wi.letters - wi.upper <= 1 &&
	    wi.letters <= st->acronym_max + 1 && (w[n - 1] == 's'))
		return; /* "MPs", "NGOs" */
	if (speller_check(st->sp, w, n))
		return;
	if (!whole && joined_known(r, ti))
		return;
	if (spelling_in_reference(r, b, bn))
		return;
	/* loanwords written with their accents: café, déjà, naïve */
	if (wi.nonascii) {
		char plain[SPELLER_MAX_WORD + 1];
		size_t pn = wordform_strip_accents(w, n, plain, sizeof(plain));

		if (pn && speller_check(st->sp, plain, pn))
			return;
	}
	if (in_phrase(r, ti))
		return;
	if (wi.first_upper) {
		int initial = whole && sentence_initial(r->doc, ti);

		/* "Im" is "I'm" (whatever the other dialect's dictionary
		 * knows: a name, perhaps); "Teh" opening a sentence is "the"
		 * misspelt */
		if (whole && wi.upper == 1 &&
		    contraction_slip(r, w, n, initial))
			unknown_word(r, sp, w, n);
		else if (initial && wi.upper == 1 &&
			 misspelt_common_word(r, w, n))
			unknown_lower(r, sp, w, n);
		else
			unknown_capitalised(r, sp, b, bn);
		return;
	}
	/* mL, kDa, iPhone, eBay: a capital inside a lower-case word marks a
	 * unit, symbol or brand, not a misspelt common word */
	if (wi.upper > 0) {
		report(r, R_UNKNOWN_NAME, sp, "unknown name or symbol '%.*s'%s",
		       w, (int)n, "");
		return;
	}
	if (!whole && name_with_hyphen(r, ti))
		return;
	unknown_lower(r, sp, w, n);
}

static void check_part_cb(struct run *r, struct span p, int whole)
{
	check_part(r, p, whole, r->ti);
}

static void add_code_span(struct run *r, struct span **v, size_t *n,
			  size_t *cap, size_t start, size_t end)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct span *nv = arena_alloc(&r->doc->arena,
					      ncap * sizeof(*nv));

		if (*n)
			memcpy(nv, *v, *n * sizeof(**v));
		*v = nv;
		*cap = ncap;
	}
	(*v)[(*n)++] = (struct span){ (uint32_t)start, (uint32_t)end };
}

/*
 * Text that is not prose, never checked: spans between backticks on one
 * line (code) and HTML comments ("<!-- mtlint-disable ... -->"
 * suppressions among them).  In text order, not overlapping.
 */
static void find_code_spans(struct run *r)
{
	const char *t = r->doc->text;
	size_t len = r->doc->len, n = 0, cap = 0;
	struct span *v = NULL;

	for (size_t i = 0; i < len; i++) {
		if (t[i] == '<' && i + 4 <= len &&
		    memcmp(t + i, "<!--", 4) == 0) {
			const char *e = memmem(t + i + 4, len - i - 4, "-->",
					       3);
			size_t end = e ? (size_t)(e - t) + 3 : len;

			add_code_span(r, &v, &n, &cap, i, end);
			i = end - 1;
			continue;
		}
		if (t[i] != '`')
			continue;
		for (size_t j = i + 1; j < len && t[j] != '\n'; j++)
			if (t[j] == '`') {
				add_code_span(r, &v, &n, &cap, i, j + 1);
				i = j;
				break;
			}
	}
	r->code = v;
	r->n_code = n;
}

static int in_code(struct run *r, const struct token *t)
{
	while (r->code_i < r->n_code && r->code[r->code_i].end <= t->span.start)
		r->code_i++;
	return r->code_i < r->n_code &&
	       r->code[r->code_i].start <= t->span.start;
}

static enum mt_err spelling_run(void *state, struct check_ctx *ctx,
				struct mt_error *err)
{
	struct spelling *st = state;
	struct document *doc = ctx->doc;
	struct run r = { .st = st, .ctx = ctx, .doc = doc };

	(void)err;
	if (!st->on || !spelling_any_enabled(ctx->checker))
		return MT_ERR_OK;
	if (ctx->ref)
		for (uint32_t i = 0; i < ctx->ref->n_tokens; i++)
			if (ctx->ref->tokens[i].kind == TOK_WORD)
				each_part(ctx->ref->text,
					  ctx->ref->tokens[i].span,
					  add_ref_part, &r);
	for (uint32_t i = 0; i < doc->n_tokens; i++)
		if (doc->tokens[i].kind == TOK_WORD)
			each_part(doc->text, doc->tokens[i].span,
				  count_cap_part, &r);
	find_code_spans(&r);
	deliberate_init(&r.delib, doc, st->sp);
	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		const struct token *t = &doc->tokens[i];

		if (t->kind != TOK_WORD ||
		    (t->flags & (TOKF_ABBREV | TOKF_IDEO)))
			continue;
		if (in_code(&r, t))
			continue;
		r.ti = i;
		each_part(doc->text, t->span, check_part_cb, &r);
	}
	smap_release(&r.ref_words);
	smap_release(&r.caps);
	smap_release(&r.known);
	deliberate_release(&r.delib);
	for (size_t i = 0; i < 256; i++)
		free(r.cand[i]);
	return MT_ERR_OK;
}

static size_t spelling_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = spelling_rules;
	return ARRAY_SIZE(spelling_rules);
}

const struct check_pass spelling_pass = {
	.name = "spelling",
	.open = spelling_open,
	.run = spelling_run,
	.close = spelling_close,
	.rules = spelling_rule_list,
};
