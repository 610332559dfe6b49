/*
 * quantities: numbers and dates of the article against the reference's
 * (rules reference.number-mismatch and reference.date-mismatch; see
 * reference.h).  Quantities come from numbers.h; the reference's are
 * indexed by key (noun or dimension), so each article quantity visits only
 * the reference quantities of its key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/numbers.h"
#include "reference/run.h"
#include "text/segment.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/* Content-word stems of sentence s of document `which` (0 article, 1
 * reference), computed once. */
static const char *const *sentence_stems(struct run *r, int which,
					 uint32_t s, uint32_t *n)
{
	const struct document *d = which ? r->ref : r->doc;

	if (!r->stems[which]) {
		r->stems[which] = arena_zalloc(r->a, (d->n_sentences + 1) *
							     sizeof(**r->stems));
		r->n_stems[which] = arena_zalloc(
			r->a, (d->n_sentences + 1) * sizeof(**r->n_stems));
	}
	if (!r->stems[which][s]) {
		const struct sentence *se = &d->sentences[s];
		const char **v = arena_alloc(r->a, (se->n_tokens + 1) *
							   sizeof(*v));
		uint32_t k = 0;

		for (uint32_t i = 0; i < se->n_tokens; i++) {
			const struct token *t = &d->tokens[se->first_token + i];
			const char *st;

			if (t->kind != TOK_WORD)
				continue;
			st = names_context_stem(d->text + t->span.start,
						token_len(t), r->a);
			if (st)
				v[k++] = st;
		}
		r->stems[which][s] = v;
		r->n_stems[which][s] = k;
	}
	*n = r->n_stems[which][s];
	return r->stems[which][s];
}

/* Index of quantity i among those of its kind in its sentence. */
static int ordinal(const struct quantity *q, size_t i)
{
	int n = 0;

	for (size_t k = i; k-- > 0 && q[k].sentence == q[i].sentence;)
		n += q[k].kind == q[i].kind;
	return n;
}

/*
 * Which disagreeing reference quantity k did article quantity i mean?  In
 * "from April 2001 until April 2003" against "from April 2001 until April
 * 2002", one that the other article quantities of the sentence do not
 * account for (-1 otherwise): fewer of them agree with it than the
 * reference's sentence has quantities of that value ("13 places ... 13
 * places" against "15 places ... 13 places" leaves one 13 unaccounted
 * for); preferably in the best-aligned sentence and at the same place
 * among its sentence's quantities.
 */
static int candidate_score(const struct run *r, const struct quantity *qa,
			   size_t na, size_t i, const struct quantity *qr,
			   size_t nr, size_t k)
{
	int sc = 0, taken = 0, same = 0;

	if (r->al && r->al[qa[i].sentence].ref == qr[k].sentence)
		sc += 4;
	/* quantities are in text order: the sentence's are around i */
	for (size_t j = i; j-- > 0 && qa[j].sentence == qa[i].sentence;)
		taken += numbers_agree(&qa[j], &qr[k]);
	for (size_t j = i + 1; j < na && qa[j].sentence == qa[i].sentence; j++)
		taken += numbers_agree(&qa[j], &qr[k]);
	for (size_t j = k; j-- > 0 && qr[j].sentence == qr[k].sentence;)
		same += numbers_agree(&qr[j], &qr[k]);
	for (size_t j = k; j < nr && qr[j].sentence == qr[k].sentence; j++)
		same += numbers_agree(&qr[j], &qr[k]);
	/* "35 diplomats were expelled and 2 stayed" against "35 diplomats
	 * were expelled": the article says more, it does not disagree */
	if (taken >= same)
		return -1;
	if (ordinal(qa, i) == ordinal(qr, k))
		sc += 1;
	return sc;
}

/*
 * With no disagreeing value in the aligned sentences: the first reference
 * quantity of q's kind (qa[i]; the list of its key starts at k) in a
 * sentence sharing at least three content words with q's, or UINT32_MAX.
 * A parallel reference says the same thing in the aligned sentence: when
 * the sentence has a counterpart, a sentence elsewhere that shares some
 * words ("species", "degrees") is another statement (only a sentence the
 * alignment missed looks further).
 */
static uint32_t shared_words_counterpart(struct run *r,
					 const struct quantity *qa, size_t na,
					 size_t i, const struct quantity *qr,
					 size_t nr, uint32_t k,
					 const uint32_t *next)
{
	const struct quantity *q = &qa[i];
	int confined = r->kind == ALIGN_KIND_PARALLEL && r->al &&
		       r->al[q->sentence].ref != ALIGN_NONE &&
		       r->al[q->sentence].score >= ALIGN_MIN_SCORE;
	char skip[6];

	snprintf(skip, sizeof(skip), "%s", q->key);
	for (; k != UINT32_MAX; k = next[k]) {
		uint32_t n_as, n_rs;
		const char *const *as =
			sentence_stems(r, 0, q->sentence, &n_as);
		const char *const *rs =
			sentence_stems(r, 1, qr[k].sentence, &n_rs);

		if (qr[k].kind != q->kind ||
		    (confined &&
		     (!reference_aligned(r, q->sentence, qr[k].sentence) ||
		      candidate_score(r, qa, na, i, qr, nr, k) < 0)))
			continue;
		if (reference_shared_stems(as, n_as, rs, n_rs, skip) >= 3)
			return k;
	}
	return UINT32_MAX;
}

