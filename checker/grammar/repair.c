/*
 * repair: re-parse variants of a sentence (see repair.h).
 *
 * Each variant is a copy of the word list with one edit, given to the
 * parser as a complete_only job; a batch holds every variant of one
 * question, so the parser's threads share them.
 */
#include "grammar/repair.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/common.h"
#include "util/xalloc.h"

/* Function words machine translation drops, most frequent first (articles,
 * then the infinitive marker, the commonest preposition, the copula).
 * Not "and" nor a comma: the parser links almost any two clauses joined
 * by them, so such a "repair" says nothing.  For the same reason not the
 * clause-joining "that" (a complementiser English may leave out: "he said
 * he came"; before a finite verb it turns the subject into the head of a
 * relative clause, "the plan that is not ready") nor a dummy "it" before a
 * verb ("told it stay"): on clean edited prose (Brown) and on real MT
 * such repairs linked good sentences about as often as bad ones. */
enum insert_kind {
	INS_ARTICLE,	/* only before what can follow an article */
	INS_NONFINITE,	/* never before a finite form: "is will" */
	INS_INFINITIVE, /* "to": only before a word that can be a verb */
};

static const struct {
	const char *word;
	enum insert_kind kind;
} inserts[] = {
	{ "the", INS_ARTICLE },	   { "a", INS_ARTICLE },
	{ "to", INS_INFINITIVE },  { "of", INS_NONFINITE },
	{ "is", INS_NONFINITE },   { "are", INS_NONFINITE },
};

/* Closed-class partners: agreement and the article's sound (a/an).  Not
 * a/the: definiteness is the discourse's business, not the syntax's, and a
 * linkage one of them gets and the other not is the parser's accident. */
static const char *const partners[][2] = {
	{ "is", "are" },   { "are", "is" },    { "was", "were" },
	{ "were", "was" }, { "has", "have" },  { "have", "has" },
	{ "a", "an" },	   { "an", "a" },
	{ "this", "these" }, { "these", "this" },
	{ "that", "those" }, { "those", "that" }, { "does", "do" },
	{ "do", "does" },  { "it", "its" },    { "its", "it" },
	{ "much", "many" }, { "many", "much" }, { "doesn't", "don't" },
	{ "don't", "doesn't" }, { "isn't", "aren't" }, { "aren't", "isn't" },
};

struct variant {
	const char **words;
	uint8_t *glue, *unlinked;
};

static void build(const struct repair_text *t, const struct repair *e,
		  struct variant *v, struct parse_job *job)
{
	uint32_t n = 0;

	v->words = xmalloc((t->n + 1) * sizeof(*v->words));
	v->glue = xcalloc(t->n + 1, 1);
	v->unlinked = xcalloc(t->n + 1, 1);
	for (uint32_t i = 0; i <= t->n; i++) {
		if (e && e->kind == REPAIR_INSERT && e->at == i) {
			v->words[n] = e->word;
			v->glue[n] = e->word[0] == ',';
			n++;
		}
		if (i == t->n)
			break;
		if (e && e->kind == REPAIR_DELETE && e->at == i)
			continue;
		v->words[n] = e && e->kind == REPAIR_REPLACE && e->at == i
				      ? e->word
				      : t->words[i];
		v->glue[n] = t->glue ? t->glue[i] : 0;
		n++;
	}
	*job = (struct parse_job){ .words = v->words,
				   .glue = v->glue,
				   .n_words = n,
				   .unlinked = v->unlinked,
				   .complete_only = 1 };
}

void repair_try(struct parser *p, const struct repair_text *t,
		const struct repair *edits, size_t n, uint8_t *ok,
		double *cost)
{
	struct variant *v;
	struct parse_job *jobs;

	if (n == 0)
		return;
	v = xcalloc(n, sizeof(*v));
	jobs = xcalloc(n, sizeof(*jobs));
	for (size_t i = 0; i < n; i++)
		build(t, edits ? &edits[i] : NULL, &v[i], &jobs[i]);
	parser_parse(p, jobs, n);
	for (size_t i = 0; i < n; i++) {
		ok[i] = jobs[i].status == PARSE_COMPLETE;
		if (cost)
			cost[i] = jobs[i].cost;
		free(v[i].words);
		free(v[i].glue);
		free(v[i].unlinked);
	}
	free(jobs);
	free(v);
}

