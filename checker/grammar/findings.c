/*
 * findings: the unconnected words of a parse weighed as evidence (see
 * findings.h).
 */
#include "grammar/findings.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "grammar/quotes.h"
#include "grammar/repair.h"
#include "util/common.h"

#define MAX_GROUPS 2 /* findings per parse unit */

/* What the functions below share about one unit's parse. */
struct judge {
	struct document *doc;
	struct parser *parser;
	struct pword *pw; /* the document's words (unit_list.pw) */
	struct diag_list *diags;
	const struct parse_job *job; /* the unit's parse */
};

/* Did an earlier pass report a grammar problem overlapping sp? */
static int reported_before(const struct diag_list *l, size_t n_before,
			   struct span sp)
{
	for (size_t i = 0; i < n_before; i++) {
		const struct diag *d = &l->v[i];

		if (d->category && strcmp(d->category, GRAMMAR_CATEGORY) == 0 &&
		    d->span.start < sp.end && sp.start < d->span.end)
			return 1;
	}
	return 0;
}

/* An unknown capitalised word, or a placeholder for an abbreviation, a
 * URL...: a name the dictionary lacks, not a grammar error. */
static int name_like(struct judge *p, const struct pword *w)
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

	if (pword_is_one_of(pw[i].text, pword_conjunctions,
			    pword_n_conjunctions))
		return 1;
	if ((pw[i].flags & PW_FIRST) &&
	    pword_is_one_of(pw[i].text, subordinators, ARRAY_SIZE(subordinators)))
		return 1;
	if (i == j && pword_is_one_of(pw[i].text, particles, ARRAY_SIZE(particles))) {
		for (k = j + 1; k < n; k++)
			if (!(pw[k].flags & PW_PUNCT))
				return 0;
		return 1;
	}
	return 0;
}

/* Lower-case words without a dictionary entry (*lower: lower-case words),
 * e.g. "gouvernement", "postive". */