/* The finding: q disagrees with rq; the fix is rq's value written as q
 * was, or for a date rq's text. */
static void report_mismatch(struct run *r, const struct quantity *q,
			    const struct quantity *rq, int is_date)
{
	const struct rule_info *ri =
		&reference_rules[is_date ? R_DATE : R_NUMBER];
	char *fix = numbers_format_as(q, rq, r->a);
	struct span sp = fix ? q->number : q->span;
	struct diag *d = diag_add(
		r->ctx->diags, ri->id, ri->category, ri->severity, sp,
		"'%.*s' disagrees with the reference, which says '%.*s'",
		(int)(q->span.end - q->span.start),
		r->doc->text + q->span.start,
		(int)(rq->span.end - rq->span.start),
		r->ref->text + rq->span.start);

	if (fix)
		diag_suggest(r->ctx->diags, d, fix);
	else if (is_date)
		diag_suggestn(r->ctx->diags, d, r->ref->text + rq->span.start,
			      rq->span.end - rq->span.start);
	reference_evidence(r, d, r->ref, rq->span, rq->sentence, -1);
}

void reference_check_numbers(struct run *r, int want_num, int want_date)
{
	struct quantity *qa, *qr;
	size_t na = numbers_extract(r->doc, r->a, &qa);
	size_t nr = numbers_extract(r->ref, r->a, &qr);
	struct strtab keys = STRTAB_INIT; /* reference keys */
	uint32_t *head, *next;

	if (!na || !nr)
		return;
	head = xmalloc(nr * sizeof(*head));
	next = xmalloc(nr * sizeof(*next));
	for (size_t i = 0; i < nr; i++)
		head[i] = UINT32_MAX;
	for (size_t i = nr; i-- > 0;) {
		uint32_t id = strtab_intern(&keys, qr[i].key,
					    strlen(qr[i].key), NULL);

		next[i] = head[id];
		head[id] = (uint32_t)i;
	}
	for (size_t i = 0; i < na; i++) {
		const struct quantity *q = &qa[i];
		int is_date = q->kind == QTY_DATE || q->kind == QTY_RELDATE ||
			      q->kind == QTY_YEAR;
		uint32_t id = strtab_find(&keys, q->key, strlen(q->key));
		/* years and dates agree across keys ("1995", "March 1995") */
		const char *alt = q->kind == QTY_YEAR	? "date"
				  : q->kind == QTY_DATE ? "year"
							: NULL;
		uint32_t alt_id = alt ? strtab_find(&keys, alt, strlen(alt))
				      : STRTAB_NONE;
		uint32_t best = UINT32_MAX;
		int agree_al = 0, agree = 0, best_s = 0, best_sc = 0;

		if (id == STRTAB_NONE || (is_date ? !want_date : !want_num))
			continue;
		/*
		 * First the reference sentences aligned with this one: if one
		 * of them agrees, fine; if they only disagree, that is the
		 * finding, even when the value occurs elsewhere in the
		 * reference (a history has many "April 2003"s).
		 */
		for (int pass = 0; pass < 2; pass++) {
			uint32_t h = pass ? (alt_id == STRTAB_NONE
						     ? UINT32_MAX
						     : head[alt_id])
					  : head[id];

			for (uint32_t k = h; k != UINT32_MAX; k = next[k]) {
				int al = reference_aligned(r, q->sentence,
						 qr[k].sentence);

				if (numbers_agree(q, &qr[k])) {
					agree = 1;
					agree_al |= al;
				} else if (al && pass == 0 &&
					   qr[k].kind == q->kind) {
					int sc = candidate_score(r, qa, na, i, qr,
								 nr, k);

					if (sc >= 0 &&
					    (best_s < 2 || sc > best_sc)) {
						best = k;
						best_s = 2;
						best_sc = sc;
					}
				}
			}
		}
		if (agree_al)
			continue;
		/* otherwise, anywhere agreeing is enough; years and relative
		 * dates are compared in aligned sentences only */
		if (best_s < 2 && (agree || q->kind == QTY_YEAR ||
				   q->kind == QTY_RELDATE))
			continue;
		/* else a sentence that shares words with this one */
		if (best_s < 2)
			best = shared_words_counterpart(r, qa, na, i, qr, nr,
							head[id], next);
		if (best != UINT32_MAX)
			report_mismatch(r, q, &qr[best], is_date);
	}
	free(head);
	free(next);
	strtab_release(&keys);
}

