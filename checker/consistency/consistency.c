/*
 * consistency: the pass (see consistency.h) -- its rule table and the
 * order of its checks.
 */
#include "consistency/consistency.h"

#include <stdlib.h>

#include "consistency/checks.h"
#include "run/checker.h"
#include "util/xalloc.h"

enum {
	C_ABBREV,
	C_REPORTING,
	C_COUNT,
};

static const struct rule_info consistency_rules[C_COUNT] = {
	[C_ABBREV] = { "abbreviations.inconsistent", "fluency/inconsistency",
		       MT_SEV_WARNING,
		       "an abbreviation written both with and without full "
		       "stops in one article (\"U.S.\" and \"US\", at "
		       "most 800 words apart): the form the language's "
		       "usage does not write",
		       NULL,
		       "news 93% of 84 flags on a marked error (plain forms "
		       "in articles that also write the dotted one; flagging "
		       "the article's rarer form instead: 54% of 37); ted "
		       "none; one rater team's house style, so warning, not "
		       "error, until another set confirms it; Brown: none "
		       "in the sample, 2 in its 500 texts one by one (a "
		       "time of day written both ways in one story, and a "
		       "homograph of it); the texts run together put the "
		       "two forms 989 words apart and more",
		       .bad = RULE_EXAMPLES(
			       "The U.N. envoy arrived on Monday. The [UN] "
			       "envoy left on Friday. -> U.N."),
		       .good = RULE_EXAMPLES(
			       "The UN envoy arrived on Monday. The UN envoy "
			       "left on Friday.",
			       "The U.N. envoy arrived. LET US PRAY, the "
			       "banner said.",
			       "The U.S. team won. She told us to wait.") },
	[C_REPORTING] = { "grammar.reporting-tense", "fluency/grammar",
			  MT_SEV_WARNING,
			  "a reporting verb in the present ('officials "
			  "say') in an article that reports with 'said'",
			  NULL,
			  "news 9 flags, all on a marked error (11 "
			  "fluency spans: raters mark the tense); ted "
			  "none; Brown 3 of its 2,460 20-sentence files "
			  "(an author or a document cited in the "
			  "present, fiction in the present), 0 of the "
			  "sample: warning",
			  .bad = RULE_EXAMPLES(
				  "The minister said on Monday that talks "
				  "would resume. Officials [say] the first "
				  "round will open in May. The envoy said "
				  "nothing. -> said",
				  "Police said the bridge was closed. The "
				  "ministry [says] it will reopen on Friday, "
				  "the mayor said. -> said"),
			  .good = RULE_EXAMPLES(
				  "The minister said that talks would "
				  "resume. Officials said the first round "
				  "would open in May.",
				  "The minister said so. \"Officials say the "
				  "talks will resume,\" the envoy said.",
				  "The minister said so. He heard Joel say "
				  "the talks were over, and the envoy said "
				  "nothing.",
				  "The minister said so. I say the talks "
				  "will resume; the envoy said nothing.",
				  "The minister said so. What did the envoy "
				  "say about the talks? He said nothing.",
				  "Officials say the talks will resume. "
				  "Diplomats say the first round opens in "
				  "May, one of them said.") },
};

struct consistency_state {
	char *lang;
};

static int enabled(const struct check_ctx *ctx, int rule)
{
	return checker_rule_enabled(ctx->checker, consistency_rules[rule].id,
				    consistency_rules[rule].category);
}

static enum mt_err consistency_open(struct checker *c,
				    const struct checker_options *opts,
				    void **state, struct mt_error *err)
{
	struct consistency_state *st = xcalloc(1, sizeof(*st));

	(void)c;
	(void)err;
	st->lang = opts->lang ? xstrdup(opts->lang) : NULL;
	*state = st;
	return MT_ERR_OK;
}

static void consistency_close(void *state)
{
	struct consistency_state *st = state;

	if (!st)
		return;
	free(st->lang);
	free(st);
}

static enum mt_err consistency_run(void *state, struct check_ctx *ctx,
				   struct mt_error *err)
{
	struct consistency_state *st = state;

	(void)err;
	if (enabled(ctx, C_ABBREV))
		consistency_check_abbrevs(ctx, &consistency_rules[C_ABBREV],
					  st->lang);
	if (enabled(ctx, C_REPORTING))
		consistency_check_reporting(ctx,
					    &consistency_rules[C_REPORTING]);
	return MT_ERR_OK;
}

static size_t consistency_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = consistency_rules;
	return ARRAY_SIZE(consistency_rules);
}

const struct check_pass consistency_pass = {
	.name = "consistency",
	.open = consistency_open,
	.run = consistency_run,
	.close = consistency_close,
	.rules = consistency_rule_list,
};
