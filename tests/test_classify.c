/*
 * classify: the kind of an unknown lower-case word -- typo, two words run
 * together, term -- and its spelling in the other dialect, against tiny
 * dictionaries written here (never the system's).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "spelling/classify.h"
#include "spelling/hunspell.h"
#include "util/arena.h"
#include "util/paths.h"

static const char aff[] = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n";

/* A directory per test for the dictionaries and, through
 * MTLINT_CACHE_DIR, their suggestion indexes (Hunspell loads the files on
 * first use: they stay until close_dic()).  Criterion runs each test in a
 * process of its own, so the environment is the test's. */
static char *dir;

/* A speller over the words of `dic` (a .dic file's text), in files named
 * `name`.aff and `name`.dic. */
static struct speller *open_dic(const char *name, const char *dic)
{
	char an[32], dn[32], *a, *d;
	struct mt_error err = { 0 };
	struct speller *sp = NULL;

	if (!dir) {
		dir = tmpdir();
		cr_assert_eq(setenv("MTLINT_CACHE_DIR", dir, 1), 0);
	}
	snprintf(an, sizeof(an), "%s.aff", name);
	snprintf(dn, sizeof(dn), "%s.dic", name);
	put(dir, an, aff);
	put(dir, dn, dic);
	a = path_in(dir, an);
	d = path_in(dir, dn);
	cr_assert_eq(speller_open_files(a, d, &sp, &err), MT_ERR_OK, "%s",
		     err.msg);
	free(a);
	free(d);
	return sp;
}

/* Close the spellers (sp2 may be NULL) and remove the test's directory. */
static void close_dic(struct speller *sp, struct speller *sp2)
{
	speller_close(sp);
	speller_close(sp2);
	rmdir_all(dir);
	dir = NULL;
}

static const char words[] = "10\nstorm\nlamp\nthe\nof\ncar\ncat\nrealize\n"
			    "color\ntravel\nwasn't\n";

Test(classify, typo_compound_or_term)
{
	static const struct {
		const char *w;
		enum classify_shape shape;
		size_t split;
		const char *why;
	} cases[] = {
		{ "catt", CLASSIFY_TYPO, 0, "a letter added to 'cat'" },
		{ "lmap", CLASSIFY_TYPO, 0, "two letters of 'lamp' swapped" },
		{ "stormlamp", CLASSIFY_COMPOUND, 5,
		  "two words of 3+ letters" },
		{ "ofthe", CLASSIFY_TYPO, 0,
		  "a part of two letters: a lost space" },
		{ "zenthoquical", CLASSIFY_TERM, 0, "no word one edit away" },
		{ "wasnt", CLASSIFY_TYPO, 0, "an apostrophe left out" },
		{ "Zenthoquical", CLASSIFY_TYPO, 0, "not plain lower case" },
	};
	struct speller *sp = open_dic("words", words);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t split = 0;
		enum classify_shape got = classify_shape(sp, cases[i].w,
							 strlen(cases[i].w),
							 &split);

		cr_expect_eq(got, cases[i].shape, "%s: shape %d, want %d (%s)",
			     cases[i].w, (int)got, (int)cases[i].shape,
			     cases[i].why);
		cr_expect_eq(split, cases[i].split,
			     "%s: split at %zu, want %zu", cases[i].w, split,
			     cases[i].split);
	}
	close_dic(sp, NULL);
}

Test(classify, british_spelling_gets_ours)
{
	struct speller *us = open_dic("us", words);
	struct speller *gb = open_dic("gb", "3\ncolour\nrealise\ntravelled\n");
	struct arena a;
	char *s;

	arena_init(&a, 0);
	s = classify_dialect_form(us, gb, 1, "colour", 6, &a);
	cr_expect(s && strcmp(s, "color") == 0, "colour -> %s", s ? s : "NULL");
	s = classify_dialect_form(us, gb, 1, "realise", 7, &a);
	cr_expect(s && strcmp(s, "realize") == 0, "realise -> %s",
		  s ? s : "NULL");
	/* "traveled" is not in our tiny dictionary: no counterpart */
	cr_expect_null(classify_dialect_form(us, gb, 1, "travelled", 9, &a));
	arena_release(&a);
	close_dic(us, gb);
}

Test(classify, a_word_both_dictionaries_know_is_no_counterpart)
{
	struct speller *us = open_dic("us", words);
	struct speller *gb = open_dic("gb", "2\ncolour\ncolor\n");
	struct arena a;

	arena_init(&a, 0);
	cr_expect_null(classify_dialect_form(us, gb, 1, "colour", 6, &a));
	arena_release(&a);
	close_dic(us, gb);
}

Test(classify, american_spelling_gets_the_british)
{
	struct speller *gb = open_dic("gb", "3\ncolour\nrealise\ntravelled\n");
	struct speller *us = open_dic("us", words);
	struct arena a;
	char *s;

	arena_init(&a, 0);
	s = classify_dialect_form(gb, us, 0, "color", 5, &a);
	cr_expect(s && strcmp(s, "colour") == 0, "color -> %s", s ? s : "NULL");
	arena_release(&a);
	close_dic(gb, us);
}

