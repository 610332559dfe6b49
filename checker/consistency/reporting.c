/*
 * reporting: a reporting verb in the present ("officials say", "the
 * ministry says") in an article that reports in the past ("said") --
 * rule grammar.reporting-tense of the consistency pass (checks.h).
 *
 * A news report attributes in one tense: the past in the body of a
 * story, the present in headlines and in features that are written so
 * throughout.  Translation from a language without tense (Chinese,
 * Vietnamese, Indonesian) takes the tense of each sentence from its
 * source alone, so a report that says "said" also says "officials say
 * the talks failed".  When an article writes "said" at least twice and
 * more often than it attributes in the present, each present "say" or
 * "says" is reported with "said" as the fix.
 *
 * Only "say"/"says" between two words of a sentence that ends in . or !
 * (headlines and questions are left alone, and so is the first paragraph of an
 * article with more than one: a headline even when it has a full stop),
 * outside quotation marks, and not where another verb governs it or its
 * subject is a person speaking now: after a pronoun, "to", a modal,
 * "do", a negation, an adverb ("still say", "truthfully say"), a relative
 * word, "let"/"dare", after "heard/made/let X" ("heard Joel say") and
 * after an auxiliary and its subject ("did Pearson say").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consistency/checks.h"
#include "text/segment.h"
#include "util/xalloc.h"

#define MIN_SAID 2

/* Is token i the word w (case counts)? */
static int word_is(const struct document *doc, uint32_t i, const char *w)
{
	return doc->tokens[i].kind == TOK_WORD &&
	       token_is(doc, &doc->tokens[i], w);
}

/* Is token i a word among v (ASCII case ignored)? */
static int word_in(const struct document *doc, uint32_t i, const char *const *v)
{
	const struct token *t = &doc->tokens[i];
	size_t n = t->span.end - t->span.start;

	if (t->kind != TOK_WORD)
		return 0;
	for (; *v; v++)
		if (n == strlen(*v) &&
		    strncasecmp(doc->text + t->span.start, *v, n) == 0)
			return 1;
	return 0;
}

/* Does word token i end in `suffix` ("ly", "n't")? */
static int word_ends(const struct document *doc, uint32_t i, const char *suffix)
{
	const struct token *t = &doc->tokens[i];
	size_t n = t->span.end - t->span.start, k = strlen(suffix);

	return n > k &&
	       strncasecmp(doc->text + t->span.end - k, suffix, k) == 0;
}

/* Is offset `at` of the paragraph inside quotation marks: after an odd
 * number of straight double quotes, or after more “ than ”? */
static int quoted(const struct document *doc, const struct paragraph *p,
		  uint32_t at)
{
	uint32_t straight = 0;
	int depth = 0;

	for (uint32_t k = p->span.start; k < at; k++) {
		const unsigned char *c = (const unsigned char *)doc->text + k;

		if (c[0] == '"')
			straight++;
		else if (c[0] == 0xe2 && c[1] == 0x80 && c[2] == 0x9c)
			depth++;
		else if (c[0] == 0xe2 && c[1] == 0x80 && c[2] == 0x9d &&
			 depth > 0)
			depth--;
	}
	return straight % 2 || depth > 0;
}

/* Does the sentence end in . or ! (closing quotes and brackets aside)?
 * Not a headline, then, nor a question ("What did the envoy say?"). */
static int statement(const struct document *doc, const struct sentence *s)
{
	for (uint32_t n = s->n_tokens; n > 0; n--) {
		const struct token *t = &doc->tokens[s->first_token + n - 1];
		const char *p = doc->text + t->span.start;

		if (t->kind != TOK_PUNCT)
			return 0;
		if (strchr(".!", p[0]))
			return 1;
		if (!strchr("\"')]", p[0]) && strncmp(p, "\xe2\x80\x9d", 3) &&
		    strncmp(p, "\xe2\x80\x99", 3))
			return 0;
	}
	return 0;
}

/* Words after which "say" is governed by another verb or has a speaker
 * talking now as its subject. */
