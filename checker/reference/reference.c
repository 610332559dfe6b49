/*
 * reference: names, numbers and dates checked against a reference article
 * (see reference.h).
 *
 * The run extracts the names and quantities of both documents, aligns the
 * article's sentences with the reference's (align.h), and then:
 *   - for each article name word whose normal form the reference lacks,
 *     asks the reference's name index for near misses (names.h) and keeps
 *     the first whose context agrees;
 *   - for each article quantity whose noun or dimension the reference also
 *     counts, but never with the same value, looks for a reference quantity
 *     of that key in a sentence saying the same thing;
 *   - within the article, pairs near-miss spellings that share a
 *     neighbouring name word.
 * Everything is indexed (hash tables, the deletion-variant name index, the
 * trigram postings): no all-pairs comparison of tokens.
 */
#include "reference/reference.h"
#include "reference/run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reference/align.h"
#include "reference/names.h"
#include "reference/numbers.h"
#include "reference/wordalign.h"
#include "reference/wording.h"
#include "reference/wordnet.h"
#include "run/checker.h"
#include "spelling/hunspell.h"
#include "text/segment.h"
#include "util/buf.h"
#include "util/namesim.h"
#include "util/strtab.h"
#include "util/xalloc.h"

const struct rule_info reference_rules[R_COUNT] = {
	[R_NAME] = { "reference.name-mismatch", "accuracy/mistranslation",
		     MT_SEV_ERROR,
		     "a name differs from its spelling in the reference "
		     "article",
		     NULL,
		     "MQM ted (the only set with a reference) 0 flags; "
		     "make eval-reference: injected name errors found with "
		     "few false findings: error",
		     .bad = RULE_EXAMPLES(
			     "Foreign minister Anna [Kowalcyk] met the envoys "
			     "on Monday. -> Kowalczyk"),
		     .good = RULE_EXAMPLES(
			     "Foreign minister Anna Kowalczyk met the envoys "
			     "on Monday.",
			     "The envoys met Anna Kowalczyk and Mr Ostrowski."),
		     .reference = "Foreign minister Anna Kowalczyk met the "
				  "envoys on Monday, her office said." },
	[R_NUMBER] = { "reference.number-mismatch", "accuracy/mistranslation",
		       MT_SEV_WARNING,
		       "a number differs from the reference article's for the "
		       "same noun",
		       NULL,
		       "ted 100% of 1 flag on a marked error (before main's "
		       "parallel-reference fix: 7% of 14, 12 of them one "
		       "number where the reference itself differs from the "
		       "source); make eval-reference: injected number errors "
		       "found: warning",
		       .bad = RULE_EXAMPLES(
			       "The council will build [24] new schools in the "
			       "region. -> 42"),
		       .good = RULE_EXAMPLES(
			       "The council will build 42 new schools in the "
			       "region.",
			       "The works will take four weeks."),
		       .reference = "The council will build 42 new schools in "
				    "the region. The works will take a month "
				    "and 28 days." },
	[R_DATE] = { "reference.date-mismatch", "accuracy/mistranslation",
		     MT_SEV_WARNING,
		     "a date differs from the reference article's", NULL,
		     "MQM 0 flags; make eval-reference: injected date "
		     "errors found: warning",
		     .bad = RULE_EXAMPLES(
			     "The treaty was signed on [2019-03-15] in "
			     "Geneva. -> 2019-03-14"),
		     .good = RULE_EXAMPLES(
			     "The treaty was signed on 2019-03-14 in Geneva.",
			     "The treaty was signed on 14 March 2019 in "
			     "Geneva."),
		     .reference = "The treaty was signed on 2019-03-14 in "
				  "Geneva." },
	[R_INCONSISTENT] = { "names.inconsistent", "fluency/inconsistency",
			     MT_SEV_WARNING,
			     "the same name spelled two ways in one article",
			     NULL,
			     "news 88% of 8 flags on a marked error; Brown 2 in "
			     "1,490 sentences: warning",
			     .bad = RULE_EXAMPLES(
				     "Anna Kowalczyk spoke first. Later Anna "
				     "Kowalczyk left. Anna [Kowalcyk] then "
				     "returned. -> Kowalczyk"),
			     .good = RULE_EXAMPLES(
				     "Maria Jonson met the mayor. Peter "
				     "Johnson met the press.",
				     "Joan Smith chairs the board. John Smith, "
				     "her brother, does not.") },
	[R_CHOICE] = { "reference.word-choice", "accuracy/mistranslation",
		       MT_SEV_INFO,
		       "a word differs from the word the aligned reference "
		       "sentence has in its place",
		       NULL,
		       "ted (parallel references) 20% of 1,634 flags on a "
		       "marked error: info",
		       .bad = RULE_EXAMPLES(
			       "The board praised the [timid] plan on Friday."),
		       .good = RULE_EXAMPLES(
			       "The board praised the bold plan on Friday.",
			       "On Friday the board praised the bold plan."),
		       .reference = "The board praised the bold plan on "
				    "Friday." },
	[R_OMISSION] = { "reference.omission", "accuracy/omission", MT_SEV_INFO,
			 "words of a parallel reference sentence have no "
			 "counterpart in the article",
			 NULL,
			 "ted (parallel references) 15% of 1,113 flags on a "
			 "marked error: info",
			 .bad = RULE_EXAMPLES(
				 "The board [approved] the report on Monday."),
			 .good = RULE_EXAMPLES(
				 "The board approved the yearly report on "
				 "Monday.",
				 "On Monday the board approved the yearly "
				 "report."),
			 .reference = "The board approved the yearly report "
				      "on Monday." },
	[R_ADDITION] = { "reference.addition", "accuracy/addition", MT_SEV_INFO,
			 "article words have no counterpart in the parallel "
			 "reference sentence",
			 NULL,
			 "ted (parallel references) 17% of 1,745 flags on a "
			 "marked error: info",
			 .bad = RULE_EXAMPLES(
				 "The board [quietly] approved the report on "
				 "Monday."),
			 .good = RULE_EXAMPLES(
				 "The board approved the report on Monday.",
				 "On Monday the board approved the report."),
			 .reference = "The board approved the report on "
				      "Monday." },
};