static uint32_t unknown_words(struct judge *p, const struct pword *pw,
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
static int unknown_word(struct judge *p, const struct pword *w)
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

/* The text of the unit as the parser saw it, for re-parsing variants. */
static void unit_text(struct judge *p, const struct unit *u,
		      struct repair_text *t, const char **words,
		      uint8_t *glue)
{
	for (uint32_t i = 0; i < u->n; i++) {
		words[i] = p->pw[u->first + i].text;
		glue[i] = p->pw[u->first + i].glue;
	}
	t->words = words;
	t->glue = glue;
	t->n = u->n;
}

/* Is the word, with a lower-case first letter, in the dictionary ("The",
 * not "Russian")? */
static int lower_is_word(struct judge *p, const char *w)
{
	char lower[64];
	size_t n = strlen(w);

	if (n + 1 > sizeof(lower))
		return 0;
	memcpy(lower, w, n + 1);
	lower[0] = (char)tolower((unsigned char)lower[0]);
	return parser_has_entry(p->parser, lower);
}

/*
 * The suggestion for a repair of the words from..to: *sp (their span) is
 * widened to the words the repair touches (an article inserted where the
 * noun phrase starts covers the phrase), and the suggestion is its text
 * with the word inserted or replaced.
 */
static const char *repair_suggestion(struct judge *p, const struct unit *u,
				     const struct repair *r, uint32_t from,
				     struct span *sp)
{
	const struct pword *pw = &p->pw[u->first];
	struct arena *a = &p->doc->arena;
	const char *text;
	int len;

	if (r->kind == REPAIR_REPLACE && r->at < from) {
		/* the word before the group ("many evidence" -> "much
		 * evidence"): the span grows to hold it, its capital kept */
		const char *old = p->doc->text + pw[r->at].span.start;
		uint32_t end = pw[r->at].span.end;

		sp->start = pw[r->at].span.start;
		text = p->doc->text + end;
		len = (int)(sp->end - end);
		return arena_printf(a, "%c%s%.*s",
				    isupper((unsigned char)old[0])
					    ? toupper((unsigned char)r->word[0])
					    : r->word[0],
				    r->word + 1, len, text);
	}
	if (r->kind == REPAIR_REPLACE)
		return r->word;
	if (r->at > from) { /* after the group */
		text = p->doc->text + sp->start;
		len = (int)(sp->end - sp->start);
		return r->word[0] == ','
			       ? arena_printf(a, "%.*s,", len, text)
			       : arena_printf(a, "%.*s %s", len, text, r->word);
	}
	sp->start = pw[r->at].span.start;
	text = p->doc->text + sp->start;
	len = (int)(sp->end - sp->start);
	if (r->word[0] == ',')
		return arena_printf(a, ", %.*s", len, text);
	/* inserted before the first word of the sentence: the capital moves,
	 * unless the word is a name */
	if ((pw[r->at].flags & PW_FIRST) && isupper((unsigned char)text[0]) &&
	    !(pw[r->at].flags & PW_NAME) && len > 1 &&
	    !isupper((unsigned char)text[1]) && lower_is_word(p, pw[r->at].text))
		return arena_printf(a, "%c%s %c%.*s",
				    toupper((unsigned char)r->word[0]),
				    r->word + 1, tolower((unsigned char)text[0]),
				    len - 1, text + 1);
	if (pw[r->at].flags & PW_FIRST && isupper((unsigned char)text[0]))
		return arena_printf(a, "%c%s %.*s",
				    toupper((unsigned char)r->word[0]),
				    r->word + 1, len, text);
	return arena_printf(a, "%s %.*s", r->word, len, text);
}

/*
 * A short sentence of plain dictionary words: at most SHORT_WORDS words,
 * each with a dictionary entry as written (the first word also in lower
 * case), none an abbreviation, a number or quoted.  Capitalised words
 * inside other than "I" are names (the dictionary holds many: "Mickey",
 * "Lane"): such a sentence is PLAIN_NAMES, which only the trusted clause
 * below accepts.
 * link-grammar's dictionary covers such sentences well -- its gaps are
 * the constructions of long sentences (appositions, coordinated clauses,
 * names, figures) -- but spoken English ("They burrow in, covered in
 * pollen") still fails it: a separate note, so that its precision is
 * measured on its own.
 */
#define SHORT_WORDS 12

/* A capitalised word inside the sentence other than "I": a name. */
static int name_inside(const struct pword *w)
{
	return (w->flags & PW_CAP) && !(w->flags & PW_FIRST) &&
	       strcmp(w->text, "I") != 0;
}

/* A plain word: a dictionary entry as written (the first word also in
 * lower case). */
static int plain_word(struct judge *p, const struct pword *w)
{
	return parser_has_entry(p->parser, w->text) ||
	       ((w->flags & PW_FIRST) && lower_is_word(p, w->text));
}

enum plain {
	PLAIN_NOT = 0,
	PLAIN_WORDS, /* dictionary words only */
	PLAIN_NAMES, /* and capitalised words inside with an entry ("Joe") */
};

static enum plain plain_short(struct judge *p, const struct unit *u)
{
	const struct pword *pw = &p->pw[u->first];
	uint32_t words = 0;
	enum plain level = PLAIN_WORDS;

	for (uint32_t i = 0; i < u->n; i++) {
		if (pw[i].flags & PW_PUNCT)
			continue;
		if (++words > SHORT_WORDS ||
		    (pw[i].flags & (PW_NAME | PW_QUOTED | PW_PLACEHOLDER)) ||
		    !isalpha((unsigned char)pw[i].text[0]))
			return 0;
		if (!plain_word(p, &pw[i]))
			return PLAIN_NOT;
		if (name_inside(&pw[i]))
			level = PLAIN_NAMES;
	}
	return level;
}

/*
 * A plain short sentence (plain_short()) whose failure is trusted: a
 * complete clause standing on its own, of which one word or group fits
 * no plain reading of the rest.  Each condition removes a family of good
 * sentences the dictionary fails (tests/test_parser.c):
 *   - it starts with a capital letter and ends with . ? ! or, at the end
 *     of its paragraph, no mark: not the continuation of a sentence, nor
 *     a part split off at a semicolon or colon, nor a line of
 *     hard-wrapped text; nor does it open with a coordinating
 *     conjunction ("And lots of it!": a continuation too) or hold a dash
 *     (an interruption, a self-correction: "it was -- is -- split");
 *   - its paragraph holds no double quotation mark: speech and dialogue
 *     ("She don't mind", "Not the dog neither.") and quoted passages are
 *     written as spoken;
 *   - the best partial linkage links a subject to a finite verb: not a
 *     verbless fragment ("Oh, the end of the road.", "From one war to
 *     the next.") nor an imperative with an afterthought;
 *   - that linkage is not a costly one (disjunct cost below
 *     CLAUSE_MAX_COST): the rest of the sentence reads with the
 *     dictionary's constructions, so the word left out is the anomaly,
 *     not its thin cover of a rare construction around it (idioms,
 *     ellipsis, inversion: cost 4 and up).  docs/evaluation.md shows the
 *     trade-off measured at each limit;
 *   - the unconnected words hold no coordinating conjunction ("travel to
 *     and from the island"), are not a parenthesis between two commas
 *     ("There, if anywhere, the answer...") nor a lone particle after a
 *     verb ("the worms wriggle in, coated with mud"), and are no name
 *     (a title, a word also used as a name): link-grammar's weakest
 *     spots.  A name the dictionary has is allowed next to them.
 */
#define CLAUSE_MAX_COST 4.0

/* Prepositions that also stand alone as a verb's particle ("they dig
 * in", "it wore off"): the dictionary lists that use for some verbs
 * only. */
static const char *const adverb_particles[] = {
	"along", "around", "away", "back", "by", "down",
	"in",	 "off",	   "on",   "out",  "over", "up",
};

/* Is sentence si the last of its paragraph (a line of its own, not a
 * line of hard-wrapped text that the next line continues)? */
static int ends_paragraph(const struct document *doc, uint32_t si)
{
	const struct paragraph *pg =
		&doc->paragraphs[doc->sentences[si].paragraph];

	return si + 1 == pg->first_sentence + pg->n_sentences;
}

static int trusted_clause(struct judge *p, const struct unit *u,
			  uint32_t from, uint32_t to)
{
	const struct pword *pw = &p->pw[u->first];
	const struct pword *last = &pw[u->n - 1];
	uint32_t si;

	if (!(pw[0].flags & PW_FIRST) || !(pw[0].flags & PW_CAP) ||
	    !p->job->has_subject || !(p->job->cost < CLAUSE_MAX_COST) ||
	    pword_is_one_of(pw[0].text, pword_conjunctions,
			    pword_n_conjunctions))
		return 0;
	for (uint32_t i = 1; i < u->n; i++)
		if ((pw[i].flags & PW_PUNCT) &&
		    (strcmp(pw[i].text, "--") == 0 ||
		     strcmp(pw[i].text, "-") == 0))
			return 0;
	si = document_sentence_at(p->doc, u->span.start);
	if (si == UINT32_MAX)
		return 0;
	if (last->flags & PW_PUNCT) {
		if (strcmp(last->text, ".") != 0 &&
		    strcmp(last->text, "?") != 0 && strcmp(last->text, "!") != 0)
			return 0;
	} else if (!ends_paragraph(p->doc, si)) {
		return 0;
	}
	for (uint32_t i = from; i <= to; i++)
		if (pword_is_one_of(pw[i].text, pword_conjunctions,
				    pword_n_conjunctions))
			return 0;
	if (from == to && from > 0 &&
	    pword_is_one_of(pw[from].text, adverb_particles,
			    ARRAY_SIZE(adverb_particles)) &&
	    (parser_word_kinds(p->parser, pw[from - 1].text) & PARSER_VERB))
		return 0;
	/* a name among the unconnected words: the name's entry (a title, a
	 * word also used as a name) is the likelier fault */
	for (uint32_t i = from; i <= to && i < u->n; i++)
		if (name_inside(&pw[i]))
			return 0;
	if (from > 0 && to + 1 < u->n && strcmp(pw[from - 1].text, ",") == 0 &&
	    strcmp(pw[to + 1].text, ",") == 0)
		return 0;
	return !quote_in_paragraph(p->doc, si);
}

/* Is one of the words pw[from..to] a noun, verb, adjective or adverb in
 * the dictionary (not only a function word)? */
static int open_class(struct judge *p, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i <= to; i++)
		if (parser_word_kinds(p->parser, p->pw[i].text))
			return 1;
	return 0;
}

