/*
 * wording: the reference comparison word by word -- word choice, omission,
 * addition, and reference-aware suggestions for the other passes'
 * findings.  Part of the reference pass (reference.h lists the rules).
 *
 * Sentence pairs.  An article sentence is compared with its best reference
 * counterpart (align.h), joined with the runner-up when that is the next or
 * previous reference sentence (one sentence translated as two);
 * consecutive article sentences with the same best counterpart are
 * compared together (two translated as one).  With a comparable reference
 * only strongly aligned pairs (ALIGN_STRONG_SCORE: quotes, the same fact
 * in nearly the same words) are compared, since the rest says other
 * things; with a parallel one, every aligned pair.
 *
 * Findings (the words of wordalign.h's gaps):
 *   word choice  a substitution gap whose two words are content words of a
 *                common part of speech, neither an unknown name: the
 *                message quotes the reference's word, which is suggested
 *                when the article's is a lookalike of it (a word the
 *                spelling pass flagged gets the reference's word there
 *                instead: see Suggestions);
 *   omission     (parallel only) reference words facing no article word,
 *                on the article's word before the gap;
 *   addition     (parallel only) article words facing no reference word.
 * Each cites the reference sentence as evidence.
 *
 * Suggestions.  A spelling finding (rule "spelling.*") of an earlier pass
 * on one word whose sentence pair holds a close reference form (its gap
 * partner when a loose lookalike, else the closest strict lookalike among
 * the unmatched reference words) gets that form as first suggestion, the
 * reference's place as evidence, and a note in its message.  Any other
 * finding of an earlier pass with several fixes gets first the fix the
 * aligned reference sentence words the same way ("allegations about
 * intervention" when the reference says so), with that place as
 * evidence.  (Passes that run after this one keep their own order.)
 */
#ifndef MT_WORDING_H
#define MT_WORDING_H

#include <stddef.h>

#include "check/pass.h"
#include "reference/align.h"
#include "reference/wordalign.h"

/* The least alignment score of a pair compared with a comparable
 * reference. */
#define ALIGN_STRONG_SCORE 0.4f

struct wording {
	struct check_ctx *ctx;
	struct wa_lex *lx;
	const struct align_match *al;
	enum align_kind kind;
	/* the rules, NULL when disabled */
	const struct rule_info *choice, *omission, *addition;
	/* diagnostics of earlier passes: ctx->diags->v[0 .. first) */
	size_t first;
	/* private: the alignment score of the pair being compared, cited as
	 * the evidence's score; earlier spelling findings by sentence */
	double pair_score;
	uint32_t *sp_head, *sp_next;
};

/* Compare every sentence pair; report and re-rank (see above). */
void wording_check(struct wording *w);

/*
 * Evidence for d: the span sp of document src (normally the reference),
 * with its sentence `sentence` as context and a score (< 0: none).
 */
void wording_evidence(struct diag_list *l, struct diag *d,
		      const struct document *src, struct span sp,
		      uint32_t sentence, double score);

#endif /* MT_WORDING_H */