struct reference_state {
	struct names_normaliser *nn;
	/* opened on the first document with a reference */
	struct speller *sp;
	struct wordnet *wn;
	char *lang, *dict_path;
	int kind; /* enum align_kind: the option */
};

/* Is the rule (an R_* index) enabled for this run? */
static int reference_enabled(const struct run *r, int rule)
{
	return checker_rule_enabled(r->ctx->checker, reference_rules[rule].id,
				    reference_rules[rule].category);
}

/* Evidence: a span of the reference and its sentence. */
void reference_evidence(struct run *r, struct diag *d,
			 const struct document *src, struct span sp,
			 uint32_t sentence, double score)
{
	wording_evidence(r->ctx->diags, d, src, sp, sentence, score);
}

/* Is reference sentence rs a counterpart of article sentence as? */
int reference_aligned(const struct run *r, uint32_t as, uint32_t rs)
{
	const struct align_match *m;

	if (!r->al || as >= r->doc->n_sentences)
		return 0;
	m = &r->al[as];
	if (m->ref == rs && m->score >= ALIGN_MIN_SCORE)
		return 1;
	/* a parallel reference's runner-up counts only as the other half
	 * of a sentence translated as two */
	if (r->kind == ALIGN_KIND_PARALLEL && rs != m->ref + 1 &&
	    rs + 1 != m->ref)
		return 0;
	return m->second == rs && m->second_score >= ALIGN_MIN_SCORE;
}

uint32_t reference_shared_stems(const char *const *a, uint32_t na,
			     const char *const *b, uint32_t nb,
			     const char *skip)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < na; i++) {
		if (skip && strcmp(a[i], skip) == 0)
			continue;
		for (uint32_t j = 0; j < nb; j++)
			if (strcmp(a[i], b[j]) == 0) {
				n++;
				break;
			}
	}
	return n;
}

/* --- names -------------------------------------------------------------- */

/*
 * How well do article word aw and reference word rw agree in context?
 * 3: a word before them in the two names is the same ("Dmitry", "Mr");
 * 2: the sentences are aligned and share a word around the names;
 * 1: weaker evidence, enough for a close miss of a long name (one edit,
 *    six letters or more): aligned sentences, or two shared words;
 * 0: no agreement.
 */
