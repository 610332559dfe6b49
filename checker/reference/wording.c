/*
 * wording: word choice, omission, addition and reference-aware suggestions
 * (see wording.h).
 *
 * The pass walks the article's sentences once, in groups that share a
 * counterpart; each group's words and its counterpart's are aligned once
 * (wordalign.h) and every finding of the group is read off that alignment.
 * Earlier passes' spelling findings are bucketed by sentence first, so the
 * walk visits each of them once.
 */
#include "reference/wording.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "spelling/rank.h"
#include "text/segment.h"
#include "util/xalloc.h"

void wording_evidence(struct diag_list *l, struct diag *d,
		      const struct document *src, struct span sp,
		      uint32_t sentence, double score)
{
	struct evidence ev = { 0 };
	struct doc_pos p0 = document_position(src, sp.start, 0);
	struct doc_pos p1 = document_position(src, sp.end, 1);

	ev.path = src->path;
	ev.line = p0.line;
	ev.column = p0.column;
	ev.end_line = p1.line;
	ev.end_column = p1.column;
	ev.offset = p0.offset;
	ev.length = p1.offset - p0.offset;
	ev.text = arena_strndup(l->arena, src->text + sp.start,
				sp.end - sp.start);
	if (sentence < src->n_sentences) {
		struct span ss = src->sentences[sentence].span;

		ev.context = arena_strndup(l->arena, src->text + ss.start,
					   ss.end - ss.start);
	}
	ev.score = score;
	diag_set_evidence(l, d, &ev);
}

/* One group: article sentences [a0, a1), reference sentences [r0, r1). */
struct group {
	uint32_t a0, a1, r0, r1;
	struct wa_side art, ref;
	int own_ref; /* no other group has the same best counterpart */
};

static const char *text_of(const struct document *d, struct span sp)
{
	return d->text + sp.start;
}

#define LEN(sp) ((int)((sp).end - (sp).start))

static void evidence_at(struct wording *w, struct diag *d, struct span sp)
{
	const struct document *ref = w->ctx->ref;

	wording_evidence(w->ctx->diags, d, ref, sp,
			 document_sentence_at(ref, sp.start), w->pair_score);
}

static int is_unknown_name(const struct document *d, const struct wa_word *x)
{
	return (x->name && !x->form->known) ||
	       (d->tokens[x->token].flags & (TOKF_ABBREV | TOKF_ALLCAPS));
}

/* The reference's word, with the article word's capital when the article
 * word opens its sentence. */
static const char *as_written(struct wording *w, const struct wa_word *x,
			      const struct wa_word *y)
{
	const char *s = text_of(w->ctx->ref, y->span);
	char *o = arena_strndup(w->ctx->diags->arena, s, (size_t)LEN(y->span));

	if (x->initial && o[0] >= 'a' && o[0] <= 'z' &&
	    (w->ctx->doc->tokens[x->token].flags & TOKF_CAP))
		o[0] = (char)(o[0] - 32);
	return o;
}

static int is_spelling(const struct diag *d)
{
	return strncmp(d->rule, "spelling.", 9) == 0;
}

/* Did an earlier pass's spelling rule flag exactly this span? */
static int spelling_flagged(const struct wording *w, struct span sp)
{
	uint32_t s = document_sentence_at(w->ctx->doc, sp.start);

	if (s == UINT32_MAX)
		return 0;
	for (uint32_t k = w->sp_head[s]; k != UINT32_MAX; k = w->sp_next[k])
		if (w->ctx->diags->v[k].span.start == sp.start &&
		    w->ctx->diags->v[k].span.end == sp.end &&
		    is_spelling(&w->ctx->diags->v[k]))
			return 1;
	return 0;
}

