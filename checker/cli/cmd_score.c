/*
 * cmd_score: `mtlint score [--whole-document] --reference REF FILE...` --
 * chrF and BLEU of each FILE against REF as sacreBLEU computes them, with
 * its signatures (definitions in score.h): corpus-level over lines when
 * both files have as many lines, else (or with --whole-document) each file
 * as one segment; and the article sentences with no counterpart in the
 * reference (align.h).
 */
#include "cli/commands.h"

#include <stdio.h>

#include "cli/cli.h"
#include "reference/align.h"
#include "reference/score.h"
#include "text/segment.h"

/* "  no counterpart: FILE:LINE:COL: the sentence, cut at 60 bytes..." */
static void print_unaligned(const struct document *doc,
			    const struct sentence *s)
{
	uint32_t len = s->span.end - s->span.start, cut = len;
	struct doc_pos p;

	/* shorten to 60 bytes, on a character boundary */
	if (cut > 60) {
		cut = 60;
		while (cut > 0 &&
		       ((unsigned char)doc->text[s->span.start + cut] & 0xc0) ==
			       0x80)
			cut--;
	}
	p = document_position(doc, s->span.start, 0);
	printf("  no counterpart: %s:%u:%u: %.*s%s\n", doc->name, p.line,
	       p.column, (int)cut, doc->text + s->span.start,
	       cut < len ? "..." : "");
}

static void print_scores(struct document *doc, const struct document *ref,
			 int whole)
{
	struct chrf_stats cs;
	struct bleu_stats bs;
	struct align_match *al;
	uint32_t n_aligned = 0;
	size_t hl = score_count_lines(doc->text, doc->len);
	size_t rl = score_count_lines(ref->text, ref->len);
	const char *how = "";

	printf("%s\n", doc->name);
	if (whole || score_corpus(doc->text, doc->len, ref->text, ref->len,
				  &cs, &bs) != 0) {
		score_chrf(doc->text, doc->len, ref->text, ref->len, &cs);
		score_bleu(doc->text, doc->len, ref->text, ref->len, &bs);
		how = "|doc:whole";
		if (!whole)
			printf("  %zu lines against %zu: each text scored as "
			       "one segment (sacreBLEU needs as many lines)\n",
			       hl, rl);
	}
	printf("  chrF2|%s%s = %.2f (precision %.2f, recall %.2f)\n",
	       SCORE_CHRF_SIGNATURE, how, cs.score, 100 * cs.precision,
	       100 * cs.recall);
	printf("  BLEU|%s%s = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = "
	       "%.3f hyp_len = %zu ref_len = %zu)\n",
	       SCORE_BLEU_SIGNATURE, how, bs.score, bs.precisions[0],
	       bs.precisions[1], bs.precisions[2], bs.precisions[3], bs.bp,
	       bs.ref_len ? (double)bs.sys_len / (double)bs.ref_len : 0.0,
	       bs.sys_len, bs.ref_len);
	al = align_sentences(doc, ref, &doc->arena);
	for (uint32_t k = 0; k < doc->n_sentences; k++)
		n_aligned += al[k].score >= ALIGN_MIN_SCORE;
	printf("  sentences with a counterpart in the reference: %u of %u\n",
	       n_aligned, doc->n_sentences);
	for (uint32_t k = 0; k < doc->n_sentences; k++)
		if (al[k].score < ALIGN_MIN_SCORE)
			print_unaligned(doc, &doc->sentences[k]);
}

int cmd_score(struct cli_opts *o)
{
	struct checker_options co = cli_checker_options(o);
	struct checker *checker = NULL;
	struct document *ref = NULL;
	struct mt_error err = { 0 };
	int rc = CLI_EXIT_ERROR;

	if (!o->so.reference)
		return cli_bad_usage("%s", "score needs --reference FILE");
	if (!o->files.n)
		return cli_bad_usage("%s", "no input files (use '-' for "
					   "standard input)");
	if (checker_new(&co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		goto out;
	}
	if (document_load_file(o->so.reference, &o->so.dopts, &ref, &err) !=
		    MT_ERR_OK ||
	    checker_segment(checker, ref, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: reference: %s\n", err.msg);
		goto out;
	}
	rc = CLI_EXIT_CLEAN;
	for (size_t i = 0; i < o->files.n; i++) {
		struct document *doc = NULL;

		err = (struct mt_error){ 0 };
		if (document_load_file(o->files.v[i], &o->so.dopts, &doc,
				       &err) != MT_ERR_OK ||
		    checker_segment(checker, doc, &err) != MT_ERR_OK) {
			fprintf(stderr, "mtlint: error: %s\n", err.msg);
			document_free(doc);
			rc = CLI_EXIT_ERROR;
			continue;
		}
		print_scores(doc, ref, o->whole_document);
		document_free(doc);
	}
out:
	document_free(ref);
	checker_free(checker);
	return rc;
}
