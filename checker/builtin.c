/*
 * builtin: repeated words (see builtin.h).
 *
 * Two word tokens in a row, equal ignoring case, separated only by spaces
 * (not by punctuation or a line break), are reported with the single word as
 * the fix.  Repetitions English uses on purpose are left alone: "had had",
 * "that that" and the like are grammatical, so only words whose doubling is
 * never grammatical are reported -- which we approximate by leaving alone
 * any pair the language allows in the list below.
 */
#include "builtin.h"

#include <string.h>
#include <strings.h>

#include "segment.h"

static const struct rule_info builtin_rules[] = {
	{ "grammar.repeated-word", "fluency/grammar", MT_SEV_ERROR,
	  "the same word twice in a row (\"the the\")", NULL },
};

/* Doublings that English grammar allows ("he had had enough", "that that
 * is", "bye bye", "very very", "no no"): never reported. */
static const char *const allowed[] = {
	"had", "that", "is", "do", "bye", "very", "no", "so", "far",
	"really", "ha", "blah", "knock", "there", "well", "now", "yes",
	"more", "many", "much", "long",
};

static int is_allowed(const char *w, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(allowed); i++)
		if (strlen(allowed[i]) == n && strncasecmp(w, allowed[i], n) == 0)
			return 1;
	return 0;
}

static enum mt_err builtin_run(void *state, struct check_ctx *ctx,
			       struct mt_error *err)
{
	const struct document *doc = ctx->doc;

	(void)state;
	(void)err;
	if (!checker_rule_enabled(ctx->checker, "grammar.repeated-word",
				  "fluency/grammar"))
		return MT_ERR_OK;
	for (uint32_t i = 1; i < doc->n_tokens; i++) {
		const struct token *a = &doc->tokens[i - 1];
		const struct token *b = &doc->tokens[i];
		size_t n = token_len(a);
		const char *w = doc->text + a->span.start;

		if (a->kind != TOK_WORD || b->kind != TOK_WORD ||
		    token_len(b) != n || (b->flags & TOKF_LINE_BEFORE) ||
		    !(b->flags & TOKF_SPACE_BEFORE) ||
		    document_sentence_at(doc, a->span.start) !=
			    document_sentence_at(doc, b->span.start))
			continue;
		if (strncasecmp(w, doc->text + b->span.start, n) != 0)
			continue;
		/* "The the" is a repeat; "Walla Walla" (both capitalised) is
		 * likely a name */
		if ((a->flags & TOKF_CAP) && (b->flags & TOKF_CAP))
			continue;
		if (is_allowed(w, n))
			continue;
		struct span sp = { a->span.start, b->span.end };
		struct diag *d = diag_add(ctx->diags, builtin_rules[0].id,
					  builtin_rules[0].category,
					  builtin_rules[0].severity, sp,
					  "repeated word '%.*s'", (int)n, w);

		diag_suggestn(ctx->diags, d, w, n);
		d->flags |= DIAGF_SAFE_FIX;
	}
	return MT_ERR_OK;
}

static size_t builtin_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = builtin_rules;
	return ARRAY_SIZE(builtin_rules);
}

const struct check_pass builtin_pass = {
	.name = "builtin",
	.run = builtin_run,
	.rules = builtin_rule_list,
};
