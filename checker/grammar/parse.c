/*
 * grammar_parser: the whole-sentence grammar check (see parse.h).
 *
 * A document is checked in three steps: its sentences are prepared into
 * parse units (unit.h), all units are parsed in one batch (linkgrammar.h:
 * in parallel, cached, at most the document's budget of sentences), and
 * each parse is weighed as evidence (findings.h).
 */
#include "grammar/parse.h"

#include <stdio.h>
#include <stdlib.h>

#include "grammar/findings.h"
#include "grammar/linkgrammar.h"
#include "grammar/unit.h"
#include "run/checker.h"
#include "util/xalloc.h"

#define RULE_PARSE GRAMMAR_RULE_PARSE
#define RULE_SKIPPED GRAMMAR_RULE_SKIPPED
#define RULE_UNCONFIRMED GRAMMAR_RULE_UNCONFIRMED
#define CATEGORY GRAMMAR_CATEGORY

static const struct rule_info gp_rules[] = {
	{ RULE_PARSE, CATEGORY, MT_SEV_WARNING,
	  "the sentence has no complete grammatical parse (link-grammar), "
	  "and a one-word repair at the unconnected word makes one; or its "
	  "only parse splits a noun phrase between the opening phrase and "
	  "the subject",
	  NULL,
	  "repaired failures only, no 'that'/'it' inserted, 'to' only "
	  "before a verb, no a/the swap, no article before a comparative "
	  "complement ('moved closer to') nor after we/you/us ('you "
	  "children'): news 73% of 11 flags on a marked error, ted 38% of "
	  "8 (33% of 9 before), 58% of the 19 together (every failure, "
	  "before: 38% of 311 and 23% of 372); Brown 6 in 1,490 sentences: "
	  "warning",
	  .bad = RULE_EXAMPLES(
		  "The council has decided [postpone] the vote until June. "
		  "-> to postpone",
		  "In a [chemical reaction] observed by the panel showed that "
		  "the mix was unstable.",
		  "They want [bigger house] near the park. -> the bigger "
		  "house"),
	  .good = RULE_EXAMPLES(
		  "The council has decided to postpone the vote until June.",
		  "The mayor and the council agreed to the plan.",
		  "The dogs moved closer to the fire.",
		  "We teachers work hard every day.",
		  "You children must wash the dishes.",
		  "A chemical reaction observed by the panel showed that the "
		  "mix was unstable.",
		  "At a minimum firms must report their losses.") },
	{ GRAMMAR_RULE_CLAUSE, CATEGORY, MT_SEV_WARNING,
	  "a short, complete sentence of plain dictionary words has no "
	  "complete parse, and the rest of it links plainly around the "
	  "unconnected word",
	  NULL,
	  "partial linkages of cost below 4: news 1 flag, on a marked "
	  "error; ted 5 of 8 (62%; 5 of 10 before 'you' + plural noun was "
	  "taken for the dictionary's gap); Brown 4 in 1,490 sentences (idioms "
	  "and afterthoughts at cost 1-2); grammar.tsv: the only finding on "
	  "159 bad and 65 good sentences, whole-checker recall 0.314 -> "
	  "0.52 with good sentences flagged 2.8% -> 3.4% (at cost below "
	  "1: ted 4 of 7, Brown none, recall 0.105 -> 0.314): warning",
	  .bad = RULE_EXAMPLES("She married [apparently] a famous violinist.",
			       "They described [me] the whole story."),
	  .good = RULE_EXAMPLES("She apparently married a famous violinist.",
				"They described the whole story to me.",
				"She stepped closer to the edge.",
				"Do you children know the answer?",
				"\u201cSit down,\u201d she said. They "
				"described me the whole story.") },
	{ GRAMMAR_RULE_SHORT, CATEGORY, MT_SEV_INFO,
	  "a short sentence of plain dictionary words (no names, figures "
	  "or quotations) has no complete parse",
	  NULL,
	  "as a warning (names allowed): news 20% of 15 flags on a marked "
	  "error, ted 40% of 20 (spoken fragments), Brown 30 in 1,490 "
	  "sentences; grammar.tsv recall 0.26 -> 0.52 with 2.1% of good "
	  "sentences flagged: precise on test-suite sentences only: info",
	  .bad = RULE_EXAMPLES("the mayor and the council agreed to [the]."),
	  .good = RULE_EXAMPLES("The mayor and the council agreed to it.",
				"It was the first day of the week.") },
	{ RULE_UNCONFIRMED, CATEGORY, MT_SEV_INFO,
	  "the sentence has no complete parse, but no one-word repair makes "
	  "it parse: often a construction link-grammar's dictionary lacks",
	  NULL,
	  "unrepaired failures: on a marked error about as often as a word "
	  "picked at random (news 30%, ted 12%); 250 on 1,490 Brown "
	  "sentences: info",
	  .bad = RULE_EXAMPLES(
		  "The committee members discussed the proposal at length "
		  "yesterday, but the deal [vague] remained for most of the "
		  "delegates."),
	  .good = RULE_EXAMPLES(
		  "The committee members discussed the proposal at length "
		  "yesterday, but the deal remained vague for most of the "
		  "delegates.") },
	{ RULE_SKIPPED, CATEGORY, MT_SEV_INFO,
	  "the sentence was not checked by the grammar parser (too long, "
	  "link-grammar's time limit, or over the document's sentence "
	  "budget)",
	  NULL, "a note, not a finding: info",
	  .bad = RULE_EXAMPLES(
		  "[We met them and they met us and we met them and they met "
		  "us and we met them and they met us and we met them and "
		  "they met us and we met them and they met us and we met "
		  "them and they met us and we met them and they met us and "
		  "we met them and they met us and we met them and they met "
		  "us and we met them.]"),
	  .good = RULE_EXAMPLES("We met them and they met us.") },
};

