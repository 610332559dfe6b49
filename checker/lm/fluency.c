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

/*
 * What the passes before this one found, indexed once per document (a
 * scan of every finding per sentence made the pass quadratic in the
 * document's length):
 *
 * - per sentence, did the parser fail on it without finding the defect
 *   itself?  A grammar.parse-* finding inside it says the parser could not
 *   link it; a grammar.parse warning says a repair made it parse, and
 *   that repair is the finding: word pairs elsewhere in the sentence add
 *   only noise;
 * - the spans of the other findings, sorted by start, so that a pair an
 *   earlier finding already covers (the same defect) stays quiet.
 */
enum parsed { PARSED_OK, PARSED_FAILED, PARSED_REPAIRED };

struct earlier {
	uint8_t *parsed;    /* enum parsed, per sentence */
	struct span *spans; /* the other findings, by start */
	size_t n_spans;
	uint32_t longest; /* the longest of them */
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

static void earlier_index(struct earlier *e, const struct document *doc,
			  const struct diag_list *l)
{
	e->parsed = xcalloc(doc->n_sentences ? doc->n_sentences : 1, 1);
	e->spans = xcalloc(l->n ? l->n : 1, sizeof(*e->spans));
	e->n_spans = 0;
	e->longest = 0;
	for (size_t i = 0; i < l->n; i++) {
		struct span sp = l->v[i].span;
		int repaired = !strcmp(l->v[i].rule, "grammar.parse");

		if (strncmp(l->v[i].rule, "grammar.parse", 13)) {
			e->spans[e->n_spans++] = sp;
			if (sp.end - sp.start > e->longest)
				e->longest = sp.end - sp.start;
			continue;
		}
		for (uint32_t k =
			     document_sentence_after(doc, 0, doc->n_sentences,
						     sp.start);
		     k < doc->n_sentences &&
		     doc->sentences[k].span.start < sp.end;
		     k++)
			if (repaired)
				e->parsed[k] = PARSED_REPAIRED;
			else if (e->parsed[k] == PARSED_OK)
				e->parsed[k] = PARSED_FAILED;
	}
	qsort(e->spans, e->n_spans, sizeof(*e->spans), span_cmp);
}

static void earlier_release(struct earlier *e)
{
	free(e->parsed);
	free(e->spans);
}

/* Does an earlier finding (not the parser's) overlap s? */
static int reported(const struct earlier *e, struct span s)
{
	uint32_t from = s.start > e->longest ? s.start - e->longest : 0;
	size_t lo = 0, hi = e->n_spans;

	while (lo < hi) { /* the first span starting at from or later */
		size_t mid = lo + (hi - lo) / 2;

		if (e->spans[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < e->n_spans && e->spans[lo].start < s.end; lo++)
		if (e->spans[lo].end > s.start)
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
		if (!isalpha((unsigned char)s[i]) && s[i] != '\'' &&
		    s[i] != '-')
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
			   const struct earlier *e, uint32_t k)
{
	const struct sentence *se = &ctx->doc->sentences[k];
	const struct document *doc = ctx->doc;
	const struct token *t = doc->tokens + se->first_token;
	uint32_t n = se->n_tokens < TAGGER_MAX_WORDS ? se->n_tokens
						     : TAGGER_MAX_WORDS;
	struct tagger_word w[TAGGER_MAX_WORDS];
	uint8_t tags[TAGGER_MAX_WORDS];
	uint32_t words = 0;
	if (e->parsed[k] != PARSED_FAILED || !complete(doc, t, se->n_tokens))
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
		if (reported(e, sp))
			continue;
		diag_add(ctx->diags, RULE_ID, "fluency/grammar", MT_SEV_INFO,
			 sp,
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
	struct earlier e;

	(void)err;
	if (!f->lm ||
	    !checker_rule_enabled(ctx->checker, RULE_ID, "fluency/grammar"))
		return MT_ERR_OK;
	/* the pass's own findings never overlap (one per pair of words, the
	 * next pair starting after it), so the index made before them serves
	 * the whole run */
	earlier_index(&e, ctx->doc, ctx->diags);
	for (uint32_t k = 0; k < ctx->doc->n_sentences; k++)
		check_sentence(f, ctx, &e, k);
	earlier_release(&e);
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
