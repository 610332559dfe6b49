/*
 * speller: Hunspell wrapper -- check, encodings, added words, suggestions
 * (the ranking's measures alone: test_rank.c).  Uses the tiny
 * dictionaries of fixtures/spell/ (never the system dictionary), in the
 * manner of Hunspell's own tests: <case>.good
 * words must be accepted, <case>.wrong words rejected, and each line
 * "wrong<TAB>right" of <case>.sug must rank `right` first.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "spelling/hunspell.h"
#include "spelling/rank.h"
#include "util/arena.h"

static char *fixture(const char *name)
{
	const char *dir = getenv("MTLINT_DATA_DIR");
	char *p = malloc(4096);

	cr_assert(p);
	snprintf(p, 4096, "%s/fixtures/spell/%s", dir ? dir : ".", name);
	return p;
}

static struct speller *open_case(const char *name)
{
	char aff[64], dic[64];
	char *a, *d;
	struct speller *sp = NULL;
	struct mt_error err = { 0 };

	snprintf(aff, sizeof(aff), "%s.aff", name);
	snprintf(dic, sizeof(dic), "%s.dic", name);
	a = fixture(aff);
	d = fixture(dic);
	cr_assert_eq(speller_open_files(a, d, &sp, &err), MT_ERR_OK, "%s",
		     err.msg);
	free(a);
	free(d);
	return sp;
}

/* Call fn on each line of fixtures/spell/<name>. */
static void each_line(const char *name, struct speller *sp,
		      void (*fn)(struct speller *sp, char *line))
{
	char *path = fixture(name), line[256];
	FILE *f = fopen(path, "r");
	int n = 0;

	cr_assert(f, "cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line) {
			fn(sp, line);
			n++;
		}
	}
	cr_assert(n > 0, "%s is empty", path);
	fclose(f);
	free(path);
}

static void expect_good(struct speller *sp, char *w)
{
	cr_expect_eq(speller_check(sp, w, strlen(w)), 1, "rejected: %s", w);
	/* the cached answer is the same */
	cr_expect_eq(speller_check(sp, w, strlen(w)), 1, "cache: %s", w);
}

static void expect_wrong(struct speller *sp, char *w)
{
	cr_expect_eq(speller_check(sp, w, strlen(w)), 0, "accepted: %s", w);
}

static void expect_sug(struct speller *sp, char *line)
{
	char *tab = strchr(line, '\t');
	const char *const *v;
	size_t k;

	cr_assert(tab);
	*tab = '\0';
	k = speller_suggest(sp, line, strlen(line), SPELLER_ORDER_RANKED, &v);
	cr_assert(k > 0, "no suggestion for %s", line);
	cr_expect_str_eq(v[0], tab + 1, "%s: got %s", line, v[0]);
}

static void run_case(const char *name)
{
	struct speller *sp = open_case(name);
	char f[64];

	snprintf(f, sizeof(f), "%s.good", name);
	each_line(f, sp, expect_good);
	snprintf(f, sizeof(f), "%s.wrong", name);
	each_line(f, sp, expect_wrong);
	snprintf(f, sizeof(f), "%s.sug", name);
	each_line(f, sp, expect_sug);
	speller_close(sp);
}

Test(speller, basic_case_utf8_dictionary)
{
	run_case("basic");
}

Test(speller, latin1_dictionary_converted_both_ways)
{
	/* the .dic is ISO-8859-1; words and suggestions travel as UTF-8, and
	 * a word the encoding cannot hold (Cyrillic) is simply unknown */
	run_case("latin1");
}

Test(speller, typographic_apostrophe_looked_up_as_ascii)
{
	struct speller *sp = open_case("basic");

	cr_expect(speller_check(sp, "London’s", strlen("London’s")));
	cr_expect(speller_check(sp, "Londonʼs", strlen("Londonʼs")));
	cr_expect(!speller_check(sp, "London’z", strlen("London’z")));
	speller_close(sp);
}

Test(speller, added_words_take_model_affixes)
{
	struct speller *sp = open_case("basic");

	cr_expect(!speller_check(sp, "Brexit", 6));
	cr_assert_eq(speller_add(sp, "Brexit", "Paris"), 0);
	cr_expect(speller_check(sp, "Brexit", 6));
	cr_expect(speller_check(sp, "Brexit’s", strlen("Brexit’s")));
	/* without a model, a capitalised word still takes a possessive;
	 * a lower-case one does not */
	cr_assert_eq(speller_add(sp, "Zelensky", NULL), 0);
	cr_expect(speller_check(sp, "Zelensky's", 10));
	cr_expect(speller_check(sp, "Zelensky’s", strlen("Zelensky’s")));
	cr_assert_eq(speller_add(sp, "tweeted", NULL), 0);
	cr_expect(speller_check(sp, "tweeted", 7));
	cr_expect(!speller_check(sp, "tweeted's", 9));
	speller_close(sp);
}