static int name_context(const struct run *r, const struct names *an,
			uint32_t aw, const struct names *rn, uint32_t rw,
			int distance)
{
	const struct name_word *w = &an->words[aw], *v = &rn->words[rw];
	const struct entity *ae = &an->entities[w->entity];
	const struct entity *re = &rn->entities[v->entity];
	uint32_t shared;
	size_t len;
	int al;

	/* the shared word comes before the differing one: a first name or
	 * title ("Dmitry Pskov" / "Dmitry Peskov", "Mr ..."); a shared
	 * surname is not enough ("Joan Smith" / "John Smith" are two
	 * people) */
	for (uint32_t i = ae->first_word; i < aw; i++) {
		const char *k = an->words[i].key;

		for (uint32_t j = re->first_word; j < rw; j++)
			if (strcmp(k, rn->words[j].key) == 0)
				return 3;
	}
	if (rn == an) /* within one document: only the strongest */
		return 0;
	shared = reference_shared_stems(ae->context, ae->n_context, re->context,
			      re->n_context, NULL);
	al = reference_aligned(r, w->sentence, v->sentence);
	if (al && shared >= 1)
		return 2;
	/* a lone capital at a sentence start may not be a name at all */
	if (w->initial)
		return 0;
	len = strlen(w->key) > strlen(v->key) ? strlen(w->key)
					       : strlen(v->key);
	if (distance == 1 && len >= 6 && (al || shared >= 2))
		return 1;
	return 0;
}

/* Does the surface of a differ from b's beyond ASCII case? */
static int surface_differs(const struct document *da, struct span a,
			   const struct document *db, struct span b)
{
	return a.end - a.start != b.end - b.start ||
	       strncasecmp(da->text + a.start, db->text + b.start,
			   a.end - a.start) != 0;
}

static void report_name(struct run *r, uint32_t aw, uint32_t rw, double score)
{
	const struct name_word *w = &r->an.words[aw], *v = &r->rn.words[rw];
	const struct entity *re = &r->rn.entities[v->entity];
	const struct rule_info *ri = &reference_rules[R_NAME];
	struct diag *d;

	d = diag_add(r->ctx->diags, ri->id, ri->category, ri->severity,
		     w->span, "'%.*s' differs from the reference, which has "
			      "'%.*s' (\"%.*s\")",
		     (int)(w->span.end - w->span.start),
		     r->doc->text + w->span.start,
		     (int)(v->span.end - v->span.start),
		     r->ref->text + v->span.start,
		     (int)(re->span.end - re->span.start),
		     r->ref->text + re->span.start);
	diag_suggestn(r->ctx->diags, d, r->ref->text + v->span.start,
		      v->span.end - v->span.start);
	reference_evidence(r, d, r->ref, re->span, re->sentence, score);
}

#define MAX_CANDS 4

/* Answers of strong_context(), by the article name's words up to the one
 * asked about ("dmitry pskov "): long articles repeat their names.  Keys
 * are in the run's arena. */
struct context_memo {
	struct strtab tab;
	uint8_t *strong;
	size_t alloc;
};

/*
 * Does some place of reference key rid share a word before it with
 * article name word aw ("Dmitry" in "Dmitry Pskov" / "Dmitry Peskov"):
 * name_context() 3?
 */
static int strong_context(struct run *r, uint32_t aw, uint32_t rid,
			  const uint32_t *head, const uint32_t *next,
			  struct context_memo *m)
{
	const struct entity *e = &r->an.entities[r->an.words[aw].entity];
	struct buf b = BUF_INIT;
	int strong = 0;
	uint32_t id;

	for (uint32_t k = e->first_word; k <= aw; k++) {
		buf_adds(&b, r->an.words[k].key);
		buf_addc(&b, ' ');
	}
	id = strtab_find(&m->tab, b.buf, b.len);
	if (id == STRTAB_NONE) {
		for (uint32_t i = head[rid]; i != UINT32_MAX && !strong;
		     i = next[i])
			strong = name_context(r, &r->an, aw, &r->rn, i, 0) == 3;
		id = strtab_intern(&m->tab, arena_strndup(r->a, b.buf, b.len),
				   b.len, NULL);
		m->strong = xgrow(m->strong, &m->alloc, (size_t)id + 1, 1);
		m->strong[id] = (uint8_t)strong;
	}
	buf_release(&b);
	return m->strong[id];
}

