/*
 * lm, tagger, fluency: the n-gram model built from the Brown corpus
 * (dictionaries/lm/en.lm, made by `make lm`).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "lm/lm.h"
#include "lm/tagger.h"
#include "util/paths.h"

static struct lm *open_model(void)
{
	char path[4096];
	struct lm *lm = NULL;
	struct mt_error err = { 0 };

	snprintf(path, sizeof(path), "%s/dictionaries/lm/en.lm", mt_data_dir());
	cr_assert_eq(lm_open(path, &lm, &err), MT_ERR_OK, "%s", err.msg);
	return lm;
}

Test(lm, model_holds_the_brown_corpus)
{
	struct lm *lm = open_model();
	struct lm_stats st;
	struct lm_word w;

	lm_stats(lm, &st);
	cr_expect_eq(st.tokens, 1161192, "tokens: %llu",
		     (unsigned long long)st.tokens);
	cr_expect_gt(st.n_words, 40000);
	cr_expect_str_eq(lm_tag_name(lm, 0), "<s>");
	cr_expect_geq(lm_tag_by_name(lm, "nn"), 1);
	/* "the" is the commonest word, an article (Brown "at") */
	cr_expect_gt(lm_word(lm, "The", 3, &w), 60000);
	cr_expect_str_eq(lm_tag_name(lm, w.tags[0]), "at");
	cr_expect_eq(lm_word(lm, "qwzxv", 5, &w), 0);
	cr_expect_gt(lm_bigram(lm, "of", 2, "THE", 3), 5000);
	cr_expect_eq(lm_bigram(lm, "umbrellas", 9, "arithmetic", 10), 0);
	/* a determiner before a noun is likely, before a modal is not */
	cr_expect_gt(lm_tag_logprob(lm, lm_tag_by_name(lm, "in"),
				    lm_tag_by_name(lm, "at"),
				    lm_tag_by_name(lm, "nn")),
		     lm_tag_logprob(lm, lm_tag_by_name(lm, "in"),
				    lm_tag_by_name(lm, "at"),
				    lm_tag_by_name(lm, "md")));
	lm_close(lm);
}

Test(lm, broken_or_missing_model_is_an_error)
{
	struct lm *lm = (struct lm *)1;
	struct mt_error err = { 0 };
	char *p = write_temp("MTLM not really", 15, ".lm");

	cr_expect_eq(lm_open(p, &lm, &err), MT_ERR_DICT);
	cr_expect_null(lm);
	cr_expect(strstr(err.msg, p), "%s", err.msg);
	cr_expect_eq(lm_open("/nonexistent/en.lm", &lm, &err), MT_ERR_IO);
	cr_expect(strstr(err.msg, "/nonexistent/en.lm"), "%s", err.msg);
	remove(p);
	free(p);
}

Test(tagger, tags_a_plain_sentence)
{
	static const char *const words[] = { "The",  "officials", "said",
					     "that", "the",	  "minister",
					     "will", "resign",	  "." };
	static const char *const want[] = { "at", "nns", "vbd", "cs", "at",
					    "nn", "md",	 "vb",	"." };
	struct lm *lm = open_model();
	struct tagger_word w[9];
	uint8_t tags[9];

	for (int i = 0; i < 9; i++) {
		w[i].s = words[i];
		w[i].len = strlen(words[i]);
		w[i].first = i == 0;
	}
	tagger_tag(lm, w, 9, tags);
	for (int i = 0; i < 9; i++)
		cr_expect_str_eq(lm_tag_name(lm, tags[i]), want[i],
				 "'%s' tagged %s, not %s", words[i],
				 lm_tag_name(lm, tags[i]), want[i]);
	lm_close(lm);
}

Test(tagger, unknown_words_by_their_shape)
{
	static const char *const words[] = { "They",	     "met",
					     "Zorblatt",     "while",
					     "glimmerizing", "." };
	struct lm *lm = open_model();
	struct tagger_word w[6];
	uint8_t tags[6];

	for (int i = 0; i < 6; i++) {
		w[i].s = words[i];
		w[i].len = strlen(words[i]);
		w[i].first = i == 0;
	}
	tagger_tag(lm, w, 6, tags);
	cr_expect_str_eq(lm_tag_name(lm, tags[2]), "np");
	cr_expect_str_eq(lm_tag_name(lm, tags[4]), "vbg");
	lm_close(lm);
}

Test(fluency, improbable_pair_in_a_sentence_the_parser_cannot_link)
{
	static const char in[] =
		"There were also farm workers said that wages would fall.\n";
	struct run_result r;

	run_mtlint("--no-config -", in, sizeof(in) - 1, &r);
	cr_expect(strstr(r.out, "'also farm'") &&
			  strstr(r.out, "fluency.improbable-sequence"),
		  "%s", r.out);
	run_result_release(&r);
	/* without the parser's corroboration the model alone says nothing */
	run_mtlint("--no-config --grammar-parser off -", in, sizeof(in) - 1,
		   &r);
	cr_expect(!strstr(r.out, "fluency.improbable-sequence"), "%s", r.out);
	run_result_release(&r);
}

/* The parser's findings are looked up per sentence through an index made
 * once per document: the sentence is found wherever it stands, once. */
Test(fluency, found_in_any_sentence_of_a_longer_document)
{
	static const char in[] =
		"The harbour opened at dawn. Boats left one by one.\n\n"
		"The crews came back at noon. There were also farm workers "
		"said that wages would fall. The market closed early.\n";
	struct run_result r;
	const char *at;

	run_mtlint("--no-config -", in, sizeof(in) - 1, &r);
	at = strstr(r.out, "'also farm'");
	cr_expect(at && !strstr(at + 1, "'also farm'") &&
			  strstr(r.out, "<stdin>:3:"),
		  "%s", r.out);
	run_result_release(&r);
}