/*
 * Report the unconnected words from..to of a unit (span sp), weighing the
 * evidence (repair.h): when a stand-in of the same part of speech links
 * the sentence, the dictionary is at fault and nothing is reported; when a
 * one-word repair links it, a warning with that repair as the suggestion;
 * otherwise an info note (the parser may simply not know the
 * construction).  Returns 1 when something was reported.
 */
static int report_group(struct judge *p, const struct unit *u, uint32_t from,
			uint32_t to, struct span sp, enum plain plain)
{
	const char *words[UNIT_MAX_WORDS + 1];
	uint8_t glue[UNIT_MAX_WORDS + 1];
	struct repair_text t;
	struct repair_verdict v;
	struct diag *d;
	const char *fix;
	int len = (int)(sp.end - sp.start);
	const char *text = p->doc->text + sp.start;

	unit_text(p, u, &t, words, glue);
	repair_find(p->parser, &t, from, to, &v);
	if (v.dictionary_gap)
		return 0;
	/* a capitalised word inside the sentence is a name or a title in
	 * most such failures ("in Lane B", "Lt. Gov."), whatever repair
	 * links it; and an unconnected function word (a preposition, a
	 * relative pronoun) is where link-grammar's dictionary is thinnest
	 * ("to within 60 kilometres", "to where it is needed", "which is
	 * why"): an inserted word linking it proves little there, only its
	 * closed-class partner does (is/are, a/an) */
	if (!v.repaired ||
	    ((p->pw[u->first + from].flags & PW_CAP) &&
	     !(p->pw[u->first + from].flags & PW_FIRST)) ||
	    (v.fix.kind == REPAIR_INSERT &&
	     !open_class(p, u->first + from, u->first + to))) {
		int clause = plain && trusted_clause(p, u, from, to);

		if (clause || plain == PLAIN_WORDS) {
			d = diag_add(p->diags,
				     clause ? GRAMMAR_RULE_CLAUSE
					    : GRAMMAR_RULE_SHORT,
				     GRAMMAR_CATEGORY,
				     clause ? MT_SEV_WARNING : MT_SEV_INFO, sp,
				     clause ? "this sentence does not parse: "
					      "'%.*s' fits no plain reading of "
					      "the rest \u2014 a word may be "
					      "missing, extra or out of place, "
					      "or a form may be wrong"
					    : "this short sentence does not "
					      "parse: '%.*s' is not connected "
					      "to the rest \u2014 a word may be "
					      "missing or out of place, or a "
					      "form may be wrong",
				     len, text);
			if (d && v.repaired)
				diag_suggest(p->diags, d,
					     repair_suggestion(p, u, &v.fix,
							       from, &sp));
			return 1;
		}
		diag_add(p->diags, GRAMMAR_RULE_UNCONFIRMED, GRAMMAR_CATEGORY, MT_SEV_INFO, sp,
			 "the grammar parser cannot connect '%.*s' to the "
			 "rest of the sentence, and no one-word change "
			 "fixes that: check the sentence, or the parser "
			 "does not know this construction",
			 len, text);
		return 1;
	}
	fix = repair_suggestion(p, u, &v.fix, from, &sp);
	d = diag_add(p->diags, GRAMMAR_RULE_PARSE, GRAMMAR_CATEGORY, MT_SEV_WARNING, sp,
		     v.fix.kind == REPAIR_REPLACE
			     ? "this sentence does not parse at '%.*s'; it "
			       "does with '%s' instead \u2014 check the "
			       "agreement or the article"
			     : "this sentence does not parse at '%.*s'; it "
			       "does with '%s' added \u2014 a word may be "
			       "missing here",
		     len, text, v.fix.word);
	diag_suggest(p->diags, d, fix);
	return 1;
}

