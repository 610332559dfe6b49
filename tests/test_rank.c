/*
 * rank: the measures that order suggestions -- the weighted distance, the
 * case pattern, the score and the sort -- on hand-made cases, without a
 * dictionary (the speller's use of them: test_speller.c).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "spelling/rank.h"
#include "util/arena.h"

Test(rank, distance_weights)
{
	/* a keyboard neighbour (s/a) costs less than a far key (s/p) */
	cr_expect_lt(rank_distance("cst", 3, "cat", 3),
		     rank_distance("cpt", 3, "cat", 3));
	/* a swap costs less than two changes */
	cr_expect_lt(rank_distance("recieve", 7, "receive", 7), 1.0);
	/* doubling a letter is cheap */
	cr_expect_lt(rank_distance("governmment", 11, "government", 10), 1.0);
	cr_expect_float_eq(rank_distance("Paris", 5, "paris", 5), 0, 1e-9);
	cr_expect_float_eq(rank_distance("", 0, "abc", 3), 3, 1e-9);
	cr_expect_float_eq(rank_distance("é", 2, "e", 1), 1, 1e-9);
}

Test(rank, overlong_words_are_very_distant)
{
	char w[RANK_MAX_WORD + 2];

	memset(w, 'a', sizeof(w));
	cr_expect_float_eq(rank_distance(w, sizeof(w), "a", 1), 1000, 1e-9);
	cr_expect_lt(rank_distance("a", 1, w, RANK_MAX_WORD), 1000,
		     "a word of RANK_MAX_WORD bytes is still compared");
}

Test(rank, typographic_apostrophe_is_ascii)
{
	cr_expect_float_eq(rank_distance("Putin\xe2\x80\x99s", 9, "putin's", 7),
			   0, 1e-9);
}

Test(rank, case_patterns)
{
	cr_expect_eq(rank_case_pattern("paris", 5), RANK_LOWER);
	cr_expect_eq(rank_case_pattern("1990s", 5), RANK_LOWER);
	cr_expect_eq(rank_case_pattern("Paris", 5), RANK_CAPITALISED);
	cr_expect_eq(rank_case_pattern("A", 1), RANK_CAPITALISED);
	cr_expect_eq(rank_case_pattern("PARIS", 5), RANK_UPPER);
	cr_expect_eq(rank_case_pattern("McDonald", 8), RANK_MIXED);
	cr_expect_eq(rank_case_pattern("iPhone", 6), RANK_MIXED);
	cr_expect_eq(rank_case_pattern("\xc3\x89"
				       "cole",
				       6),
		     RANK_CAPITALISED);
}

Test(rank, candidate_takes_the_misspellings_case)
{
	struct arena a;

	arena_init(&a, 0);
	cr_expect_str_eq(rank_match_case(RANK_CAPITALISED, "the", &a), "The");
	cr_expect_str_eq(rank_match_case(RANK_UPPER, "the", &a), "THE");
	cr_expect_str_eq(rank_match_case(RANK_CAPITALISED, "\xc3\xa9t\xc3\xa9",
					 &a),
			 "\xc3\x89t\xc3\xa9");
	/* a candidate with capitals of its own stays */
	cr_expect_str_eq(rank_match_case(RANK_UPPER, "Paris", &a), "Paris");
	/* a lower-case or mixed misspelling leaves the candidate alone */
	cr_expect_str_eq(rank_match_case(RANK_LOWER, "the", &a), "the");
	cr_expect_str_eq(rank_match_case(RANK_MIXED, "the", &a), "the");
	arena_release(&a);
}

Test(rank, case_pattern_of_the_misspelling)
{
	const struct rank_weights *w = &rank_default_weights;

	/* a lower-case word is rarely a name: "lodnon" -> not "London"
	 * first, even in second place */
	cr_expect_gt(rank_score(w, "lodnon", 6, "london", 0, 1),
		     rank_score(w, "lodnon", 6, "London", 0, 0));
}

Test(rank, frequency_and_phonetic_key_add_to_the_score)
{
	const struct rank_weights *w = &rank_default_weights;

	cr_expect_gt(rank_score(w, "bet", 3, "bit", 5000, 0),
		     rank_score(w, "bet", 3, "bit", 0, 0));
	/* "recieve" and "receive" share a phonetic key; "relieve" does not */
	cr_expect_float_eq(rank_score(w, "recieve", 7, "receive", 0, 0),
			   w->phonetic -
				   rank_distance("recieve", 7, "receive", 7),
			   1e-9);
	cr_expect_float_eq(rank_score(w, "recieve", 7, "relieve", 0, 0),
			   -rank_distance("recieve", 7, "relieve", 7), 1e-9);
	/* two words cost the split penalty (alone: no other weight) */
	cr_expect_float_eq(rank_score(&(struct rank_weights){ .split = 3 },
				      "abc", 3, "a bc", 0, 0),
			   -rank_distance("abc", 3, "a bc", 4) - 3, 1e-9);
}

Test(rank, sort_best_first_ties_in_the_given_order)
{
	const struct rank_weights w = { 0 };
	const char *v[] = { "cpt", "cst", "cat", "cot" };
	const unsigned long freq[] = { 0, 0, 0, 0 };

	/* no weights: the distance alone; "cat" and "cot" tie (a vowel) */
	rank_sort(&w, "cut", 3, v, freq, 4);
	cr_expect_str_eq(v[0], "cat");
	cr_expect_str_eq(v[1], "cot");
	/* "cpt" and "cst" tie too: neither p nor s is next to u */
	cr_expect_str_eq(v[2], "cpt");
	cr_expect_str_eq(v[3], "cst");
}