static void reference_check_names(struct run *r)
{
	struct context_memo memo = { 0 };
	struct name_index *rix = name_index_new();
	uint32_t *head, *next;
	struct strtab seen = STRTAB_INIT; /* article key -> candidates */
	uint32_t (*cands)[MAX_CANDS] = NULL;
	uint8_t *n_cands = NULL;
	size_t cand_alloc = 0, ncand_alloc = 0;

	next = xmalloc((r->rn.n_words + 1) * sizeof(*next));
	head = xmalloc((r->rn.n_words + 1) * sizeof(*head));
	for (uint32_t i = 0; i < r->rn.n_words; i++)
		name_index_add(rix, r->rn.words[i].key);
	/* occurrence lists by key id, in text order */
	for (uint32_t id = 0; id < name_index_count(rix); id++)
		head[id] = UINT32_MAX;
	for (uint32_t i = r->rn.n_words; i-- > 0;) {
		uint32_t id = name_index_find(rix, r->rn.words[i].key);

		next[i] = head[id];
		head[id] = i;
	}

	for (uint32_t aw = 0; aw < r->an.n_words; aw++) {
		const struct name_word *w = &r->an.words[aw];
		uint32_t rid = name_index_find(rix, w->key);
		int is_new, strong = 0, need = 1;
		uint32_t sid;

		if (rid != UINT32_MAX) {
			/* same normal form: report a different script or
			 * diacritics ("Peskóv"), not a difference of case */
			int same = 0, non_ascii = 0;

			for (uint32_t k = w->span.start; k < w->span.end; k++)
				if ((unsigned char)r->doc->text[k] >= 0x80)
					non_ascii = 1;
			for (uint32_t i = head[rid];
			     non_ascii && !same && i != UINT32_MAX; i = next[i])
				if (!surface_differs(r->doc, w->span, r->ref,
						     r->rn.words[i].span))
					same = 1;
			if (!same && non_ascii) {
				report_name(r, aw, head[rid], 1.0);
				continue;
			}
			/*
			 * The reference has the word, but perhaps as another
			 * name ("Pskov" the city): when none of its places
			 * shares the first name or title before it and a near
			 * miss does ("Dmitry Peskov"), the near miss wins.
			 */
			if (aw == r->an.entities[w->entity].first_word)
				continue;
			strong = strong_context(r, aw, rid, head, next,
						&memo);
			if (strong)
				continue;
			need = 3;
		}
		sid = strtab_intern(&seen, w->key, strlen(w->key), &is_new);
		if (is_new) {
			cands = xgrow(cands, &cand_alloc, sid + 1,
				      sizeof(*cands));
			n_cands = xgrow(n_cands, &ncand_alloc, sid + 1,
					sizeof(*n_cands));
			n_cands[sid] = (uint8_t)name_index_near(
				rix, w->key, cands[sid], MAX_CANDS);
		}
		for (uint32_t c = 0; c < n_cands[sid]; c++) {
			const char *rk = name_index_key(rix, cands[sid][c]);
			int dist = 0, best = 0;
			double score = 0;
			uint32_t best_rw = UINT32_MAX;

			namesim_near_miss(w->key, rk, &dist, &score);
			for (uint32_t i = head[cands[sid][c]]; i != UINT32_MAX;
			     i = next[i]) {
				int s = name_context(r, &r->an, aw, &r->rn, i,
						     dist);

				if (s > best) {
					best = s;
					best_rw = i;
				}
			}
			if (best >= need) {
				report_name(r, aw, best_rw, score);
				break;
			}
		}
	}
	free(cands);
	free(n_cands);
	free(head);
	free(next);
	strtab_release(&seen);
	strtab_release(&memo.tab);
	free(memo.strong);
	name_index_free(rix);
}

/*
 * Within the article: two near-miss forms sharing a neighbouring name
 * word.  With a reference, forms the reference knows are left to
 * check_names().
 */
