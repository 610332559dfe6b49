/*
 * fuzz_score: libFuzzer target for the reference scores on arbitrary
 * bytes.
 *
 * The input is split in two at the first "\n===\n" (or in the middle):
 * hypothesis and reference, each loaded as a document (as `mtlint score`
 * does).  Reaches: score_chrf() and score_bleu() on the whole texts with
 * the 13a tokeniser (entities, "<skipped>", joined line ends, the number
 * and punctuation substitutions), and score_corpus() line by line, as
 * sacreBLEU's corpus_score -- refused when the line counts differ.
 * Invariants: every score and precision in [0, 100], matches never more
 * than the hypothesis' n-grams, corpus scores zeroed when refused.  No
 * checker: these were a fifth of fuzz_reference's time (perf), and run
 * here thousands of times a second.  Seeds: the fixture pairs, as for
 * fuzz_reference.  Dictionary: fuzz_score.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reference/score.h"
#include "text/document.h"
#include "fuzz.h"

static int bad_score(double s)
{
	return !(s >= 0 && s <= 100.0001);
}

static void check_chrf(const struct chrf_stats *cs)
{
	if (bad_score(cs->score))
		abort();
	for (size_t n = 0; n < SCORE_CHRF_ORDER; n++)
		if (cs->match[n] > cs->hyp[n] || cs->match[n] > cs->ref[n])
			abort();
}

static void check_bleu(const struct bleu_stats *bs)
{
	if (bad_score(bs->score))
		abort();
	for (size_t n = 0; n < SCORE_BLEU_ORDER; n++)
		if (bs->counts[n] > bs->totals[n] ||
		    bad_score(bs->precisions[n]))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *hyp = NULL, *ref = NULL;
	struct mt_error err = { 0 };
	const uint8_t *sep = memmem(data, size, "\n===\n", 5);
	size_t h_len = sep ? (size_t)(sep - data) : size / 2;
	size_t r_off = sep ? h_len + 5 : h_len;
	struct chrf_stats cs;
	struct bleu_stats bs;

	if (document_load_mem("hyp", data, h_len, NULL, &hyp, &err) !=
		    MT_ERR_OK ||
	    document_load_mem("ref", data + r_off, size - r_off, NULL, &ref,
			      &err) != MT_ERR_OK)
		goto out;
	score_chrf(hyp->text, hyp->len, ref->text, ref->len, &cs);
	check_chrf(&cs);
	score_bleu(hyp->text, hyp->len, ref->text, ref->len, &bs);
	check_bleu(&bs);
	if (score_corpus(hyp->text, hyp->len, ref->text, ref->len, &cs, &bs) ==
	    0) {
		check_chrf(&cs);
		check_bleu(&bs);
	} else if (cs.score != 0 || bs.score != 0 ||
		   score_count_lines(hyp->text, hyp->len) ==
			   score_count_lines(ref->text, ref->len)) {
		abort();
	}
out:
	document_free(hyp);
	document_free(ref);
	return 0;
}