static const char *const not_after[] = {
	"i",	      "you",	"we",	    "they",	 "he",	    "she",
	"it",	      "to",	"will",	    "would",	 "can",	    "could",
	"may",	      "might",	"must",	    "should",	 "shall",   "cannot",
	"do",	      "does",	"did",	    "not",	 "never",   "let",
	"let's",      "dare",	"who",	    "that",	 "which",   "what",
	"whatever",   "also",	"often",    "always",	 "usually", "sometimes",
	"still",      "now",	"just",	    "even",	 "only",    "and",
	"or",	      "but",	"nor",	    "than",	 "as",	    "if",
	"when",	      "while",	"because",  "himself",	 "herself", "itself",
	"themselves", "myself", "yourself", "ourselves", NULL
};

/* Verbs that take a bare infinitive after their object ("heard Joel
 * say"). */
static const char *const bare_infinitive[] = {
	"hear", "heard", "hears", "see", "saw",	 "sees", "watch",  "watched",
	"make", "made",	 "makes", "let", "lets", "help", "helped", NULL
};

/* Auxiliaries that put the subject before "say" in a question ("What
 * did Pearson say"). */
static const char *const auxiliary[] = { "do",	  "does", "did",   "will",
					 "would", "can",  "could", "should",
					 "shall", "may",  "might", "must",
					 NULL };

/* Is token i of sentence s a present reporting "say"/"says" the rule
 * reports? */
static int present_report(const struct document *doc, const struct sentence *s,
			  uint32_t i)
{
	uint32_t first = s->first_token, last = first + s->n_tokens;

	if (!word_is(doc, i, "says") && !word_is(doc, i, "say"))
		return 0;
	if (i == first || i + 1 >= last ||
	    doc->tokens[i - 1].kind != TOK_WORD ||
	    doc->tokens[i + 1].kind != TOK_WORD)
		return 0;
	if (word_in(doc, i - 1, not_after) || word_ends(doc, i - 1, "ly") ||
	    word_ends(doc, i - 1, "n't") ||
	    word_ends(doc, i - 1, "n\xe2\x80\x99t"))
		return 0;
	if (i >= first + 2 && (word_in(doc, i - 2, bare_infinitive) ||
			       word_in(doc, i - 2, auxiliary)))
		return 0;
	return !quoted(doc, &doc->paragraphs[s->paragraph],
		       doc->tokens[i].span.start);
}

/* Is sentence s one the rule looks at: a statement, and not in the
 * first paragraph of an article that has more (its headline)? */
static int body_sentence(const struct document *doc, const struct sentence *s)
{
	return statement(doc, s) && (s->paragraph > 0 || doc->n_paragraphs < 2);
}

void consistency_check_reporting(struct check_ctx *ctx,
				 const struct rule_info *ri)
{
	const struct document *doc = ctx->doc;
	uint32_t said = 0, *present = NULL, n = 0;
	size_t alloc = 0;

	for (uint32_t i = 0; i < doc->n_tokens; i++)
		said += word_is(doc, i, "said");
	if (said < MIN_SAID)
		return;
	for (uint32_t k = 0; k < doc->n_sentences; k++) {
		const struct sentence *s = &doc->sentences[k];

		if (!body_sentence(doc, s))
			continue;
		for (uint32_t i = s->first_token;
		     i < s->first_token + s->n_tokens; i++)
			if (present_report(doc, s, i)) {
				present = xgrow(present, &alloc, n + 1,
						sizeof(*present));
				present[n++] = i;
			}
	}
	/* fewer in the present than in the past: the past is the tense */
	for (uint32_t k = 0; n < said && k < n; k++) {
		const struct token *t = &doc->tokens[present[k]];
		struct diag *d;

		d = diag_add(ctx->diags, ri->id, ri->category, ri->severity,
			     t->span,
			     "'%.*s' in the present, where the article reports "
			     "in the past ('said' %u time%s): 'said'",
			     (int)(t->span.end - t->span.start),
			     doc->text + t->span.start, said,
			     said == 1 ? "" : "s");
		diag_suggest(ctx->diags, d, "said");
	}
	free(present);
}