Test(speller, word_list_file_with_comments_and_models)
{
	struct speller *sp = open_case("basic");
	struct mt_error err = { 0 };
	const char list[] = "# a comment\n\n  Kyiv  \nPeskov London\nbrexit\n";
	char *p = write_temp(list, sizeof(list) - 1, ".words");

	cr_assert_eq(speller_load_words(sp, p, "Paris", &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect(speller_check(sp, "Kyiv", 4));
	cr_expect(speller_check(sp, "Kyiv's", 6));
	cr_expect(speller_check(sp, "Peskov's", 8));
	cr_expect(speller_check(sp, "brexit", 6));
	cr_expect(!speller_check(sp, "#", 1));
	remove(p);
	free(p);
	speller_close(sp);
}

Test(speller, bad_word_list_reports_file_and_line)
{
	struct speller *sp = open_case("basic");
	struct mt_error err = { 0 };
	const char list[] = "good\nbad\xff\n";
	char *p = write_temp(list, sizeof(list) - 1, ".words");

	cr_expect_eq(speller_load_words(sp, p, NULL, &err), MT_ERR_ENCODING);
	cr_expect(strstr(err.msg, ":2:"), "%s", err.msg);
	cr_expect_eq(speller_load_words(sp, "/nonexistent/x.words", NULL, &err),
		     MT_ERR_IO);
	cr_expect(strstr(err.msg, "/nonexistent/x.words"), "%s", err.msg);
	remove(p);
	free(p);
	speller_close(sp);
}

Test(speller, missing_dictionary_is_an_error)
{
	struct speller *sp = (struct speller *)1;
	struct mt_error err = { 0 };

	cr_expect_eq(speller_open("xx_YY", "/nonexistent", &sp, &err),
		     MT_ERR_DICT);
	cr_expect_null(sp);
	cr_expect(strstr(err.msg, "xx_YY"), "%s", err.msg);
	cr_expect_eq(speller_open("../etc/passwd", NULL, &sp, &err),
		     MT_ERR_DICT);
	cr_expect_eq(speller_open_files("/nonexistent.aff", "/x.dic", &sp,
					&err),
		     MT_ERR_DICT);
	speller_close(NULL);
}

Test(speller, dict_path_is_searched_first)
{
	const char *dir = getenv("MTLINT_DATA_DIR");
	char path[4096];
	struct speller *sp = NULL;
	struct mt_error err = { 0 };

	snprintf(path, sizeof(path), "/nonexistent:%s/fixtures/spell",
		 dir ? dir : ".");
	cr_assert_eq(speller_open("basic", path, &sp, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect(strstr(speller_dic_path(sp), "fixtures/spell/basic.dic"));
	speller_close(sp);
}

Test(speller, empty_and_overlong_words_are_not_flagged)
{
	struct speller *sp = open_case("basic");
	char longw[SPELLER_MAX_WORD + 2];
	const char *const *v;

	memset(longw, 'x', sizeof(longw));
	cr_expect(speller_check(sp, "", 0));
	cr_expect(speller_check(sp, longw, sizeof(longw)));
	cr_expect_eq(speller_suggest(sp, longw, sizeof(longw),
				     SPELLER_ORDER_RANKED, &v),
		     0);
	cr_expect_null(v);
	speller_close(sp);
}

Test(speller, frequency_decides_between_equal_candidates)
{
	struct speller *sp = open_case("basic");
	struct mt_error err = { 0 };
	const char freq[] = "# counts\nbit\t5000\nBAT 3\n";
	char *p = write_temp(freq, sizeof(freq) - 1, ".tsv");
	const char *const *v;
	size_t k;

	cr_assert_eq(speller_load_frequencies(sp, p, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect_eq(speller_frequency(sp, "Bit", 3), 5000);
	cr_expect_eq(speller_frequency(sp, "bat", 3), 3);
	cr_expect_eq(speller_frequency(sp, "cat", 3), 0);
	/* "bet": a vowel away from both "bat" and "bit" */
	cr_expect_gt(rank_score(&rank_default_weights, "bet", 3, "bit",
				speller_frequency(sp, "bit", 3), 1),
		     rank_score(&rank_default_weights, "bet", 3, "bat",
				speller_frequency(sp, "bat", 3), 0));
	k = speller_suggest(sp, "bet", 3, SPELLER_ORDER_RANKED, &v);
	cr_assert(k >= 2);
	cr_expect_str_eq(v[0], "bit");
	remove(p);
	free(p);
	speller_close(sp);
}

Test(speller, hunspell_order_kept_on_request)
{
	struct speller *sp = open_case("basic");
	const char *const *a, *const *b;
	size_t ka, kb;

	/* Hunspell's list and the index's candidates: both find "bat" and
	 * "bit" (one letter away) */
	ka = speller_suggest(sp, "bet", 3, SPELLER_ORDER_HUNSPELL, &a);
	kb = speller_suggest(sp, "bet", 3, SPELLER_ORDER_RANKED, &b);
	cr_expect(ka >= 2);
	cr_expect(kb >= 2);
	speller_close(sp);
}

Test(speller, suggestion_index_is_built_once_then_mapped)
{
	struct speller *sp = open_case("basic");
	struct speller_index_stats st;
	const char *const *s;

	speller_index_stats(sp, &st);
	cr_expect_eq(st.opened, 0, "opened before any suggestion");
	cr_expect(speller_suggest(sp, "bet", 3, SPELLER_ORDER_RANKED, &s) > 0);
	speller_index_stats(sp, &st);
	cr_expect(st.opened == 1 || st.opened == 2, "opened %d", st.opened);
	cr_expect_gt(st.words, 0);
	speller_close(sp);
	/* the same sources again: the cache file written (or found) above is
	 * mapped, not built */
	sp = open_case("basic");
	cr_expect(speller_suggest(sp, "bet", 3, SPELLER_ORDER_RANKED, &s) > 0);
	speller_index_stats(sp, &st);
	if (*st.path) {
		cr_expect_eq(st.opened, 1, "built again: %s", st.path);
	}
	speller_close(sp);
}

/* Everything the speller says of a word, as one string. */
static void answers(struct speller *sp, const char *w, char *out, size_t cap)
{
	size_t n = (size_t)snprintf(out, cap, "%d",
				    speller_check(sp, w, strlen(w)));

	for (int o = 0; o < SPELLER_N_ORDERS; o++) {
		const char *const *v;
		size_t k = speller_suggest(sp, w, strlen(w),
					   (enum speller_order)o, &v);

		n += (size_t)snprintf(out + n, cap - n, "|");
		for (size_t i = 0; i < k && n < cap; i++)
			n += (size_t)snprintf(out + n, cap - n, "%s,", v[i]);
	}
}

/* The cache is bounded by bytes, and a word evicted and asked again gets
 * the answers it got the first time. */
Test(speller, cache_bounded_by_bytes_same_answers_after_eviction)
{
	enum { BUDGET = 16 * 1024, N_WORDS = 8 };
	static const char *const words[N_WORDS] = { "recieve", "goverment",
						    "catz",    "london",
						    "Helo",    "cats",
						    "bet",     "government" };
	struct speller *sp = open_case("basic");
	char first[N_WORDS][1024], again[1024], w[32];
	size_t max_bytes = 0;

	speller_set_cache_budget(sp, BUDGET);
	for (int i = 0; i < N_WORDS; i++)
		answers(sp, words[i], first[i], sizeof(first[i]));
	for (int i = 0; i < 2000; i++) {
		int n = snprintf(w, sizeof(w), "filler%dx", i);

		speller_check(sp, w, (size_t)n);
		if (i % 50 == 0) {
			const char *const *v;

			speller_suggest(sp, w, (size_t)n, SPELLER_ORDER_INDEX,
					&v);
		}
		if (speller_cache_bytes(sp) > max_bytes)
			max_bytes = speller_cache_bytes(sp);
	}
	cr_expect_leq(max_bytes, (size_t)BUDGET, "%zu bytes", max_bytes);
	cr_expect_gt(max_bytes, (size_t)BUDGET / 2, "%zu bytes", max_bytes);
	for (int i = 0; i < N_WORDS; i++) {
		answers(sp, words[i], again, sizeof(again));
		cr_expect_str_eq(again, first[i], "%s", words[i]);
	}
	/* and once more from the cache */
	for (int i = 0; i < N_WORDS; i++) {
		answers(sp, words[i], again, sizeof(again));
		cr_expect_str_eq(again, first[i], "%s (cached)", words[i]);
	}
	speller_close(sp);
}

/* Stems of word as one string, "a|b|" (cr_assert on too many). */
static void stems_str(struct speller *sp, const char *w, char *out, size_t cap)
{
	const char *st[8];
	struct arena a;
	size_t k;

	arena_init(&a, 0);
	k = speller_stems(sp, w, strlen(w), &a, st, 8);
	*out = '\0';
	for (size_t i = 0; i < k; i++) {
		cr_assert_lt(strlen(out) + strlen(st[i]) + 2, cap);
		strcat(out, st[i]);
		strcat(out, "|");
	}
	arena_release(&a);
}

Test(speller, stems_are_the_same_from_the_cache_and_follow_added_words)
{
	struct speller *sp = open_case("basic");
	char first[256], again[256];
	const char *st[1];
	struct arena a;

	stems_str(sp, "cats", first, sizeof(first));
	cr_assert_str_eq(first, "cat|");
	stems_str(sp, "cats", again, sizeof(again));
	cr_assert_str_eq(again, first, "cached: '%s', first: '%s'", again,
			 first);
	/* at most `max`, the first in Hunspell's order */
	arena_init(&a, 0);
	cr_assert_eq(speller_stems(sp, "cats", 4, &a, st, 0), 0);
	cr_assert_eq(speller_stems(sp, "cats", 4, &a, st, 1), 1);
	cr_assert_str_eq(st[0], "cat");
	arena_release(&a);
	/* unknown, then added with a model's affixes: the cache follows */
	stems_str(sp, "Brexits", first, sizeof(first));
	cr_assert_str_eq(first, "");
	cr_assert_eq(speller_add(sp, "Brexit", "cat"), 0);
	stems_str(sp, "Brexits", again, sizeof(again));
	cr_assert_str_eq(again, "Brexit|");
	speller_close(sp);
}
