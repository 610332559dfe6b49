/*
 * layout: which sentences of a document are prose for the grammar parser,
 * and where a sentence's text starts.
 *
 * Not prose, so never parsed: headlines (a line without final punctuation
 * whose longer words are mostly capitalised, or a line ending with a dash
 * and its source: "- China News Network."), list items and table lines
 * (lines without final punctuation in a paragraph of several lines),
 * sentences of fewer than `min_words` words, sentences with an ellipsis
 * (elided text), and sentences holding a word in another script.  Before
 * the text proper: a list bullet ("- ", "1. ", "a) ") and a dateline
 * ("MOSCOW, Dec. 29 (Reuters) - ", "date 2016-12-29 ").
 *
 * Works on the document's tokens; allocates nothing.
 */
#ifndef MT_LAYOUT_H
#define MT_LAYOUT_H

#include <stdint.h>

#include "text/segment.h"

/*
 * Is the run of n tokens t (starting sentence si of doc and running on
 * through any sentences split off at abbreviations) prose worth parsing?
 */
int layout_is_prose(const struct document *doc, uint32_t si,
		    const struct token *t, uint32_t n, uint32_t min_words);

/* Index of the first token after a list bullet and a dateline (0 when
 * there is neither). */
uint32_t layout_body_start(const struct document *doc, const struct token *t,
			   uint32_t n);

#endif /* MT_LAYOUT_H */