/* The plain stand-ins for a word's parts of speech (verbs have none: their
 * complements differ too much for one stand-in). */
static size_t stand_ins(struct parser *p, const char *w, const char **out)
{
	unsigned k;
	size_t n = 0;

	if (!islower((unsigned char)w[0]))
		return 0;
	k = parser_word_kinds(p, w);
	if (k & PARSER_NOUN)
		out[n++] = k & PARSER_PLURAL ? "things" : "thing";
	if (k & PARSER_ADJ)
		out[n++] = "good";
	if (k & PARSER_ADV)
		out[n++] = "really";
	return n;
}

#define MAX_EDITS (ARRAY_SIZE(inserts) * 3 + 10)

/*
 * Where the noun phrase holding word i starts: back over the words before
 * it that can be nouns or adjectives or are capitalised ("Russian Foreign
 * Ministry official"), stopping at punctuation, function words and verbs.
 */
static uint32_t phrase_start(struct parser *p, const struct repair_text *t,
			     uint32_t i)
{
	while (i > 0) {
		const char *w = t->words[i - 1];
		unsigned k;

		if (!isalpha((unsigned char)w[0]))
			break;
		k = parser_word_kinds(p, w);
		if (!isupper((unsigned char)w[0]) &&
		    (!(k & (PARSER_NOUN | PARSER_ADJ)) || (k & PARSER_VERB)))
			break;
		i--;
	}
	return i;
}

/*
 * Is w a number that counts (digits, not four of them: "5", "40", "1,200";
 * a year may end an adverbial before a noun phrase, "in 2019 [a] man")?
 * An article after it ("5 [a] kilometer") is never the repair: the noun
 * lacks its plural.
 */
static int counts(const char *w)
{
	size_t n = strlen(w), digits = 0;

	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)w[i]))
			digits++;
		else if (!strchr(",.", w[i]) || i == 0)
			return 0;
	}
	return digits && !(digits == 4 && n == 4);
}

/*
 * Can an article stand right before word i: a word that can be a noun, an
 * adjective or an adverb ("the very old"), a name or a number?  Before
 * anything else ("the has") a linkage the inserted article makes is the
 * parser's accident, not a repair.  So is one before a comparative that no
 * noun or adjective follows: "move closer to", "ran faster." are English
 * the dictionary lacks, and "the closer" only turns the word into a noun
 * (before a noun the article stays possible: "pay [a] higher price").
 * Nor after a number that counts (counts()).
 */
static int article_fits(struct parser *p, const struct repair_text *t,
			uint32_t i)
{
	const char *w;
	unsigned k;

	if (i >= t->n)
		return 0;
	if (i > 0 && counts(t->words[i - 1]))
		return 0;
	w = t->words[i];
	if (isupper((unsigned char)w[0]) || isdigit((unsigned char)w[0]))
		return 1;
	k = parser_word_kinds(p, w);
	if ((k & PARSER_COMPARATIVE) &&
	    (i + 1 >= t->n || !isalpha((unsigned char)t->words[i + 1][0]) ||
	     !(parser_word_kinds(p, t->words[i + 1]) &
	       (PARSER_NOUN | PARSER_ADJ))))
		return 0;
	return (k & (PARSER_NOUN | PARSER_ADJ | PARSER_ADV)) != 0;
}