/* Report article word x where the reference has y. */
static void word_choice(struct wording *w, const struct wa_word *x,
			const struct wa_word *y, int look)
{
	const struct document *doc = w->ctx->doc, *ref = w->ctx->ref;
	struct diag *d;

	if (x->form->pos && y->form->pos && !(x->form->pos & y->form->pos) &&
	    !look)
		return;
	if (!x->form->known && !y->form->known)
		return;
	if (spelling_flagged(w, x->span))
		return;
	d = diag_add(w->ctx->diags, w->choice->id, w->choice->category,
		     w->choice->severity, x->span,
		     look ? "'%.*s' looks like a slip for the reference's "
			    "'%.*s'"
			  : "'%.*s' where the reference has '%.*s'",
		     LEN(x->span), text_of(doc, x->span), LEN(y->span),
		     text_of(ref, y->span));
	if (look)
		diag_suggest(w->ctx->diags, d, as_written(w, x, y));
	evidence_at(w, d, y->span);
}

static int lookalike_words(const struct wording *w, const struct wa_word *x,
			   const struct wa_word *y)
{
	return wordalign_lookalike(text_of(w->ctx->doc, x->span),
				   (size_t)LEN(x->span),
				   text_of(w->ctx->ref, y->span),
				   (size_t)LEN(y->span));
}

#define MAX_SUBST 3

/*
 * The substitutions of one gap: article words [af, at) facing reference
 * words [rf, rt).  Names are left to the name rules; of the other words,
 * as many on each side (up to MAX_SUBST) pair in order; otherwise only
 * lookalikes pair.
 */
static void substitutions(struct wording *w, struct group *g, uint32_t af,
			  uint32_t at, uint32_t rf, uint32_t rt)
{
	const struct wa_word *xa[MAX_SUBST + 1], *ya[MAX_SUBST + 1];
	uint32_t nx = 0, ny = 0;

	/* an anchor on at least one side: not a pair of one-word gaps */
	if (af == 0 && at == g->art.n)
		return;
	for (uint32_t i = af; i < at; i++)
		if (!is_unknown_name(w->ctx->doc, &g->art.w[i]) &&
		    !g->art.w[i].name && nx <= MAX_SUBST)
			xa[nx++] = &g->art.w[i];
	for (uint32_t j = rf; j < rt; j++)
		if (!is_unknown_name(w->ctx->ref, &g->ref.w[j]) &&
		    !g->ref.w[j].name && ny <= MAX_SUBST)
			ya[ny++] = &g->ref.w[j];
	if (nx == ny && nx <= MAX_SUBST) {
		for (uint32_t k = 0; k < nx; k++)
			word_choice(w, xa[k], ya[k],
				    lookalike_words(w, xa[k], ya[k]));
		return;
	}
	for (uint32_t k = 0; k < nx; k++)
		for (uint32_t m = 0; m < ny; m++)
			if (lookalike_words(w, xa[k], ya[m])) {
				word_choice(w, xa[k], ya[m], 1);
				break;
			}
}

/* Article words [i0, i1) of a gap that faces no reference word. */
static void addition(struct wording *w, struct group *g, uint32_t i0,
		     uint32_t i1)
{
	const struct document *doc = w->ctx->doc;
	struct span sp = { g->art.w[i0].span.start, g->art.w[i1 - 1].span.end };
	uint32_t rs = g->r0;
	struct diag *d;

	for (uint32_t i = i0; i < i1; i++)
		if (is_unknown_name(doc, &g->art.w[i]))
			return;
	if (sp.end - sp.start > 80)
		return;
	d = diag_add(w->ctx->diags, w->addition->id, w->addition->category,
		     w->addition->severity, sp,
		     "'%.*s' has no counterpart in the reference sentence",
		     LEN(sp), text_of(doc, sp));
	wording_evidence(w->ctx->diags, d, w->ctx->ref,
			 w->ctx->ref->sentences[rs].span, rs, w->pair_score);
}

/* Reference words [j0, j1) facing no article word between article
 * anchors `before` and `after` (WA_NONE at a sentence edge). */