static void reference_check_inconsistent(struct run *r)
{
	const struct names *an = &r->an;
	struct name_index *aix = name_index_new(), *rix = NULL;
	uint32_t *head, *next, *count, n_keys;
	uint8_t *done;
	const struct rule_info *ri = &reference_rules[R_INCONSISTENT];

	if (!an->n_words) {
		name_index_free(aix);
		return;
	}
	if (r->ref) {
		rix = name_index_new();
		for (uint32_t i = 0; i < r->rn.n_words; i++)
			name_index_add(rix, r->rn.words[i].key);
	}
	for (uint32_t i = 0; i < an->n_words; i++)
		if (!an->words[i].initial)
			name_index_add(aix, an->words[i].key);
	n_keys = name_index_count(aix);
	head = xmalloc(n_keys * sizeof(*head));
	count = xcalloc(n_keys, sizeof(*count));
	done = xcalloc(n_keys, 1);
	next = xmalloc(an->n_words * sizeof(*next));
	for (uint32_t id = 0; id < n_keys; id++)
		head[id] = UINT32_MAX;
	for (uint32_t i = an->n_words; i-- > 0;) {
		uint32_t id = name_index_find(aix, an->words[i].key);

		if (an->words[i].initial) {
			next[i] = UINT32_MAX;
			continue;
		}
		next[i] = head[id];
		head[id] = i;
		count[id]++;
	}
	for (uint32_t a = 0; a < n_keys; a++) {
		uint32_t near[MAX_CANDS];
		size_t n_near;

		if (done[a])
			continue;
		if (rix && name_index_find(rix, name_index_key(aix, a)) !=
				   UINT32_MAX)
			continue;
		n_near = name_index_near(aix, name_index_key(aix, a), near,
					 MAX_CANDS);
		for (size_t k = 0; k < n_near; k++) {
			uint32_t b = near[k], minor, major, agree = 0;
			uint32_t tries = 0;
			int dist;
			double score;

			if (done[b] ||
			    (rix && name_index_find(rix, name_index_key(aix, b)) !=
					    UINT32_MAX))
				continue;
			for (uint32_t i = head[a]; i != UINT32_MAX && !agree &&
						   tries < 400;
			     i = next[i])
				for (uint32_t j = head[b];
				     j != UINT32_MAX && !agree; j = next[j]) {
					tries++;
					agree = name_context(r, an, i, an, j,
							     0) == 3;
				}
			/* the rarer form is the odd one; on a tie, the
			 * later one */
			if (count[a] != count[b])
				minor = count[a] < count[b] ? a : b;
			else
				minor = head[a] > head[b] ? a : b;
			major = minor == a ? b : a;
			namesim_near_miss(name_index_key(aix, minor),
					name_index_key(aix, major), &dist,
					&score);
			/* or frequency: one edit from a long name the
			 * article uses at least three times as often */
			if (!agree && dist == 1 && count[major] >= 2 &&
			    count[major] >= 2 * count[minor] &&
			    strlen(name_index_key(aix, major)) >= 6)
				agree = 1;
			if (!agree)
				continue;
			for (uint32_t i = head[minor]; i != UINT32_MAX;
			     i = next[i]) {
				const struct name_word *w = &an->words[i];
				const struct name_word *m = &an->words[head[major]];
				struct diag *d;

				d = diag_add(r->ctx->diags, ri->id,
					     ri->category, ri->severity,
					     w->span,
					     "'%.*s' is spelled '%.*s' "
					     "elsewhere in this article",
					     (int)(w->span.end - w->span.start),
					     r->doc->text + w->span.start,
					     (int)(m->span.end - m->span.start),
					     r->doc->text + m->span.start);
				diag_suggestn(r->ctx->diags, d,
					      r->doc->text + m->span.start,
					      m->span.end - m->span.start);
				reference_evidence(r, d, r->doc,
					     an->entities[m->entity].span,
					     m->sentence, score);
			}
			done[a] = done[b] = 1;
			break;
		}
	}
	free(head);
	free(next);
	free(count);
	free(done);
	name_index_free(aix);
	name_index_free(rix);
}

/* --- the pass ----------------------------------------------------------- */

static int overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end;
}

void reference_drop_superseded(struct diag_list *l, size_t first)
{
	size_t o = 0;

	for (size_t i = 0; i < l->n; i++) {
		int drop = 0;

		if (i < first && strncmp(l->v[i].rule, "spelling.", 9) == 0)
			for (size_t k = first; k < l->n && !drop; k++)
				if ((strcmp(l->v[k].rule,
					    reference_rules[R_NAME].id) == 0 ||
				     strcmp(l->v[k].rule,
					    reference_rules[R_INCONSISTENT].id) ==
					     0) &&
				    overlaps(l->v[i].span, l->v[k].span))
					drop = 1;
		if (!drop)
			l->v[o++] = l->v[i];
	}
	l->n = o;
}

/*
 * Word choice, omission, addition and the suggestions from the reference
 * (wording.h).  Hunspell's stemmer and WordNet are opened on the first
 * document with a reference: checking without one never pays for them.
 */
