/*
 * abbrevs: an abbreviation written both with and without full stops in
 * one article ("U.S." and "US", "U.N." and "UN") -- rule
 * abbreviations.inconsistent of the consistency pass (checks.h).
 *
 * A dotted abbreviation is a word token of two to five capitals each
 * followed by a full stop ("U.S.", "E.U."; not after a number, where
 * "A.M." is a time); its plain form is the same capitals written as one
 * word ("US").  When an article writes both, the form the article's
 * English does not use is reported at each of its occurrences, with the
 * other as the fix: American news style (the AP Stylebook, which
 * newsrooms and MT evaluators of news follow) writes country and
 * organisation abbreviations with full stops, British style (the BBC,
 * the Guardian) without -- en_GB, en_AU, en_NZ, en_IE and en_ZA.
 * (Chicago 17 writes "US" too: a house that follows it disables the
 * rule.)  An article consistent in either form is left alone.  A plain
 * form among words in capitals ("LET US PRAY") is a shout, not the
 * abbreviation.
 *
 * An occurrence is reported only when the other form stands within
 * NEAR_WORDS words of it: a whole news story of the usual length lies in
 * that reach, so within one the rule still compares the whole article,
 * while a document that runs many texts together (a corpus, a collection
 * of wire copy) is not one article, and a form in one text says nothing
 * about the style of another far from it.
 */
#include <stdlib.h>
#include <string.h>

#include "consistency/checks.h"
#include "text/segment.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define MAX_LETTERS 5
/* How far, in words, the other form may stand from a reported one.  The
 * MQM news articles run 211 to 728 words, their two forms at most 314
 * apart; texts of the Brown corpus run together put them 989 words apart
 * and more (docs/evaluation.md, "Abbreviations written two ways"). */
#define NEAR_WORDS 800

/* The capitals of a dotted abbreviation ("U.S." -> "US"), or 0. */
static size_t dotted_letters(const char *w, size_t n, char *out)
{
	size_t k = 0;

	if (n < 4 || n % 2 || n / 2 > MAX_LETTERS)
		return 0;
	for (size_t i = 0; i < n; i += 2) {
		if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.')
			return 0;
		out[k++] = w[i];
	}
	return k;
}

/* The capitals of token i when it is a dotted abbreviation (not a time
 * of day: "10 A.M." is no "AM"), or 0. */
static size_t dotted_at(const struct document *doc, uint32_t i, char *out)
{
	const struct token *t = &doc->tokens[i];

	if (t->kind != TOK_WORD ||
	    (i > 0 && doc->tokens[i - 1].kind == TOK_NUMBER))
		return 0;
	return dotted_letters(doc->text + t->span.start,
			      t->span.end - t->span.start, out);
}

/* Is the word two to five capitals ("US")? */
static int plain_letters(const char *w, size_t n)
{
	if (n < 2 || n > MAX_LETTERS)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return 0;
	return 1;
}

/* Is token k of sentence s a word of three or more capitals? */
static int shouted(const struct document *doc, const struct sentence *s,
		   uint32_t k)
{
	const struct token *t;

	if (k < s->first_token || k >= s->first_token + s->n_tokens)
		return 0;
	t = &doc->tokens[k];
	return t->kind == TOK_WORD && (t->flags & TOKF_ALLCAPS) &&
	       !(t->flags & TOKF_ABBREV) && t->span.end - t->span.start >= 3;
}

/* Does the British usage (no full stops) hold for this language? */
static int british(const char *lang)
{
	static const char *const v[] = { "en_GB", "en_AU", "en_NZ", "en_IE",
					 "en_ZA" };

	for (size_t i = 0; lang && i < ARRAY_SIZE(v); i++)
		if (strncmp(lang, v[i], 5) == 0)
			return 1;
	return 0;
}

/* The occurrences of one abbreviation: [0] plain, [1] dotted; each the
 * word number of its token (words and numbers counted from the start),
 * ascending. */
struct form_uses {
	uint32_t n[2];
	uint32_t *at[2];
	size_t alloc[2];
};

static void add_use(struct form_uses *u, int dotted, uint32_t word)
{
	u->at[dotted] = xgrow(u->at[dotted], &u->alloc[dotted],
			      u->n[dotted] + 1, sizeof(*u->at[dotted]));
	u->at[dotted][u->n[dotted]++] = word;
}

/* Does the abbreviation stand in the given form within NEAR_WORDS words
 * of word number w? */
