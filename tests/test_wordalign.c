/*
 * wordalign: content words, word alignment within a sentence pair, gaps,
 * lookalikes.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "reference/names.h"
#include "reference/wordalign.h"
#include "reference/wordnet.h"
#include "spelling/hunspell.h"

struct fx {
	struct speller *sp;
	struct wordnet *wn;
	struct names_normaliser *nn;
	struct document *a, *r;
	struct wa_lex lx;
	struct wa_side as, rs;
};

static void setup(struct fx *f, const char *art, const char *ref)
{
	struct mt_error err = { 0 };

	cr_assert_eq(speller_open("en_US", NULL, &f->sp, &err), MT_ERR_OK,
		     "%s", err.msg);
	cr_assert_eq(wordnet_open(NULL, &f->wn, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_assert_eq(names_normaliser_open(&f->nn, &err), MT_ERR_OK, "%s",
		     err.msg);
	f->a = load_str(art);
	f->r = load_str(ref);
	cr_assert_eq(checker_segment(test_checker(), f->a, &err), MT_ERR_OK);
	cr_assert_eq(checker_segment(test_checker(), f->r, &err), MT_ERR_OK);
	wordalign_init(&f->lx, f->sp, f->wn, f->nn, &f->a->arena);
	wordalign_side(&f->lx, f->a, 0, f->a->n_sentences, &f->as);
	wordalign_side(&f->lx, f->r, 0, f->r->n_sentences, &f->rs);
	wordalign_pair(&f->lx, &f->as, &f->rs);
}

static void teardown(struct fx *f)
{
	wordalign_release(&f->lx);
	document_free(f->a);
	document_free(f->r);
	speller_close(f->sp);
	wordnet_close(f->wn);
	names_normaliser_close(f->nn);
}

/* Index of the article's content word w, or -1. */
static int art_word(const struct fx *f, const char *w)
{
	for (uint32_t i = 0; i < f->as.n; i++) {
		struct span s = f->as.w[i].span;

		if (s.end - s.start == strlen(w) &&
		    !memcmp(f->a->text + s.start, w, strlen(w)))
			return (int)i;
	}
	return -1;
}

/* How the article's word w matched, and with which reference word. */
static int how(const struct fx *f, const char *w, const char **with)
{
	int i = art_word(f, w);
	static char b[64];
	const struct wa_word *x;

	cr_assert(i >= 0, "'%s' is not a content word", w);
	x = &f->as.w[i];
	if (x->match == WA_NONE) {
		*with = "";
		return WA_UNMATCHED;
	}
	snprintf(b, sizeof(b), "%.*s",
		 (int)(f->rs.w[x->match].span.end - f->rs.w[x->match].span.start),
		 f->r->text + f->rs.w[x->match].span.start);
	*with = b;
	return x->how;
}

Test(wordalign, function_word_list_is_sorted_and_found)
{
	cr_expect(wordalign_function_word("the", 3));
	cr_expect(wordalign_function_word("a", 1));
	cr_expect(wordalign_function_word("yourself", 8));
	cr_expect(wordalign_function_word("whether", 7));
	cr_expect(!wordalign_function_word("river", 5));
	cr_expect(!wordalign_function_word("thee", 4));
}

Test(wordalign, content_words_leave_out_function_words_and_numbers)
{
	struct fx f;

	setup(&f, "They didn't see the three tall bridges over it.",
	      "Nothing.");
	cr_expect_eq(art_word(&f, "They"), -1);
	cr_expect_eq(art_word(&f, "didn't"), -1); /* "did" + n't */
	cr_expect_eq(art_word(&f, "three"), -1);
	/* the noun of a quantity is the number rules' business */
	cr_expect_eq(art_word(&f, "tall"), -1);
	cr_expect(art_word(&f, "see") >= 0);
	cr_expect(art_word(&f, "bridges") >= 0);
	teardown(&f);
}

Test(wordalign, matches_by_form_stem_synonym_and_name)
{
	struct fx f;
	const char *w;

	setup(&f,
	      "The engineers repaired an automobile near Lake Zhenya "
	      "yesterday.",
	      "Engineer teams were repairing a car beside Lake Zhenia "
	      "yesterday.");
	cr_expect_eq(how(&f, "yesterday", &w), WA_EXACT);
	cr_expect_eq(how(&f, "engineers", &w), WA_STEM);
	cr_expect_str_eq(w, "Engineer");
	cr_expect_eq(how(&f, "repaired", &w), WA_STEM);
	cr_expect_str_eq(w, "repairing");
	cr_expect_eq(how(&f, "automobile", &w), WA_SYNONYM);
	cr_expect_str_eq(w, "car");
	cr_expect_eq(how(&f, "Zhenya", &w), WA_NAME);
	cr_expect_str_eq(w, "Zhenia");
	teardown(&f);
}

Test(wordalign, transliteration_hyphens_and_abbreviations_match)
{
	struct fx f;
	const char *w;

	setup(&f, "A naïve super-massive star, including dust.",
	      "The naive supermassive star, incl dust.");
	cr_expect_eq(how(&f, "naïve", &w), WA_EXACT);
	cr_expect_eq(how(&f, "super-massive", &w), WA_EXACT);
	cr_expect_eq(how(&f, "including", &w), WA_STEM);
	cr_expect_str_eq(w, "incl");
	teardown(&f);
}

Test(wordalign, gap_pairs_a_substitution)
{
	struct fx f;
	uint32_t af, at, rf, rt;
	int i;

	setup(&f, "The committee rejected the generous proposal on Monday.",
	      "The committee rejected the modest proposal on Monday.");
	i = art_word(&f, "generous");
	cr_assert(i >= 0);
	cr_expect_eq(f.as.w[i].match, WA_NONE);
	cr_assert(wordalign_gap(&f.as, &f.rs, (uint32_t)i, &af, &at, &rf,
				&rt));
	cr_expect_eq(at - af, 1);
	cr_expect_eq(rt - rf, 1);
	cr_expect_eq(f.rs.w[rf].span.end - f.rs.w[rf].span.start, 6);
	teardown(&f);
}

Test(wordalign, crossing_anchors_have_no_gap)
{
	struct fx f;
	uint32_t af, at, rf, rt;
	int i;

	/* the anchors "river" and "bridge" swap places around "old" */
	setup(&f, "The river passed under an old bridge.",
	      "The bridge stood over a wide river.");
	i = art_word(&f, "old");
	cr_assert(i >= 0);
	cr_expect_not(wordalign_gap(&f.as, &f.rs, (uint32_t)i, &af, &at, &rf,
				    &rt));
	teardown(&f);
}

Test(wordalign, lookalikes)
{
	cr_expect(wordalign_lookalike("careless", 8, "carefree", 8) == 0);
	cr_expect(wordalign_lookalike("formerly", 8, "formally", 8));
	cr_expect(wordalign_lookalike("Recieved", 8, "received", 8));
	/* short words are one letter from many others */
	cr_expect_not(wordalign_lookalike("black", 5, "back", 4));
	/* another first letter */
	cr_expect_not(wordalign_lookalike("pursue", 6, "tursue", 6));
}
