/*
 * quoted: the quoted speech of a document's paragraphs (see quoted.h).
 */
#include "engine/quoted.h"

#include <stdlib.h>
#include <string.h>

#include "grammar/quotes.h"
#include "text/segment.h"
#include "util/xalloc.h"

void quoted_reset(struct quoted *q, const struct document *doc)
{
	size_t np = doc ? doc->n_paragraphs : 0;

	q->doc = doc;
	q->n = 0;
	if (np > q->alloc_paragraphs) {
		free(q->first);
		free(q->count);
		q->first = xmalloc(np * sizeof(*q->first));
		q->count = xmalloc(np * sizeof(*q->count));
		q->alloc_paragraphs = np;
	}
	if (np)
		memset(q->first, 0xff, np * sizeof(*q->first));
}

static void add(struct quoted *q, uint32_t start, uint32_t end)
{
	if (start >= end)
		return; /* "" quotes nothing */
	q->v = xgrow(q->v, &q->alloc, q->n + 1, sizeof(*q->v));
	q->v[q->n++] = (struct span){ start, end };
}

/* Find the regions of paragraph p, appending them to q->v. */
static void find(struct quoted *q, uint32_t p)
{
	const struct document *doc = q->doc;
	const struct paragraph *pg = &doc->paragraphs[p];
	const struct sentence *last;
	const struct token *t;
	struct quote_region *r;
	uint32_t first, n;
	uint8_t *drop;
	size_t nr;

	q->first[p] = (uint32_t)q->n;
	q->count[p] = 0;
	if (pg->n_sentences == 0)
		return;
	first = doc->sentences[pg->first_sentence].first_token;
	last = &doc->sentences[pg->first_sentence + pg->n_sentences - 1];
	n = last->first_token + last->n_tokens - first;
	t = doc->tokens + first;
	if (n && quote_is_dash(doc, &t[0])) {
		/* dialogue: "— It don't matter," throughout */
		add(q, pg->span.start, pg->span.end);
	} else if (n) {
		drop = xcalloc(n, 1);
		r = xmalloc(((size_t)n + 1) * sizeof(*r));
		nr = quote_find(doc, t, 0, n, drop, r, (size_t)n + 1);
		/* from the end of the opening mark (or the paragraph's
		 * start) to the start of the closing one (or its end) */
		for (size_t k = 0; k < nr; k++)
			add(q,
			    r[k].from > 0 ? t[r[k].from - 1].span.end
					  : pg->span.start,
			    r[k].to < n ? t[r[k].to].span.start : pg->span.end);
		free(r);
		free(drop);
	}
	q->count[p] = (uint32_t)(q->n - q->first[p]);
}

int quoted_in(struct quoted *q, uint32_t paragraph, uint32_t offset)
{
	if (!q->doc || paragraph >= q->doc->n_paragraphs)
		return 0;
	if (q->first[paragraph] == UINT32_MAX)
		find(q, paragraph);
	for (uint32_t k = 0; k < q->count[paragraph]; k++) {
		const struct span *s = &q->v[q->first[paragraph] + k];

		if (offset < s->start)
			return 0; /* sorted */
		if (offset < s->end)
			return 1;
	}
	return 0;
}

int quoted_at(struct quoted *q, uint32_t offset)
{
	const struct document *doc = q->doc;
	uint32_t lo = 0, hi;

	if (!doc || !doc->n_paragraphs)
		return 0;
	/* the last paragraph starting at or before offset */
	hi = doc->n_paragraphs;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->paragraphs[mid].span.start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	if (offset < doc->paragraphs[lo].span.start ||
	    offset >= doc->paragraphs[lo].span.end)
		return 0;
	return quoted_in(q, lo, offset);
}

void quoted_release(struct quoted *q)
{
	free(q->first);
	free(q->count);
	free(q->v);
	memset(q, 0, sizeof(*q));
}