static int used_near(const struct form_uses *u, int dotted, uint32_t w)
{
	const uint32_t *at = u->at[dotted];
	uint32_t lo = 0, hi = u->n[dotted],
		 from = w > NEAR_WORDS ? w - NEAR_WORDS : 0;

	while (lo < hi) { /* the first at or after `from` */
		uint32_t mid = lo + (hi - lo) / 2;

		if (at[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < u->n[dotted] &&
	       (uint64_t)at[lo] <= (uint64_t)w + NEAR_WORDS;
}

/* The plain form of a dotted abbreviation at token i of sentence s: its
 * id in forms, or STRTAB_NONE (also for one among words in capitals). */
static uint32_t plain_at(const struct document *doc, const struct sentence *s,
			 uint32_t i, const struct strtab *forms)
{
	const struct token *t = &doc->tokens[i];
	const char *w = doc->text + t->span.start;
	size_t n = t->span.end - t->span.start;

	if (t->kind != TOK_WORD || !plain_letters(w, n) ||
	    shouted(doc, s, i - 1) || shouted(doc, s, i + 1))
		return STRTAB_NONE;
	return strtab_find(forms, w, n);
}

static void count_plain(const struct document *doc, const struct sentence *s,
			const struct strtab *forms, const uint32_t *word_no,
			struct form_uses *u)
{
	for (uint32_t i = s->first_token; i < s->first_token + s->n_tokens;
	     i++) {
		uint32_t id = plain_at(doc, s, i, forms);

		if (id != STRTAB_NONE)
			add_use(&u[id], 0, word_no[i]);
	}
}

/* The other form of the capitals l[0..n): "U.S." for a plain form, "US"
 * for a dotted one (with the full stop that ends a sentence when the
 * dotted form ended it: "in the U.S." -> "in the US."; a plain form
 * before a full stop lends it that one: "in the US." -> "U.S" + ".";
 * before a capital, "U.S. Army" or a sentence the segmenter did not
 * split, the finding goes without a fix). */
static void other_form(const char *l, size_t n, int dotted, int at_end,
		       int stop_after, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		out[k++] = l[i];
		if (!dotted && !(stop_after && i + 1 == n))
			out[k++] = '.';
	}
	if (dotted && at_end)
		out[k++] = '.';
	out[k] = '\0';
}

/* Is token i followed, with no space, by a full stop ("in the US.")? */
static int full_stop_after(const struct document *doc, uint32_t i)
{
	const struct token *t = &doc->tokens[i], *u = t + 1;

	return i + 1 < doc->n_tokens && u->kind == TOK_PUNCT &&
	       u->span.start == t->span.end && doc->text[u->span.start] == '.';
}

static void report_sentence(struct check_ctx *ctx, const struct rule_info *ri,
			    const struct sentence *s,
			    const struct strtab *forms, const uint32_t *word_no,
			    const struct form_uses *u, int keep_dots)
{
	const struct document *doc = ctx->doc;
	uint32_t last = s->first_token + s->n_tokens;

	for (uint32_t i = s->first_token; i < last; i++) {
		const struct token *t = &doc->tokens[i];
		const char *w = doc->text + t->span.start;
		size_t n = t->span.end - t->span.start, ln;
		char l[MAX_LETTERS], fix[2 * MAX_LETTERS + 2],
			shown[2 * MAX_LETTERS + 2];
		uint32_t id, elsewhere;
		int dotted;
		struct diag *d;

		if (t->kind != TOK_WORD)
			continue;
		ln = dotted_at(doc, i, l);
		dotted = ln > 0;
		if (dotted)
			id = strtab_find(forms, l, ln);
		else if ((id = plain_at(doc, s, i, forms)) != STRTAB_NONE)
			memcpy(l, w, ln = n);
		if (dotted == keep_dots || id == STRTAB_NONE ||
		    !used_near(&u[id], !dotted, word_no[i]))
			continue;
		elsewhere = u[id].n[!dotted];
		other_form(l, ln, dotted, 0, 0, shown);
		other_form(l, ln, dotted, i + 1 == last,
			   full_stop_after(doc, i), fix);
		d = diag_add(ctx->diags, ri->id, ri->category, ri->severity,
			     t->span,
			     "'%.*s' here, '%s' elsewhere in the article "
			     "(%u time%s): %s writes '%s'",
			     (int)n, w, shown, elsewhere,
			     elsewhere == 1 ? "" : "s",
			     keep_dots ? "American news style (AP)"
				       : "British style",
			     shown);
		if (!dotted || i + 1 == last ||
		    !(doc->tokens[i + 1].flags & TOKF_CAP))
			diag_suggest(ctx->diags, d, fix);
	}
}

/* Does token t count as a word of the distance between two forms? */
static int counts_as_word(const struct token *t)
{
	return t->kind == TOK_WORD || t->kind == TOK_NUMBER;
}

void consistency_check_abbrevs(struct check_ctx *ctx,
			       const struct rule_info *ri, const char *lang)
{
	const struct document *doc = ctx->doc;
	int keep_dots = !british(lang);
	struct strtab forms;
	struct form_uses *u = NULL;
	uint32_t *word_no, words = 0;
	size_t alloc = 0;
	char l[MAX_LETTERS];

	strtab_init(&forms);
	/* the dotted abbreviations first (only their capitals count), each
	 * at its token until the word numbers are known */
	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		size_t n = dotted_at(doc, i, l);
		int is_new;
		uint32_t id;

		if (!n)
			continue;
		id = strtab_intern_copy(&forms, &ctx->doc->arena, l, n,
					&is_new);
		if (is_new) {
			u = xgrow(u, &alloc, id + 1, sizeof(*u));
			u[id] = (struct form_uses){ 0 };
		}
		add_use(&u[id], 1, i);
	}
	if (!u) {
		strtab_release(&forms);
		return;
	}
	word_no = xmalloc(doc->n_tokens * sizeof(*word_no));
	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		word_no[i] = words;
		words += counts_as_word(&doc->tokens[i]);
	}
	for (uint32_t id = 0; id < strtab_count(&forms); id++)
		for (uint32_t k = 0; k < u[id].n[1]; k++)
			u[id].at[1][k] = word_no[u[id].at[1][k]];
	for (uint32_t k = 0; k < doc->n_sentences; k++)
		count_plain(doc, &doc->sentences[k], &forms, word_no, u);
	for (uint32_t k = 0; k < doc->n_sentences; k++)
		report_sentence(ctx, ri, &doc->sentences[k], &forms, word_no, u,
				keep_dots);
	for (uint32_t id = 0; id < strtab_count(&forms); id++) {
		free(u[id].at[0]);
		free(u[id].at[1]);
	}
	free(u);
	free(word_no);
	strtab_release(&forms);
}
