/*
 * bench_reference: time of the reference comparison on a 5,000-word
 * article against a 5,000-word reference, and on a 5,000-sentence article
 * against a 5,000-sentence reference (make bench-reference).
 *
 * usage: bench_reference ARTICLE REFERENCE
 *
 * Both files are repeated, with a numbered paragraph between copies, up
 * to the size wanted (repetition is the hard case for the indexes: every
 * name and trigram occurs many times).  Segmentation is done once; the
 * figure is the reference pass alone (names, numbers, alignment, the word
 * alignment of every sentence pair and all checks), the median of the
 * runs, plus chrF and BLEU of the 5,000-word pair.  The first run, which
 * also opens Hunspell and WordNet, is timed apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"
#include "run/checker.h"
#include "reference/reference.h"
#include "reference/score.h"
#include "text/segment.h"

#define WORDS 5000
#define SENTENCES 5000
#define RUNS 25
#define RUNS_LONG 5

/* CPU time of this process: the figure is "on one core", and the
 * machine may be busy with other work. */
static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The document at path, repeated up to `target` words (or sentences,
 * with by_sentence). */
static struct document *grow(struct checker *c, const char *path,
			     int target, int by_sentence)
{
	struct document *d = NULL, *out = NULL;
	struct mt_error err = { 0 };
	struct buf b = BUF_INIT;
	int words = 0, copy = 0;

	if (document_load_file(path, NULL, &d, &err) != MT_ERR_OK ||
	    checker_segment(c, d, &err) != MT_ERR_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(2);
	}
	for (uint32_t i = 0; i < d->n_tokens; i++)
		words += d->tokens[i].kind == TOK_WORD;
	if (by_sentence) /* one more for the "Part N." line */
		words = (int)d->n_sentences + 1;
	if (!words) {
		fprintf(stderr, "bench: %s has no words\n", path);
		exit(2);
	}
	for (int w = 0; w < target; w += words) {
		buf_addf(&b, "Part %d.\n\n", ++copy);
		buf_add(&b, d->text, d->len);
		buf_adds(&b, "\n\n");
	}
	if (document_load_mem(path, b.buf, b.len, NULL, &out, &err) !=
		    MT_ERR_OK ||
	    checker_segment(c, out, &err) != MT_ERR_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(2);
	}
	buf_release(&b);
	document_free(d);
	return out;
}

/* Time `runs` runs of the pass on doc and ref: the median into *median,
 * the first (which may open resources) into *first. */
static size_t time_pass(struct checker *c, void *state, struct document *doc,
			struct document *ref, int runs, double *median,
			double *first)
{
	double t[RUNS], t0;
	struct mt_error err = { 0 };
	size_t n_diags = 0;

	for (int k = 0; k < runs; k++) {
		struct diag_list l;
		struct check_ctx ctx = { c, doc, ref, &l, 0 };

		diag_list_init(&l, &doc->arena);
		t0 = now_ms();
		if (reference_pass.run(state, &ctx, &err) != MT_ERR_OK) {
			fprintf(stderr, "bench: %s\n", err.msg);
			exit(2);
		}
		t[k] = now_ms() - t0;
		if (k == 0)
			*first = t[0];
		n_diags = l.n;
		diag_list_release(&l);
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_d);
	*median = t[runs / 2];
	return n_diags;
}

int main(int argc, char **argv)
{
	struct checker *c;
	struct mt_error err = { 0 };
	struct document *doc, *ref, *long_doc, *long_ref;
	void *state = NULL;
	double t0, med, first;
	int words_a = 0, words_r = 0;
	size_t n_diags = 0;
	struct chrf_stats cs;
	struct bleu_stats bs;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_reference ARTICLE REFERENCE\n");
		return 2;
	}
	if (checker_new(NULL, &c, &err) != MT_ERR_OK ||
	    reference_pass.open(c, checker_options(c), &state, &err) !=
		    MT_ERR_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 2;
	}
	doc = grow(c, argv[1], WORDS, 0);
	ref = grow(c, argv[2], WORDS, 0);
	for (uint32_t i = 0; i < doc->n_tokens; i++)
		words_a += doc->tokens[i].kind == TOK_WORD;
	for (uint32_t i = 0; i < ref->n_tokens; i++)
		words_r += ref->tokens[i].kind == TOK_WORD;
	n_diags = time_pass(c, state, doc, ref, RUNS, &med, &first);
	printf("reference pass: %d-word article vs %d-word reference: "
	       "%.1f ms (median of %d; first run, opening Hunspell and "
	       "WordNet: %.1f), %zu findings\n",
	       words_a, words_r, med, RUNS, first, n_diags);
	long_doc = grow(c, argv[1], SENTENCES, 1);
	long_ref = grow(c, argv[2], SENTENCES, 1);
	n_diags = time_pass(c, state, long_doc, long_ref, RUNS_LONG, &med,
			    &first);
	printf("reference pass: %u-sentence article vs %u-sentence "
	       "reference: %.1f ms (median of %d), %zu findings\n",
	       long_doc->n_sentences, long_ref->n_sentences, med, RUNS_LONG,
	       n_diags);
	document_free(long_doc);
	document_free(long_ref);
	t0 = now_ms();
	score_chrf(doc->text, doc->len, ref->text, ref->len, &cs);
	score_bleu(doc->text, doc->len, ref->text, ref->len, &bs);
	printf("chrF + BLEU of the same pair: %.1f ms\n", now_ms() - t0);
	reference_pass.close(state);
	document_free(doc);
	document_free(ref);
	checker_free(c);
	return 0;
}