/*
 * When a repair links the sentence at one group, the other unconnected
 * groups of the same sentence are usually the parse going wrong around
 * that defect: their info notes (diags from index n0 on) are dropped.
 */
static void drop_unconfirmed_after_repair(struct diag_list *l, size_t n0)
{
	size_t o = n0;
	int repaired = 0;

	for (size_t i = n0; i < l->n; i++)
		repaired |= strcmp(l->v[i].rule, GRAMMAR_RULE_PARSE) == 0 ||
			    strcmp(l->v[i].rule, GRAMMAR_RULE_CLAUSE) == 0 ||
			    strcmp(l->v[i].rule, GRAMMAR_RULE_SHORT) == 0;
	if (!repaired)
		return;
	for (size_t i = n0; i < l->n; i++)
		if (strcmp(l->v[i].rule, GRAMMAR_RULE_UNCONFIRMED) != 0)
			l->v[o++] = l->v[i];
	l->n = o;
}

static void report_unit(struct judge *p, const struct unit *u,
			const struct parse_job *job, size_t n_before)
{
	const struct pword *pw = &p->pw[u->first];
	uint32_t words = 0, nulls = 0, blamable = 0, names = 0, lower = 0;
	uint32_t unknown;
	struct {
		struct span sp;
		uint32_t from, to; /* the words, in pw */
		int single, near_unknown;
	} g[16];
	size_t n_groups = 0, reported = 0, n0 = p->diags->n;
	int any_near_unknown = 0;
	enum plain plain = plain_short(p, u);

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
		g[n_groups].from = k;
		g[n_groups].to = j;
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
		if (any_near_unknown && !g[k].near_unknown)
			continue;
		reported += report_group(p, u, g[k].from, g[k].to, g[k].sp,
					 plain);
	}
	drop_unconfirmed_after_repair(p->diags, n0);
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
static void report_split(struct judge *p, const struct unit *u,
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
	diag_add(p->diags, GRAMMAR_RULE_PARSE, GRAMMAR_CATEGORY, MT_SEV_WARNING, sp,
		 "this sentence parses only by splitting '%.*s' between the "
		 "opening phrase and the subject ('%.*s, %.*s ...') \u2014 "
		 "the main clause may lack its subject, or a comma is missing",
		 (int)(sp.end - sp.start), p->doc->text + sp.start,
		 (int)(pw[o].span.end - pw[o].span.start),
		 p->doc->text + pw[o].span.start,
		 (int)(pw[x].span.end - pw[x].span.start),
		 p->doc->text + pw[x].span.start);
}

void findings_unconnected(struct unit_list *l, const struct unit *u,
			  const struct parse_job *job, struct diag_list *diags,
			  size_t n_before)
{
	struct judge j = { l->doc, l->parser, l->pw, diags, job };

	report_unit(&j, u, job, n_before);
}

void findings_split(struct unit_list *l, const struct unit *u,
		    const struct parse_job *job, struct diag_list *diags,
		    size_t n_before)
{
	struct judge j = { l->doc, l->parser, l->pw, diags, job };

	report_split(&j, u, job, n_before);
}