static void omission(struct wording *w, struct group *g, uint32_t j0,
		     uint32_t j1, uint32_t before, uint32_t after)
{
	const struct document *doc = w->ctx->doc, *ref = w->ctx->ref;
	struct span rsp = { g->ref.w[j0].span.start, g->ref.w[j1 - 1].span.end };
	uint32_t at = before != WA_NONE ? before : after;
	struct span asp;
	struct diag *d;

	if (at == WA_NONE || rsp.end - rsp.start > 80)
		return;
	for (uint32_t j = j0; j < j1; j++)
		if (is_unknown_name(ref, &g->ref.w[j]))
			return;
	asp = g->art.w[at].span;
	d = diag_add(w->ctx->diags, w->omission->id, w->omission->category,
		     w->omission->severity, asp,
		     before != WA_NONE
			     ? "the reference has '%.*s' after '%.*s'; this "
			       "sentence does not"
			     : "the reference has '%.*s' before '%.*s'; this "
			       "sentence does not",
		     LEN(rsp), text_of(ref, rsp), LEN(asp), text_of(doc, asp));
	evidence_at(w, d, rsp);
}

static void gaps(struct wording *w, struct group *g)
{
	struct wa_side *A = &g->art, *R = &g->ref;

	for (uint32_t i = 0; i < A->n; i++) {
		uint32_t af, at, rf, rt;

		/* once per gap, at its first word */
		if (A->w[i].match != WA_NONE ||
		    (i > 0 && A->w[i - 1].match == WA_NONE) ||
		    !wordalign_gap(A, R, i, &af, &at, &rf, &rt))
			continue;
		if (w->choice && rf < rt)
			substitutions(w, g, af, at, rf, rt);
		if (w->addition && w->kind == ALIGN_KIND_PARALLEL &&
		    rf == rt && A->n >= 3)
			addition(w, g, af, at);
	}
	if (!w->omission || w->kind != ALIGN_KIND_PARALLEL || !g->own_ref)
		return;
	for (uint32_t j = 0; j < R->n; j++) {
		uint32_t j1 = j, before, after, ok = 1;

		if (R->w[j].match != WA_NONE)
			continue;
		while (j1 < R->n && R->w[j1].match == WA_NONE)
			j1++;
		before = j > 0 ? R->w[j - 1].match : WA_NONE;
		after = j1 < R->n ? R->w[j1].match : WA_NONE;
		/* the anchors keep their order and face nothing unmatched */
		if (before != WA_NONE && after != WA_NONE)
			ok = after == before + 1;
		else if (before != WA_NONE)
			ok = before + 1 == A->n;
		else if (after != WA_NONE)
			ok = after == 0;
		else
			ok = 0;
		if (ok && R->n >= 3)
			omission(w, g, j, j1, before, after);
		j = j1;
	}
}

/* --- suggestions for earlier findings ------------------------------------ */

/* Is y's form close enough to the article's word s[0..n) to be what was
 * meant: the same first letter and a weighted edit distance of at most
 * half the longer word?  *dist gets the distance. */
static int close_enough(const struct wording *w, const char *s, size_t n,
			const struct wa_word *y, double *dist)
{
	const char *t = text_of(w->ctx->ref, y->span);
	size_t m = (size_t)LEN(y->span);

	if ((s[0] | 0x20) != (t[0] | 0x20) || (m == n && !strncasecmp(s, t, n)))
		return 0;
	*dist = rank_distance(s, n, t, m);
	return 2 * *dist <= (double)(m > n ? m : n);
}

/*
 * The reference form to suggest for the article's word at sp, in sentence
 * s: the closest form (close_enough()) among the words of the reference
 * sentences aligned with s or its neighbours (a sentence translated as two
 * puts the word one sentence off), or NULL.
 */
static const struct wa_word *close_form(struct wording *w, uint32_t s,
					struct span sp)
{
	const char *t = text_of(w->ctx->doc, sp);
	size_t n = sp.end - sp.start;
	const struct wa_word *best = NULL;
	double best_d = 1e9;

