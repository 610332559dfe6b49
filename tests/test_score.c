/*
 * score: chrF and BLEU on small cases computed by hand (the arithmetic is
 * in each test's comment), and the 13a tokeniser.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reference/score.h"

#define EPS 1e-6

static double chrf(const char *h, const char *r)
{
	struct chrf_stats s;

	return score_chrf(h, strlen(h), r, strlen(r), &s);
}

static double bleu(const char *h, const char *r, struct bleu_stats *s)
{
	return score_bleu(h, strlen(h), r, strlen(r), s);
}

static void expect_tok(const char *in, const char *want)
{
	size_t n;
	char *got = score_tokenize_13a(in, strlen(in), &n);

	cr_expect_str_eq(got, want, "13a of '%s'", in);
	cr_expect_eq(n, strlen(want));
	free(got);
}

Test(score, chrf_identical_is_100)
{
	cr_expect_float_eq(chrf("The cat sat.", "The cat sat."), 100.0, EPS);
}

Test(score, chrf_hand_computed)
{
	/* abc / abd: n=1 P=R=2/3; n=2 P=R=1/2; n=3 P=R=0 (still counted:
	 * both sides have a trigram); P=R=(2/3+1/2+0)/3=7/18; F2 = P */
	cr_expect_float_eq(chrf("abc", "abd"), 100.0 * 7 / 18, EPS);
	/* whitespace is removed before counting */
	cr_expect_float_eq(chrf("a b c", "abd"), 100.0 * 7 / 18, EPS);
	/* aa / aaa: n=1 P=1 R=2/3; n=2 P=1 R=1/2; n=3 hyp empty, skipped.
	 * P=1, R=7/12, F2 = 5*7/12 / (4+7/12) = 35/55 */
	cr_expect_float_eq(chrf("aa", "aaa"), 100.0 * 35 / 55, EPS);
	/* nothing in common */
	cr_expect_float_eq(chrf("xyz", "abc"), 0.0, EPS);
}

Test(score, chrf_counts_code_points)
{
	struct chrf_stats s;

	/* "déjà" is 4 characters (6 bytes): 4 unigrams, 1 four-gram */
	score_chrf("déjà", strlen("déjà"), "déjà", strlen("déjà"), &s);
	cr_expect_eq(s.hyp[0], 4);
	cr_expect_eq(s.hyp[3], 1);
	cr_expect_eq(s.hyp[4], 0);
	cr_expect_float_eq(s.score, 100.0, EPS);
}

Test(score, bleu_identical_is_100)
{
	struct bleu_stats s;

	cr_expect_float_eq(bleu("the cat sat on the mat",
				"the cat sat on the mat", &s),
			   100.0, EPS);
}

Test(score, bleu_hand_computed)
{
	struct bleu_stats s;

	/* p1=5/6 p2=3/5 p3=2/4 p4=1/3, BP=1: (1/12)^(1/4) */
	cr_expect_float_eq(bleu("the cat sat on a mat",
				"the cat sat on the mat", &s),
			   100.0 * pow(1.0 / 12, 0.25), EPS);
	cr_expect_eq(s.counts[0], 5);
	cr_expect_eq(s.counts[3], 1);
	cr_expect_eq(s.totals[3], 3);
}

Test(score, bleu_exp_smoothing)
{
	struct bleu_stats s;

	/* p1=3/5 p2=1/4; p3 has no match: 1/(2*3); p4 none: 1/(4*2) */
	cr_expect_float_eq(bleu("a b c d e", "a b x d y", &s),
			   100.0 * pow(0.6 * 0.25 / 6 / 8, 0.25), EPS);
	cr_expect_float_eq(s.precisions[2], 100.0 / 6, EPS);
	cr_expect_float_eq(s.precisions[3], 100.0 / 8, EPS);
}

Test(score, bleu_brevity_penalty)
{
	struct bleu_stats s;

	/* all precisions 1, c=4 r=5: BP = exp(1 - 5/4) */
	cr_expect_float_eq(bleu("a b c d", "a b c d e", &s),
			   100.0 * exp(-0.25), EPS);
	cr_expect_float_eq(s.bp, exp(-0.25), EPS);
	cr_expect_eq(s.sys_len, 4);
	cr_expect_eq(s.ref_len, 5);
}

Test(score, bleu_too_short_is_zero)
{
	struct bleu_stats s;

	/* no 4-gram in a 3-token hypothesis: sacreBLEU's corpus score is 0 */
	cr_expect_float_eq(bleu("the cat sat", "the cat sat on the mat", &s),
			   0.0, EPS);
	cr_expect_float_eq(bleu("", "the cat", &s), 0.0, EPS);
}

Test(score, tokenize_13a)
{
	expect_tok("Hello, world.", "Hello , world .");
	expect_tok("1,000.5 dollars", "1,000.5 dollars");
	expect_tok("e-mail", "e-mail");
	expect_tok("2016-12-29 x", "2016 - 12 - 29 x");
	expect_tok("it's $5 &amp; (ok)", "it's $ 5 & ( ok )");
	expect_tok("a.b,c 3.x x,5 ...", "a . b , c 3 . x x , 5 . . .");
	expect_tok("line-\nbreak\nnext", "linebreak next");
	expect_tok("“quoted” déjà", "“quoted” déjà");
	expect_tok("", "");
}

Test(score, corpus_level_adds_the_segments_statistics)
{
	struct chrf_stats c1, c2, w;
	struct bleu_stats b1, b2;

	/* one line: the corpus score is the segment's */
	cr_assert_eq(score_corpus("abc\n", 4, "abd", 3, &c1, &b1), 0);
	cr_expect_float_eq(c1.score, 100.0 * 7 / 18, EPS);
	/* two lines: n-grams never cross the line break, and the counts are
	 * added before the score is computed (not a mean of line scores):
	 * "abc"/"abd" and "xyz"/"xyz": n=1 6 hyp, 5 match; n=2 4 hyp, 3
	 * match; n=3 2 hyp, 1 match; P = R = (5/6 + 3/4 + 1/2) / 3 */
	cr_assert_eq(score_corpus("abc\nxyz\n", 8, "abd\nxyz\n", 8, &c2, &b2),
		     0);
	cr_expect_eq(c2.hyp[0], 6);
	cr_expect_eq(c2.match[2], 1);
	cr_expect_float_eq(c2.score, 100.0 * (5.0 / 6 + 3.0 / 4 + 1.0 / 2) / 3,
			   EPS);
	/* the whole text as one segment differs: "cx", "cxy"... count */
	score_chrf("abc\nxyz\n", 8, "abd\nxyz\n", 8, &w);
	cr_expect(fabs(w.score - c2.score) > 0.1);
	cr_expect_eq(b2.sys_len, 2);
	cr_expect_eq(b2.ref_len, 2);
}

Test(score, corpus_needs_as_many_lines)
{
	struct chrf_stats c;
	struct bleu_stats b;

	cr_expect_eq(score_count_lines("", 0), 0);
	cr_expect_eq(score_count_lines("a", 1), 1);
	cr_expect_eq(score_count_lines("a\n", 2), 1);
	cr_expect_eq(score_count_lines("a\n\n", 3), 2);
	cr_expect_eq(score_corpus("a\nb\n", 4, "a\n", 2, &c, &b), -1);
	cr_expect_float_eq(c.score, 0, EPS);
	cr_expect_eq(score_corpus("", 0, "", 0, &c, &b), 0);
}
