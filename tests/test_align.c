/*
 * align: sentence alignment by character trigrams; strtab, its index.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "reference/align.h"
#include "util/buf.h"
#include "helpers.h"
#include "util/strtab.h"

Test(align, finds_the_counterpart)
{
	struct document *a = segment_str(
		"Mr Peskov said the US wanted to destroy "
		"relations. The weather was fine. Obama "
		"expelled 35 Russian diplomats.");
	struct document *r = segment_str(
		"The US is to expel 35 Russian diplomats, "
		"Obama said.\nKremlin spokesman Dmitry Peskov "
		"said the US wanted to definitively destroy "
		"relations.");
	struct align_match *m = align_sentences(a, r, &a->arena);

	cr_assert_eq(a->n_sentences, 3);
	cr_expect_eq(m[0].ref, 1);
	cr_expect(m[0].score >= ALIGN_MIN_SCORE);
	cr_expect(m[1].score < ALIGN_MIN_SCORE, "unrelated: %f", m[1].score);
	cr_expect_eq(m[2].ref, 0);
	cr_expect_eq(m[2].second, 1);
	cr_expect(m[2].second_score <= m[2].score);
	document_free(a);
	document_free(r);
}

Test(align, no_reference_sentences)
{
	struct document *a = segment_str("One sentence here.");
	struct document *r = segment_str("");
	struct align_match *m = align_sentences(a, r, &a->arena);

	cr_expect_eq(m[0].ref, ALIGN_NONE);
	cr_expect_float_eq(m[0].score, 0, 1e-9);
	m = align_sentences(a, NULL, &a->arena);
	cr_expect_eq(m[0].ref, ALIGN_NONE);
	document_free(a);
	document_free(r);
}

Test(align, long_references_still_align)
{
	/* more sentences than ALIGN_MAX_DF: common trigrams become
	 * stop-grams, the distinctive ones still find the counterpart */
	struct buf b = BUF_INIT;
	struct document *a, *r;
	struct align_match *m;

	for (int i = 0; i < 300; i++)
		buf_addf(&b, "The committee met on day %d and the members "
			     "talked about the weather.\n",
			 i);
	buf_adds(&b, "Kremlin spokesman Dmitry Peskov condemned the "
		     "sanctions.\n");
	r = load_str(b.buf);
	cr_assert_eq(checker_segment(test_checker(), r, &(struct mt_error){ 0 }),
		     MT_ERR_OK);
	a = segment_str(
		"The sanctions were condemned by Dmitry Peskov, the Kremlin "
		"spokesman.");
	m = align_sentences(a, r, &a->arena);
	cr_expect_eq(m[0].ref, 300);
	cr_expect(m[0].score >= ALIGN_MIN_SCORE, "score %f", m[0].score);
	buf_release(&b);
	document_free(a);
	document_free(r);
}

Test(align, similarity)
{
	cr_expect_float_eq(align_similarity("abc", 3, "ABC", 3), 1.0, 1e-9);
	/* " ab", "abc", "bc " vs " ab", "abd", "bd ": 2 * 1 / 6 */
	cr_expect_float_eq(align_similarity("abc", 3, "abd", 3), 1.0 / 3,
			   1e-9);
	cr_expect_float_eq(align_similarity("", 0, "", 0), 0.0, 1e-9);
}

Test(strtab, interns_densely)
{
	struct strtab t = STRTAB_INIT;
	char keys[1000][16];
	int is_new;
	uint32_t len;

	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		cr_assert_eq(strtab_intern(&t, keys[i], strlen(keys[i]),
					   &is_new),
			     (uint32_t)i);
		cr_assert(is_new);
	}
	cr_expect_eq(strtab_count(&t), 1000);
	cr_expect_eq(strtab_intern(&t, "k17", 3, &is_new), 17);
	cr_expect(!is_new);
	cr_expect_eq(strtab_find(&t, "k999", 4), 999);
	cr_expect_eq(strtab_find(&t, "k1000", 5), STRTAB_NONE);
	cr_expect_eq(strtab_find(&t, "k1", 1), STRTAB_NONE); /* prefix */
	cr_expect(memcmp(strtab_str(&t, 42, &len), "k42", 3) == 0);
	cr_expect_eq(len, 3);
	/* the empty string is a key like any other */
	cr_expect_eq(strtab_intern(&t, "", 0, NULL), 1000);
	strtab_release(&t);
	cr_expect_eq(strtab_find(&t, "k1", 2), STRTAB_NONE);
}
