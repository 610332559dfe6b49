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