/* Is w (any case) one of the n words of list? */
static int one_of(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Finite forms no infinitive marker, preposition or copula precedes. */
static int finite_only(const char *w)
{
	static const char *const finite[] = {
		"is",	 "are",	  "was",   "were", "has",   "had",
		"does",	 "did",	  "will",  "would", "can",  "could",
		"shall", "should", "may",  "might", "must", "am",
	};

	return one_of(w, finite, ARRAY_SIZE(finite));
}

/*
 * Quantifiers that stand right before their noun ("many people", "much
 * evidence"): "of" after one ("many of evidence") needs a determiner
 * after it, so an "of" inserted there is never the repair.  Not the
 * nouns that count ("a lot", "plenty", "a number"), which do take "of".
 */
static int quantifier(const char *w)
{
	static const char *const q[] = {
		"many",	  "much", "few",  "several", "some",	"most",
		"all",	  "both", "each", "any",     "every",	"no",
		"enough", "more", "less", "fewer",   "various", "numerous",
	};

	return one_of(w, q, ARRAY_SIZE(q));
}

/*
 * Would inserting w before word i invert a subject and its verb: a copula
 * at the start ("[Is] she asked why...") or before a subject pronoun
 * ("why [is] he left")?  That makes a question, a repair only where the
 * text ends with a question mark; a declarative sentence that fails to
 * link has lost something else.
 */
static int inverts(const struct repair_text *t, uint32_t i, const char *w)
{
	/* not "you", "it": objects too ("how much [are] you earn" is
	 * left to the parse) */
	static const char *const nominative[] = { "I", "he", "she", "we",
						  "they" };

	if (strcmp(w, "is") && strcmp(w, "are"))
		return 0;
	if (t->n && strcmp(t->words[t->n - 1], "?") == 0)
		return 0;
	return i == 0 || (i < t->n && one_of(t->words[i], nominative,
					     ARRAY_SIZE(nominative)));
}

/* May a word of this kind be inserted before word i at all? */
static int insert_fits(struct parser *p, const struct repair_text *t,
		       uint32_t i, enum insert_kind kind)
{
	switch (kind) {
	case INS_ARTICLE:
		return article_fits(p, t, i);
	case INS_NONFINITE:
		return i >= t->n || !finite_only(t->words[i]);
	case INS_INFINITIVE:
		/* the infinitive marker, before a verb ("wants [to] go");
		 * as a preposition after any word ("hear to Rome", "calm to
		 * her") it links what it happens to join */
		return i < t->n && !finite_only(t->words[i]) &&
		       islower((unsigned char)t->words[i][0]) &&
		       (parser_word_kinds(p, t->words[i]) & PARSER_VERB);
	}
	return 1;
}

/*
 * Is word i a comparative standing as a verb's complement, with no noun or
 * adjective after it ("moved closer to the window", "stepped closer.")?
 * English has it after any verb of motion or change; link-grammar's
 * dictionary links it after a few only, so an unlinked one there is the
 * dictionary's gap: no inserted word is the repair ("the closer" makes a
 * noun of it).  Before a noun it may still lack its article ("pay higher
 * price"), and that is left to the repairs.
 */
static int comparative_complement(struct parser *p,
				  const struct repair_text *t, uint32_t i)
{
	const char *w = t->words[i];

	if (i == 0 || !islower((unsigned char)w[0]) ||
	    !(parser_word_kinds(p, w) & PARSER_COMPARATIVE) ||
	    !islower((unsigned char)t->words[i - 1][0]) ||
	    !(parser_word_kinds(p, t->words[i - 1]) & PARSER_VERB))
		return 0;
	return i + 1 >= t->n || !isalpha((unsigned char)t->words[i + 1][0]) ||
	       !(parser_word_kinds(p, t->words[i + 1]) &
		 (PARSER_NOUN | PARSER_ADJ));
}

/*
 * Is word i a plural noun in apposition to a plural personal pronoun ("we
 * teachers", "you children", "us students")?  link-grammar has no link
 * for it, and the article a repair would insert ("we [the] teachers") is
 * wrong: the dictionary's gap, whatever follows unlinked with it.
 */
static int plural_noun(struct parser *p, const char *w)
{
	size_t n = strlen(w);
	unsigned k;

	if (!islower((unsigned char)w[0]))
		return 0;
	k = parser_word_kinds(p, w);
	/* the dictionary's regular plurals are plain ".n" entries: the
	 * ending tells ("guys", not "boss" or "bus") */
	return (k & PARSER_PLURAL) ||
	       ((k & PARSER_NOUN) && n > 2 && w[n - 1] == 's' &&
		!strchr("siu", w[n - 2]));
}

static int pronoun_apposition(struct parser *p, const struct repair_text *t,
			      uint32_t from, uint32_t to)
{
	static const char *const pronouns[] = { "we", "you", "us" };

	/* the group may hold the pronoun, the noun or both ("We teachers",
	 * "Do [you] children know") */
	for (uint32_t i = from ? from : 1; i <= to + 1 && i < t->n; i++) {
		if (!plural_noun(p, t->words[i]))
			continue;
		for (size_t k = 0; k < ARRAY_SIZE(pronouns); k++)
			if (strcasecmp(t->words[i - 1], pronouns[k]) == 0)
				return 1;
	}
	return 0;
}

void repair_find(struct parser *p, const struct repair_text *t,
		 uint32_t from, uint32_t to, struct repair_verdict *out)
{
	struct repair e[MAX_EDITS];
	uint8_t ok[MAX_EDITS];
	double cost[MAX_EDITS];
	const char *si[3];
	size_t n = 0, n_fix, n_si;
	uint32_t np;

	memset(out, 0, sizeof(*out));
	if (from > to || to >= t->n)
		return;
	if ((from == to && comparative_complement(p, t, from)) ||
	    pronoun_apposition(p, t, from, to)) {
		out->dictionary_gap = 1;
		return;
	}
	if (from == to)
		for (size_t i = 0; i < ARRAY_SIZE(partners); i++)
			if (strcasecmp(t->words[from], partners[i][0]) == 0)
				e[n++] = (struct repair){ REPAIR_REPLACE, from,
							  partners[i][1] };
	/* the determiner before a lone unconnected noun: "many evidence"
	 * -> "much evidence", "this cars" -> "these cars" */
	if (from == to && from > 0 && quantifier(t->words[from - 1]))
		for (size_t i = 0; i < ARRAY_SIZE(partners); i++)
			if (strcasecmp(t->words[from - 1], partners[i][0]) == 0)
				e[n++] = (struct repair){ REPAIR_REPLACE,
							  from - 1,
							  partners[i][1] };
	np = phrase_start(p, t, from);
	for (size_t i = 0; i < ARRAY_SIZE(inserts); i++) {
		const char *w = inserts[i].word;
		enum insert_kind kind = inserts[i].kind;

		/* "many [of] evidence": the quantifier's partner is the
		 * repair, if any */
		if (!strcmp(w, "of") && from > 0 &&
		    quantifier(t->words[from - 1]))
			continue;
		if (insert_fits(p, t, from, kind) && !inverts(t, from, w))
			e[n++] = (struct repair){ REPAIR_INSERT, from, w };
		/* an article goes where its noun phrase starts */
		if (kind == INS_ARTICLE && np < from)
			e[n++] = (struct repair){ REPAIR_INSERT, np, w };
		if (insert_fits(p, t, to + 1, kind) && !inverts(t, to + 1, w))
			e[n++] = (struct repair){ REPAIR_INSERT, to + 1, w };
	}
	n_fix = n;
	n_si = from == to ? stand_ins(p, t->words[from], si) : 0;
	for (size_t i = 0; i < n_si; i++)
		e[n++] = (struct repair){ REPAIR_REPLACE, from, si[i] };
	repair_try(p, t, e, n, ok, cost);
	for (size_t i = 0; i < n_fix; i++)
		if (ok[i] && cost[i] <= REPAIR_MAX_COST) {
			out->repaired = 1;
			out->fix = e[i];
			out->fix_cost = cost[i];
			break;
		}
	for (size_t i = n_fix; i < n; i++)
		out->dictionary_gap |= ok[i];
}