struct gp_state {
	struct parser *parser;
	unsigned max_sentences; /* per document; 0: all */
	unsigned max_words; /* longest unit parsed, punctuation not counted */
	int trace;	    /* MTLINT_PARSER_TRACE: note the units not parsed */
	int on;
};

static void too_long_note(struct diag_list *diags, struct span sp,
			  unsigned words)
{
	diag_add(diags, RULE_SKIPPED, CATEGORY, MT_SEV_INFO, sp,
		 "sentence too long for the grammar parser (%u words): not "
		 "checked",
		 words);
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
	st->max_words = opts->grammar_parser_max_words
				? opts->grammar_parser_max_words
				: UNIT_MAX_WORDS;
	st->trace = getenv("MTLINT_PARSER_TRACE") != NULL;
	if (!st->on)
		return MT_ERR_OK;
	po.max_words = UNIT_MAX_WORDS;
	po.share = opts->grammar_parser_share == 1;
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

/* Words of unit u the parser may blame: punctuation and quoted fragments
 * not counted. */
static uint32_t unit_words(const struct unit_list *p, const struct unit *u)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < u->n; i++)
		n += !(p->pw[u->first + i].flags & (PW_PUNCT | PW_QUOTED));
	return n;
}

/*
 * Parse jobs[0..n) whose units are within the word limit (the others get
 * PARSE_NOT_ASKED: left to the other passes, no finding, no note); a unit
 * over the parser's own limit still goes to it, for its note.
 */
static void parse_within_limit(struct gp_state *st, struct check_ctx *ctx,
			       const struct unit_list *p,
			       struct parse_job *jobs, size_t n)
{
	struct parse_job *todo = xcalloc(n ? n : 1, sizeof(*todo));
	size_t *at = xcalloc(n ? n : 1, sizeof(*at)), k = 0;

	for (size_t u = 0; u < n; u++) {
		uint32_t w = unit_words(p, &p->units[u]);

		if (w > st->max_words && p->units[u].n <= UNIT_MAX_WORDS) {
			jobs[u].status = PARSE_NOT_ASKED;
			if (st->trace)
				fprintf(stderr,
					"parser: [not parsed: %u words]\n", w);
			continue;
		}
		at[k] = u;
		todo[k++] = jobs[u];
	}
	if (ctx->quick)
		parser_parse_cached(st->parser, todo, k);
	else
		parser_parse(st->parser, todo, k);
	for (size_t i = 0; i < k; i++)
		jobs[at[i]] = todo[i];
	free(at);
	free(todo);
}

static enum mt_err gp_run(void *state, struct check_ctx *ctx,
			  struct mt_error *err)
{
	struct gp_state *st = state;
	struct unit_list p;
	struct parse_job *jobs;
	const char **words;
	uint8_t *unlinked, *glue;
	size_t n_before = ctx->diags->n, skipped = 0, n_parse;
	struct span first_skipped = { 0, 0 };

	(void)err;
	if (!st->on || !checker_rule_enabled(ctx->checker, RULE_PARSE,
					     CATEGORY))
		return MT_ERR_OK;
	unit_list_build(&p, ctx->doc, st->parser);
	for (size_t i = 0; i < p.n_too_long; i++)
		too_long_note(ctx->diags, p.too_long[i].span,
			      p.too_long[i].words);

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
	parse_within_limit(st, ctx, &p, jobs, n_parse);

	for (size_t u = 0; u < p.n_units; u++) {
		switch (jobs[u].status) {
		case PARSE_COMPLETE:
			findings_split(&p, &p.units[u], &jobs[u], ctx->diags,
				       n_before);
			break;
		case PARSE_NULLS:
			findings_unconnected(&p, &p.units[u], &jobs[u],
					     ctx->diags, n_before);
			break;
		case PARSE_TIMEOUT:
			diag_add(ctx->diags, RULE_SKIPPED, CATEGORY,
				 MT_SEV_INFO, p.units[u].span,
				 "the grammar parser ran out of time on this "
				 "sentence: not checked");
			break;
		case PARSE_TOO_LONG:
			too_long_note(ctx->diags, p.units[u].span,
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
	unit_list_free(&p);
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