static enum mt_err check_wording(struct reference_state *st, struct run *r,
				 size_t first, struct mt_error *err)
{
	struct wa_lex lx;
	struct wording w = { 0 };
	enum mt_err rc;

	if (!st->sp) {
		rc = speller_open(st->lang, st->dict_path, &st->sp, err);
		if (rc != MT_ERR_OK)
			return rc;
	}
	if (!st->wn) {
		rc = wordnet_open(NULL, &st->wn, err);
		if (rc != MT_ERR_OK)
			return rc;
	}
	wordalign_init(&lx, st->sp, st->wn, st->nn, r->a);
	w.ctx = r->ctx;
	w.lx = &lx;
	w.al = r->al;
	w.kind = r->kind;
	w.first = first;
	w.choice = reference_enabled(r, R_CHOICE) ? &reference_rules[R_CHOICE] : NULL;
	w.omission = reference_enabled(r, R_OMISSION) ? &reference_rules[R_OMISSION]
					    : NULL;
	w.addition = reference_enabled(r, R_ADDITION) ? &reference_rules[R_ADDITION]
					    : NULL;
	wording_check(&w);
	wordalign_release(&lx);
	return MT_ERR_OK;
}

static enum mt_err reference_open(struct checker *c,
				  const struct checker_options *opts,
				  void **state, struct mt_error *err)
{
	struct reference_state *st = xcalloc(1, sizeof(*st));
	enum mt_err rc;

	(void)c;
	st->lang = opts->lang ? xstrdup(opts->lang) : NULL;
	st->dict_path = opts->dict_path ? xstrdup(opts->dict_path) : NULL;
	st->kind = opts->reference_kind;
	rc = names_normaliser_open(&st->nn, err);
	if (rc != MT_ERR_OK) {
		free(st->lang);
		free(st->dict_path);
		free(st);
		return rc;
	}
	*state = st;
	return MT_ERR_OK;
}

static void reference_close(void *state)
{
	struct reference_state *st = state;

	if (!st)
		return;
	names_normaliser_close(st->nn);
	speller_close(st->sp);
	wordnet_close(st->wn);
	free(st->lang);
	free(st->dict_path);
	free(st);
}

static enum mt_err reference_run(void *state, struct check_ctx *ctx,
				 struct mt_error *err)
{
	struct reference_state *st = state;
	struct run r = { 0 };
	size_t first = ctx->diags->n;
	int want_name, want_num, want_date, want_inc;

	(void)err;
	r.ctx = ctx;
	r.doc = ctx->doc;
	r.ref = ctx->ref;
	r.a = &ctx->doc->arena;
	want_name = r.ref && reference_enabled(&r, R_NAME);
	want_num = r.ref && reference_enabled(&r, R_NUMBER);
	want_date = r.ref && reference_enabled(&r, R_DATE);
	want_inc = reference_enabled(&r, R_INCONSISTENT);
	if (!r.ref && !want_inc)
		return MT_ERR_OK;
	if (r.ref)
		names_extract(st->nn, r.ref, NULL, r.a, &r.rn);
	if (want_name || want_inc)
		names_extract(st->nn, r.doc, r.ref ? &r.rn : NULL, r.a, &r.an);
	if (r.ref) {
		struct align_summary sum;

		r.al = align_sentences(r.doc, r.ref, r.a);
		align_summarise(r.al, r.doc->n_sentences, &sum);
		r.kind = st->kind ? (enum align_kind)st->kind : sum.kind;
		ctx->diags->summary.reference_kind = align_kind_name(r.kind);
		ctx->diags->summary.aligned = sum.aligned;
		ctx->diags->summary.of = sum.of;
	}
	if (want_name)
		reference_check_names(&r);
	if (want_num || want_date)
		reference_check_numbers(&r, want_num, want_date);
	if (want_inc)
		reference_check_inconsistent(&r);
	if (r.ref) {
		enum mt_err rc = check_wording(st, &r, first, err);

		if (rc != MT_ERR_OK)
			return rc;
	}
	reference_drop_superseded(ctx->diags, first);
	return MT_ERR_OK;
}

static size_t reference_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = reference_rules;
	return ARRAY_SIZE(reference_rules);
}

const struct check_pass reference_pass = {
	.name = "reference",
	.open = reference_open,
	.run = reference_run,
	.close = reference_close,
	.rules = reference_rule_list,
};