	for (uint32_t k = s ? s - 1 : 0; k <= s + 1 && k < w->ctx->doc->n_sentences;
	     k++) {
		const struct align_match *m = &w->al[k];
		uint32_t rs[2] = { m->ref, m->second };
		float sc[2] = { m->score, m->second_score };

		for (int q = 0; q < 2; q++) {
			struct wa_side side;

			if (rs[q] == ALIGN_NONE || sc[q] < ALIGN_MIN_SCORE)
				continue;
			wordalign_side(w->lx, w->ctx->ref, rs[q], 1, &side);
			for (uint32_t j = 0; j < side.n; j++) {
				double d;

				if (close_enough(w, t, n, &side.w[j], &d) &&
				    (d < best_d ||
				     (d == best_d && k == s && q == 0))) {
					best_d = d;
					best = &side.w[j];
				}
			}
		}
	}
	return best;
}

/* Does a suggestion already name the reference's word, or another form
 * of it ("governments" / "government")?  Its index, or -1. */
static int suggested_form(struct wording *w, const struct diag *d,
			  const struct wa_word *y)
{
	for (uint32_t i = 0; i < d->n_suggestions; i++) {
		const char *sg = d->suggestions[i];
		const struct wa_form *f;

		if (strlen(sg) == (size_t)LEN(y->span) &&
		    !strncasecmp(sg, text_of(w->ctx->ref, y->span), strlen(sg)))
			return (int)i;
		f = wordalign_form(w->lx, sg, strlen(sg));
		for (uint8_t a = 0; a < f->n_stems; a++)
			for (uint8_t b = 0; b < y->form->n_stems; b++)
				if (!strcmp(f->stems[a], y->form->stems[b]))
					return (int)i;
	}
	return -1;
}

static void suggest_from_reference(struct wording *w, uint32_t s,
				   struct diag *d)
{
	struct diag_list *l = w->ctx->diags;
	const struct wa_word *y = close_form(w, s, d->span);
	const char *form;
	char *o;
	int k;

	if (!y)
		return;
	k = suggested_form(w, d, y);
	if (k > 0) {
		/* the speller had it: move it up */
		form = d->suggestions[k];
		diag_suggest_first(l, d, form, strlen(form));
	} else if (k < 0) {
		o = arena_strndup(l->arena, text_of(w->ctx->ref, y->span),
				  (size_t)LEN(y->span));
		/* the article's capital at a sentence start */
		if (w->ctx->doc->text[d->span.start] >= 'A' &&
		    w->ctx->doc->text[d->span.start] <= 'Z' && o[0] >= 'a' &&
		    o[0] <= 'z' &&
		    w->ctx->doc->sentences[s].span.start == d->span.start)
			o[0] = (char)(o[0] - 32);
		diag_suggest_first(l, d, o, strlen(o));
	}
	d->message = arena_printf(l->arena, "%s; the reference has '%.*s'",
				  d->message, LEN(y->span),
				  text_of(w->ctx->ref, y->span));
	if (!d->evidence)
		evidence_at(w, d, y->span);
}

/* Where `needle` occurs in hay[0..n) as whole words, ignoring ASCII case;
 * -1 when it does not. */
static long find_words(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; k && i + k <= n; i++) {
		unsigned char before = i ? (unsigned char)hay[i - 1] : ' ';
		unsigned char after = i + k < n ? (unsigned char)hay[i + k] : ' ';

		if ((isalnum(before) || before >= 0x80) ||
		    (isalnum(after) || after >= 0x80))
			continue;
		if (!strncasecmp(hay + i, needle, k))
			return (long)i;
	}
	return -1;
}

/*
 * Another pass's finding with several fixes ("allegations of
 * intervention", "allegations about intervention"): the one the aligned
 * reference sentence words the same way goes first, with that place as
 * evidence.
 */
static void prefer_reference_wording(struct wording *w, uint32_t s,
				     struct diag *d)
{
	const struct align_match *m = &w->al[s];
	const struct document *ref = w->ctx->ref;
	uint32_t rs[2] = { m->ref, m->second };
	float sc[2] = { m->score, m->second_score };

