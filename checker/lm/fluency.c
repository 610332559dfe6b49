/*
 * fluency: improbable word sequences (see fluency.h).
 */
#include "lm/fluency.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lm/lm.h"
#include "lm/tagger.h"
#include "run/checker.h"
#include "text/segment.h"
#include "util/paths.h"
#include "util/xalloc.h"

#define RULE_ID "fluency.improbable-sequence"

static const struct rule_info fluency_rules[] = {
	{ RULE_ID, "fluency/grammar", MT_SEV_INFO,
	  "a word pair edited English never uses, in a tag sequence it "
	  "rarely has, in a sentence the parser could not link",
	  NULL,
	  .precision = "news 60 %, TED 20 % of its flags on a marked error "
		       "(measured at every severity): info",
	  .bad = RULE_EXAMPLES(
		  "There were [also farm] workers said that wages would "
		  "fall."),
	  .good = RULE_EXAMPLES(
		  "There were also farm workers who said that wages would "
		  "fall.",
		  "The farm workers also said that wages would fall.") },
};

struct fluency {
	struct lm *lm;
};

static enum mt_err fluency_open(struct checker *c,
				const struct checker_options *opts,
				void **state, struct mt_error *err)
{
	struct fluency *f = xcalloc(1, sizeof(*f));
	const char *data = opts->data_dir ? opts->data_dir : mt_data_dir();
	char path[PATH_MAX];
	enum mt_err rc;

	(void)c;
	*state = f;
	snprintf(path, sizeof(path), "%s/dictionaries/lm/en.lm", data);
	if (access(path, F_OK) != 0)
		return MT_ERR_OK; /* no model in this data folder: pass off */
	rc = lm_open(path, &f->lm, err);
	return rc;
}

static void fluency_close(void *state)
{
	struct fluency *f = state;

	if (!f)
		return;
	lm_close(f->lm);
	free(f);
}

/* Did the parser fail on the sentence without finding the defect itself?
 * A grammar.parse-* finding inside it says the parser could not link it;
 * a grammar.parse warning says a repair made it parse, and that repair
 * is the finding: word pairs elsewhere in the sentence add only noise. */
static int parser_flagged(const struct diag_list *l, struct span s)
{
	int failed = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (strncmp(l->v[i].rule, "grammar.parse", 13) ||
		    l->v[i].span.start >= s.end || l->v[i].span.end <= s.start)
			continue;
		if (!strcmp(l->v[i].rule, "grammar.parse"))
			return 0;
		failed = 1;
	}
	return failed;
}

/* Does an earlier finding already cover the span (the same defect)? */
static int reported(const struct diag_list *l, struct span s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strncmp(l->v[i].rule, "grammar.parse", 13) &&
		    l->v[i].span.start < s.end && l->v[i].span.end > s.start)
			return 1;
	return 0;
}

/* A word the window may blame: lower case (a capital inside the sentence
 * is a name), letters only, and common in the corpus. */
static int plain_word(const struct lm *lm, const struct document *doc,
		      const struct token *t, int first)
{
	const char *s = doc->text + t->span.start;
	size_t n = t->span.end - t->span.start;
	struct lm_word w;

	if (t->kind != TOK_WORD || (t->flags & TOKF_NONASCII) ||
	    ((t->flags & TOKF_CAP) && !first))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != '\'' && s[i] != '-')
			return 0;
	return lm_word(lm, s, n, &w) >= FLUENCY_MIN_COUNT;
}

/* Does the sentence end in . ! ? (closing quotes aside)? */
static int complete(const struct document *doc, const struct token *t,
		    uint32_t n)
{
	while (n > 0 && t[n - 1].kind == TOK_PUNCT) {
		const char *p = doc->text + t[n - 1].span.start;

		if (strchr(".!?", p[0]))
			return 1;
		n--;
	}
	return 0;
}

static void check_sentence(struct fluency *f, struct check_ctx *ctx,
			   const struct sentence *se)
{
	const struct document *doc = ctx->doc;
	const struct token *t = doc->tokens + se->first_token;
	uint32_t n = se->n_tokens < TAGGER_MAX_WORDS ? se->n_tokens
						      : TAGGER_MAX_WORDS;
	struct tagger_word w[TAGGER_MAX_WORDS];
	uint8_t tags[TAGGER_MAX_WORDS];
	uint32_t words = 0;
	if (!complete(doc, t, se->n_tokens) ||
	    !parser_flagged(ctx->diags, se->span))
		return;
	for (uint32_t i = 0; i < n; i++) {
		w[i].s = doc->text + t[i].span.start;
		w[i].len = t[i].span.end - t[i].span.start;
		w[i].first = i == 0;
		words += t[i].kind == TOK_WORD;
	}
	if (words < 4)
		return;
	tagger_tag(f->lm, w, n, tags);
	for (uint32_t i = 2; i < n; i++) {
		struct span sp = { t[i - 1].span.start, t[i].span.end };
		double lp;

		if (!plain_word(f->lm, doc, &t[i - 1], i == 1) ||
		    !plain_word(f->lm, doc, &t[i], 0))
			continue;
		lp = lm_tag_logprob(f->lm, tags[i - 2], tags[i - 1], tags[i]);
		if (lp >= FLUENCY_TAG_LOGP ||
		    lm_bigram(f->lm, w[i - 1].s, w[i - 1].len, w[i].s,
			      w[i].len))
			continue;
		if (reported(ctx->diags, sp))
			continue;
		diag_add(ctx->diags, RULE_ID, "fluency/grammar", MT_SEV_INFO, sp,
			 "'%.*s %.*s' is an unusual sequence in edited "
			 "English (%s %s after %s)",
			 (int)w[i - 1].len, w[i - 1].s, (int)w[i].len, w[i].s,
			 lm_tag_name(f->lm, tags[i - 1]),
			 lm_tag_name(f->lm, tags[i]),
			 lm_tag_name(f->lm, tags[i - 2]));
		i++; /* one finding per pair of words */
	}
}

static enum mt_err fluency_run(void *state, struct check_ctx *ctx,
			       struct mt_error *err)
{
	struct fluency *f = state;

	(void)err;
	if (!f->lm ||
	    !checker_rule_enabled(ctx->checker, RULE_ID, "fluency/grammar"))
		return MT_ERR_OK;
	for (uint32_t i = 0; i < ctx->doc->n_sentences; i++)
		check_sentence(f, ctx, &ctx->doc->sentences[i]);
	return MT_ERR_OK;
}

static size_t fluency_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = fluency_rules;
	return ARRAY_SIZE(fluency_rules);
}

const struct check_pass fluency_pass = {
	.name = "fluency",
	.open = fluency_open,
	.run = fluency_run,
	.close = fluency_close,
	.rules = fluency_rule_list,
};
