/*
 * score: chrF and BLEU of an article against a reference, computed as
 * sacreBLEU 2.x computes them with its default settings: corpus-level over
 * lines (score_corpus(): line i of the hypothesis is scored against line i
 * of the reference, the n-gram statistics of all lines are added up, then
 * the score is computed once, as sacreBLEU's corpus_score), or with the
 * whole document as one segment (score_chrf(), score_bleu()).  The
 * accumulating form (score_*_add() per segment, then score_*_finish())
 * gives both.
 *
 * chrF (Popovic 2015; sacreBLEU CHRF(char_order=6, word_order=0, beta=2)):
 *   whitespace is removed, then for each n = 1..6 the character n-grams
 *   (Unicode code points) of hypothesis and reference are counted;
 *   match_n = sum over n-grams of min(count_hyp, count_ref);
 *   P_n = match_n / hyp_n, R_n = match_n / ref_n.  P and R are the means of
 *   P_n and R_n over the orders where both hyp_n and ref_n are non-zero
 *   ("effective order"), and chrF = 100 (1 + b^2) P R / (b^2 P + R) with
 *   b = 2 (0 when P + R = 0).
 *
 * BLEU (Papineni et al. 2002; sacreBLEU BLEU() defaults): both texts are
 *   tokenised with the "13a" tokeniser (mteval-v13a: punctuation split off,
 *   except '.' and ',' between digits and '-' not after a digit); for
 *   n = 1..4, p_n = clipped matches / hypothesis n-grams; a p_n with no
 *   match is smoothed "exp"-style: the k-th such order gets
 *   1 / (2^k * total_n).  BP = exp(1 - r/c) when c < r (c, r: hypothesis and
 *   reference lengths in tokens), else 1; BLEU = 100 BP exp(mean log p_n).
 *   An order with no hypothesis n-gram at all (a text shorter than 4 tokens)
 *   has p_n = 0 and the score is 0, as sacreBLEU's corpus score.
 *
 * Inputs are UTF-8 (not validated here: documents are, see document.h).
 * Nothing is kept; temporaries are on the heap and freed before return.
 */
#ifndef MT_SCORE_H
#define MT_SCORE_H

#include <stddef.h>

#include "util/common.h"

#define SCORE_CHRF_ORDER 6
#define SCORE_CHRF_BETA 2.0
#define SCORE_BLEU_ORDER 4

struct chrf_stats {
	/* per order n = 1..6 at index n - 1 */
	size_t hyp[SCORE_CHRF_ORDER], ref[SCORE_CHRF_ORDER],
		match[SCORE_CHRF_ORDER];
	double precision, recall; /* the averages, in [0, 1] */
	double score;		  /* chrF2 in [0, 100] */
};

struct bleu_stats {
	size_t counts[SCORE_BLEU_ORDER]; /* clipped matches per order */
	size_t totals[SCORE_BLEU_ORDER]; /* hypothesis n-grams per order */
	double precisions[SCORE_BLEU_ORDER]; /* in percent, smoothed */
	size_t sys_len, ref_len;	     /* tokens */
	double bp;			     /* brevity penalty */
	double score;			     /* in [0, 100] */
};

/* sacreBLEU's signatures of the scores computed here (its defaults). */
#define SCORE_SACREBLEU_VERSION "2.4.3"
#define SCORE_CHRF_SIGNATURE                                              \
	"nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:"         \
	SCORE_SACREBLEU_VERSION
#define SCORE_BLEU_SIGNATURE                                              \
	"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:"          \
	SCORE_SACREBLEU_VERSION

/* chrF of hyp against ref as one segment; fills *out and returns
 * out->score. */
double score_chrf(const char *hyp, size_t hyp_len, const char *ref,
		  size_t ref_len, struct chrf_stats *out);

/* BLEU of hyp against ref as one segment; fills *out and returns
 * out->score. */
double score_bleu(const char *hyp, size_t hyp_len, const char *ref,
		  size_t ref_len, struct bleu_stats *out);

/* Lines of s as sacreBLEU reads a file: split at '\n', a final line
 * without one counts, a final '\n' starts none. */
size_t score_count_lines(const char *s, size_t len);

/*
 * Corpus-level chrF and BLEU over lines, as sacreBLEU's corpus_score:
 * fills *cs and *bs.  Returns 0, or -1 (both zeroed) when hyp and ref do
 * not have the same number of lines (sacreBLEU refuses such a pair).
 */
int score_corpus(const char *hyp, size_t hyp_len, const char *ref,
		 size_t ref_len, struct chrf_stats *cs, struct bleu_stats *bs);

/*
 * The 13a tokenisation of s: tokens separated by single spaces, no leading
 * or trailing space.  The caller frees the result; *out_len gets its
 * length.
 */
char *score_tokenize_13a(const char *s, size_t len, size_t *out_len);

#endif /* MT_SCORE_H */
