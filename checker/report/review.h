/*
 * review: the review page -- the HTML an editor reads: each article with
 * its findings underlined in place, a sidebar listing them, and, with a
 * reference, the reference beside the article, aligned sentences linked
 * and the words that differ marked on both sides.  `--format html`
 * (report/html.c) writes it as one self-contained file; `mtlint serve`
 * shows the same view live at `/` (serve/page.h).
 *
 * The page is plain HTML rendered here, so it reads without a script (an
 * e-mail client, a CI artifact viewer); the script (review.js, inlined)
 * adds the filters, keyboard navigation, the linking of aligned sentences
 * and accepting or dismissing a suggestion.  Nothing is loaded from the
 * network: the page's Content-Security-Policy forbids every request but
 * the live page's own calls to its server.
 *
 * The markup is an interface (docs/review.md; the browser test reads it):
 *   <section class="file" data-path=...>          one per input
 *     <div class="text">                          the article's text
 *       <span class="s" data-s=I data-ref=J?>     sentence I (aligned: J)
 *         <mark class="f sev-S cat-C" data-f="K..."> text covered by
 *                                                 findings K... (numbers
 *                                                 of the file's findings,
 *                                                 in the JSON report's
 *                                                 order)
 *         <span class="d">                        a word the aligned
 *                                                 sentence lacks
 *     <div class="ref">                           the reference, alike
 *       (data-s=J, data-art="I...", span.d)
 *     <ol class="findings"><li data-f=K data-rule data-category
 *        data-severity data-o16 data-l16>         finding K: its span in
 *                                                 UTF-16 units of the
 *                                                 text, its message,
 *                                                 suggestions as
 *                                                 <button class="sugg">
 * So the text of finding K is the text of the marks whose data-f holds K,
 * in document order (a finding crossing sentences is cut at their
 * bounds; an empty finding is an empty mark).
 */
#ifndef MT_REVIEW_H
#define MT_REVIEW_H

#include <stddef.h>

#include "check/diag.h"
#include "run/checker.h"
#include "text/document.h"
#include "util/buf.h"

/* Words are compared between aligned sentences of at least this
 * similarity (align.h: Dice of trigrams); below it the sentences are only
 * linked -- a comparable reference's sentence on the same fact says it
 * in other words, and marking them all tells nothing. */
#define REVIEW_DIFF_MIN_SCORE 0.5f

/* The page's style sheet and script (review.css, review.js: built into
 * the program from those files). */
extern const char review_css[];
extern const char review_js[];
extern const char review_live_html[]; /* the live page's form (live.html) */

/*
 * Append to b the <section> of one checked document: `doc` (checked, so
 * segmented), its findings, and `ref` (NULL: none; else segmented by the
 * same check).  `index` numbers the section in its page (ids are unique
 * per page).  Computes the sentence alignment and chrF/BLEU in doc's
 * arena.
 */
void review_section(struct buf *b, size_t index, const struct document *doc,
		    const struct document *ref, const struct diag_list *diags);

/* A section for an input that could not be checked. */
void review_section_error(struct buf *b, size_t index, const char *path,
			  const char *msg);

/* Counts over the sections of a page, for its summary. */
struct review_counts {
	size_t files, errors;  /* inputs; inputs that could not be read */
	size_t by_severity[4]; /* enum mt_severity */
	struct review_category {
		char *name;
		size_t n;
	} * categories;
	size_t n_categories;
};

void review_count(struct review_counts *c, const struct diag_list *diags);
void review_counts_release(struct review_counts *c);

/*
 * Append the whole page to b: `title`, the summary of `c` (NULL: none),
 * then `sections` (the review_section()s, `n` bytes).  `live` makes the
 * live page of `mtlint serve` (its form, and a policy that lets the page
 * call its own server).
 */
void review_page(struct buf *b, const char *title,
		 const struct review_counts *c, const char *sections, size_t n,
		 int live);

#endif /* MT_REVIEW_H */