	for (uint32_t i = 0; i < d->n_suggestions; i++)
		for (int q = 0; q < 2; q++) {
			struct span sp;
			long at;

			if (rs[q] == ALIGN_NONE || sc[q] < ALIGN_MIN_SCORE)
				continue;
			sp = ref->sentences[rs[q]].span;
			at = find_words(ref->text + sp.start, sp.end - sp.start,
					d->suggestions[i]);
			if (at < 0)
				continue;
			if (i == 0)
				return; /* already first */
			diag_suggest_first(w->ctx->diags, d, d->suggestions[i],
					   strlen(d->suggestions[i]));
			if (!d->evidence)
				wording_evidence(
					w->ctx->diags, d, ref,
					(struct span){
						sp.start + (uint32_t)at,
						sp.start + (uint32_t)at +
							(uint32_t)strlen(
								d->suggestions[0]) },
					rs[q], -1);
			return;
		}
}

/* --- the walk --------------------------------------------------------- */

static float threshold(const struct wording *w)
{
	return w->kind == ALIGN_KIND_PARALLEL ? ALIGN_MIN_SCORE
					      : ALIGN_STRONG_SCORE;
}

static int has_pair(const struct wording *w, uint32_t s)
{
	return w->al[s].ref != ALIGN_NONE && w->al[s].score >= threshold(w);
}

void wording_check(struct wording *w)
{
	const struct document *doc = w->ctx->doc;
	struct diag_list *l = w->ctx->diags;
	uint32_t n = doc->n_sentences, n_ref = w->ctx->ref->n_sentences;
	uint32_t *head, *next, *uses;

	/* earlier spelling findings by sentence */
	head = xmalloc((n + 1) * sizeof(*head));
	next = xmalloc((w->first + 1) * sizeof(*next));
	uses = xcalloc((size_t)n_ref + 1, sizeof(*uses));
	for (uint32_t s = 0; s < n; s++)
		head[s] = UINT32_MAX;
	for (size_t k = w->first; k-- > 0;) {
		uint32_t s;

		next[k] = UINT32_MAX;
		s = document_sentence_at(doc, l->v[k].span.start);
		if (s == UINT32_MAX)
			continue;
		next[k] = head[s];
		head[s] = (uint32_t)k;
	}
	w->sp_head = head;
	w->sp_next = next;
	for (uint32_t s = 0; s < n; s++)
		if (has_pair(w, s) && (s == 0 || !has_pair(w, s - 1) ||
				       w->al[s - 1].ref != w->al[s].ref))
			uses[w->al[s].ref]++;
	for (uint32_t s = 0; s < n;) {
		const struct align_match *m = &w->al[s];
		struct group g = { s, s + 1, m->ref, m->ref + 1, { 0 }, { 0 },
				   0 };

		if (!has_pair(w, s)) {
			s++;
			continue;
		}
		while (g.a1 < n && has_pair(w, g.a1) &&
		       w->al[g.a1].ref == m->ref)
			g.a1++;
		if (g.a1 == s + 1 && m->second != ALIGN_NONE &&
		    m->second_score >= threshold(w) &&
		    (m->second == m->ref + 1 || m->second + 1 == m->ref)) {
			g.r0 = m->ref < m->second ? m->ref : m->second;
			g.r1 = g.r0 + 2;
		}
		g.own_ref = uses[m->ref] == 1 && g.r1 - g.r0 == 1;
		wordalign_side(w->lx, doc, g.a0, g.a1 - g.a0, &g.art);
		wordalign_side(w->lx, w->ctx->ref, g.r0, g.r1 - g.r0, &g.ref);
		wordalign_pair(w->lx, &g.art, &g.ref);
		/* two decimals: what the reports show */
		w->pair_score = (double)lroundf(m->score * 100) / 100;
		gaps(w, &g);
		s = g.a1;
	}
	w->pair_score = -1;
	for (uint32_t a = 0; a < n; a++)
		for (uint32_t k = head[a]; k != UINT32_MAX; k = next[k]) {
			if (is_spelling(&l->v[k]))
				suggest_from_reference(w, a, &l->v[k]);
			else if (l->v[k].n_suggestions > 1)
				prefer_reference_wording(w, a, &l->v[k]);
		}
	free(head);
	free(next);
	free(uses);
}
