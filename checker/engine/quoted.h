/*
 * quoted: where a document's paragraphs hold quoted speech, for the rules
 * that keep quiet there (`outside-quotes: true`, rules/README.md): a
 * dialect or a slip in dialogue is the speaker's ("He don't care," she
 * said), while the same words in the reporting are an error.
 *
 * A paragraph's quoted regions are those of grammar/quotes.h
 * (quote_find(): double quotation marks, curly or straight, an unclosed
 * one running to the end of the paragraph, a lone closing one covering
 * what came before it; single marks in pairs), and a paragraph that opens
 * with a dash is dialogue throughout ("— It don't matter," in novels that
 * mark speech so).  They are found once per paragraph, when a rule first
 * asks about it, and kept for the document.
 *
 * Ownership: a struct quoted reads the document it was reset for (which
 * must outlive its use) and owns its arrays; quoted_release() frees them.
 * Not thread-safe: one per engine.
 */
#ifndef MT_QUOTED_H
#define MT_QUOTED_H

#include <stddef.h>
#include <stdint.h>

#include "text/document.h"
#include "util/common.h"

struct quoted {
	const struct document *doc;
	/* per paragraph: its first region in v, and how many; first is
	 * UINT32_MAX until the paragraph is asked about */
	uint32_t *first, *count;
	size_t alloc_paragraphs;
	struct span *v; /* byte spans of the regions, by paragraph */
	size_t n, alloc;
};

/* Start on doc (forgetting the previous document's regions). */
void quoted_reset(struct quoted *q, const struct document *doc);

/* Is byte `offset` inside quoted speech of paragraph `paragraph`? */
int quoted_in(struct quoted *q, uint32_t paragraph, uint32_t offset);

/* Is byte `offset` inside quoted speech (of whichever paragraph holds
 * it)? */
int quoted_at(struct quoted *q, uint32_t offset);

void quoted_release(struct quoted *q);

#endif /* MT_QUOTED_H */