/* ---- words run together, on the corpus model's evidence --------------- */

static const char run_words[] =
	"28\na\nlot\nalto\nplot\nslot\nin\nfact\nintact\ninfant\neach\n"
	"other\nthe\nred\nthere\nit\nhere\nstorm\nlamp\nis\nland\nisland\n"
	"think\nthing\nlong\nterm\nhigh\nschool\n";

/* The tiny dictionary with the project's corpus model (make lm). */
static struct speller *open_run_words(int with_model)
{
	struct speller *sp = open_dic("run", run_words);
	char path[4096];

	if (with_model) {
		snprintf(path, sizeof(path), "%s/dictionaries/lm/en.lm",
			 mt_data_dir());
		speller_set_pair_model(sp, path);
	}
	return sp;
}

/* The first suggestion for w, and whether `want` is among them. */
static const char *first_of(struct speller *sp, const char *w, const char *want,
			    int *has)
{
	const char *const *v;
	size_t k = speller_suggest(sp, w, strlen(w), SPELLER_ORDER_INDEX, &v);

	*has = 0;
	for (size_t i = 0; i < k; i++)
		*has |= strcmp(v[i], want) == 0;
	return k ? v[0] : "";
}

Test(classify, a_pair_the_corpus_has_is_the_first_suggestion)
{
	static const struct {
		const char *w, *first, *why;
	} cases[] = {
		/* a half of one letter, against a word one swap away */
		{ "alot", "a lot", "'a lot' 90 times, 'alto' 4" },
		{ "infact", "in fact", "'in fact' 154, 'intact' 14" },
		{ "Infact", "In fact", "in the word's case" },
		{ "ithink", "I think", "'I' written as a word" },
		{ "eachother", "each other", "no other candidate" },
		{ "longterm", "long-term",
		  "the corpus: 'long-term' 32, 'long term' 3" },
		{ "highschool", "high school",
		  "the corpus: 'high school' 74, 'high-school' 0" },
	};
	struct speller *sp = open_run_words(1);
	int has;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = first_of(sp, cases[i].w, "", &has);

		cr_expect_str_eq(got, cases[i].first, "%s -> %s, want %s (%s)",
				 cases[i].w, got, cases[i].first, cases[i].why);
	}
	close_dic(sp, NULL);
}

Test(classify, a_better_one_edit_fix_stays_first)
{
	struct speller *sp = open_run_words(1);
	const char *got;
	int has;

	/* "the red" is a pair of the corpus (44), but "there" is one letter
	 * added away and far commoner (2,728): it stays first, the pair
	 * second */
	got = first_of(sp, "thered", "the red", &has);
	cr_expect_str_eq(got, "there");
	cr_expect(has, "thered: 'the red' among the suggestions");
	got = first_of(sp, "ithere", "it here", &has);
	cr_expect_str_eq(got, "there");
	close_dic(sp, NULL);
}

Test(classify, one_letter_halves_need_the_corpus)
{
	struct speller *sp = open_run_words(0);
	int has;

	/* without the model: no "a lot", and splits of two longer words
	 * as before */
	cr_expect_str_neq(first_of(sp, "alot", "a lot", &has), "a lot");
	cr_expect(!has, "alot: no 'a lot' without the corpus");
	cr_expect(first_of(sp, "eachother", "each other", &has)[0]);
	cr_expect(has);
	close_dic(sp, NULL);
}

Test(classify, attested_split_and_shape)
{
	struct speller *sp = open_run_words(1);
	char pair[64];
	size_t at = 0, split = 0;

	cr_expect_eq(speller_attested_split(sp, "alot", 4, pair, &at), 90);
	cr_expect_str_eq(pair, "a lot");
	cr_expect_eq(at, 1);
	/* two known words the corpus never has side by side: a closed
	 * compound, no attested split */
	cr_expect_eq(speller_attested_split(sp, "stormlamp", 9, pair, &at), 0);
	cr_expect_eq(classify_shape(sp, "stormlamp", 9, &split),
		     CLASSIFY_COMPOUND);
	cr_expect_eq(split, 5);
	split = 0;
	cr_expect_eq(classify_shape(sp, "eachother", 9, &split),
		     CLASSIFY_COMPOUND);
	cr_expect_eq(split, 4);
	/* a known word that merely holds two words is no split */
	cr_expect(speller_check(sp, "island", 6));
	cr_expect(speller_is_split("a lot", "alot", 4));
	cr_expect(speller_is_split("each-other", "eachother", 9));
	cr_expect(!speller_is_split("alto", "alot", 4));
	cr_expect(!speller_is_split("a plot", "alot", 4));
	close_dic(sp, NULL);
}
