/*
 * names: extraction, normal forms, string measures, the near-miss index.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "reference/names.h"
#include "util/namesim.h"
#include "text/segment.h"

static struct names_normaliser *nn;

static void setup(void)
{
	struct mt_error err = { 0 };

	cr_assert_eq(names_normaliser_open(&nn, &err), MT_ERR_OK, "%s",
		     err.msg);
}

static void teardown(void)
{
	names_normaliser_close(nn);
}

static void extract(const char *s, struct document **doc, struct names *n)
{
	struct mt_error err = { 0 };

	*doc = load_str(s);
	cr_assert_eq(checker_segment(test_checker(), *doc, &err), MT_ERR_OK);
	names_extract(nn, *doc, NULL, &(*doc)->arena, n);
}

static int has_entity(const struct document *doc, const struct names *n,
		      const char *text)
{
	for (uint32_t i = 0; i < n->n_entities; i++) {
		struct span sp = n->entities[i].span;

		if (sp.end - sp.start == strlen(text) &&
		    memcmp(doc->text + sp.start, text, strlen(text)) == 0)
			return 1;
	}
	return 0;
}

static int has_key(const struct names *n, const char *key)
{
	for (uint32_t i = 0; i < n->n_words; i++)
		if (strcmp(n->words[i].key, key) == 0)
			return 1;
	return 0;
}

Test(names, normalise_transliterates, .init = setup, .fini = teardown)
{
	struct arena a = ARENA_INIT;

	cr_expect_str_eq(names_normalise(nn, "Peskov", 6, &a), "peskov");
	cr_expect_str_eq(names_normalise(nn, "Déjà", strlen("Déjà"), &a),
			 "deja");
	cr_expect_str_eq(names_normalise(nn, "Песков", strlen("Песков"), &a),
			 "peskov");
	cr_expect_str_eq(names_normalise(nn, "Łódź", strlen("Łódź"), &a),
			 "lodz");
	arena_release(&a);
}

Test(names, entities_titles_and_possessives, .init = setup,
     .fini = teardown)
{
	struct document *doc;
	struct names n;

	extract("Kremlin spokesman Dmitry Peskov said so. In Moscow, Mr "
		"Peskov repeated it. Later, Putin’s country and the FSB denied it. "
		"President-elect Donald Trump's team agreed.",
		&doc, &n);
	cr_expect(has_entity(doc, &n, "Dmitry Peskov"));
	cr_expect(has_entity(doc, &n, "Mr Peskov"));
	cr_expect(has_entity(doc, &n, "Putin"), "possessive not stripped");
	cr_expect(has_entity(doc, &n, "FSB"));
	cr_expect(has_entity(doc, &n, "President-elect Donald Trump"));
	cr_expect(!has_key(&n, "in"), "sentence-initial function word");
	/* the role before the name is its context */
	for (uint32_t i = 0; i < n.n_entities; i++) {
		struct span sp = n.entities[i].span;

		if (memcmp(doc->text + sp.start, "Dmitry", 6) == 0) {
			int found = 0;

			for (uint32_t k = 0; k < n.entities[i].n_context; k++)
				found |= strcmp(n.entities[i].context[k],
						"spoke") == 0;
			cr_expect(found, "role not in context");
		}
	}
	document_free(doc);
}

Test(names, sentence_initial_capitals, .init = setup, .fini = teardown)
{
	struct document *doc;
	struct names n;

	extract("Meanwhile, the talks went on. Officials met. "
		"Moscow agreed. Later, officials in Moscow left.",
		&doc, &n);
	cr_expect(!has_key(&n, "meanwhile"));
	cr_expect(!has_key(&n, "officials"));
	/* vouched for by a capital in mid-sentence */
	cr_expect(has_key(&n, "moscow"));
	document_free(doc);
}

Test(names, jaro_winkler)
{
	/* the textbook pair: Jaro 0.944, Winkler 0.961 */
	cr_expect(fabs(namesim_jaro_winkler("martha", 6, "marhta", 6) - 0.9611) <
		  1e-3);
	cr_expect(fabs(namesim_jaro_winkler("dwayne", 6, "duane", 5) - 0.84) <
		  1e-3);
	cr_expect_float_eq(namesim_jaro_winkler("abc", 3, "abc", 3), 1.0, 1e-9);
	cr_expect_float_eq(namesim_jaro_winkler("abc", 3, "xyz", 3), 0.0, 1e-9);
}

Test(names, near_miss_thresholds)
{
	int d;
	double s;

	cr_expect(namesim_near_miss("pskov", "peskov", &d, &s));
	cr_expect_eq(d, 1);
	cr_expect(namesim_near_miss("tillerson", "tilersen", &d, &s));
	cr_expect_eq(d, 2);
	/* inflection and derivation are not misspellings */
	cr_expect(!namesim_near_miss("russian", "russians", &d, &s));
	cr_expect(!namesim_near_miss("america", "american", &d, &s));
	cr_expect(!namesim_near_miss("stoicism", "stoicist", &d, &s));
	cr_expect(!namesim_near_miss("calvinist", "calvinism", &d, &s));
	cr_expect(!namesim_near_miss("marxian", "marxism", &d, &s));
	/* too short, too far */
	cr_expect(!namesim_near_miss("gru", "fru", &d, &s));
	cr_expect(!namesim_near_miss("obama", "osama", &d, &s) || d == 1);
	cr_expect(!namesim_near_miss("london", "lisbon", &d, &s));
	cr_expect(!namesim_near_miss("moscow", "moscow", &d, &s));
}

Test(names, slip_shapes)
{
	/* swapped neighbours, a doubled or undoubled letter: typos */
	cr_expect(namesim_slip_is_typo_shape("marhta", 6, "martha", 6));
	cr_expect(namesim_slip_is_typo_shape("kentuckky", 9, "kentucky", 8));
	cr_expect(namesim_slip_is_typo_shape("Cincinati", 9, "Cincinnati", 10));
	cr_expect(namesim_slip_is_typo_shape("bostonn", 7, "boston", 6));
	/* another letter added or left out: as often a second name */
	cr_expect(!namesim_slip_is_typo_shape("nadira", 6, "nadia", 5));
	cr_expect(!namesim_slip_is_typo_shape("petrak", 6, "petra", 5));
	cr_expect(!namesim_slip_is_typo_shape("walte", 5, "walter", 6));
}

Test(names, slips_only_a_keyboard_makes)
{
	/* swapped neighbours, a doubled last letter: no romanisation */
	cr_expect(namesim_slip_is_keyboard_only("Trudaeu", 7, "Trudeau", 7));
	cr_expect(namesim_slip_is_keyboard_only("Bostonn", 7, "Boston", 6));
	cr_expect(namesim_slip_is_keyboard_only("BOSTONN", 7, "Boston", 6));
	/* an inner letter doubled or dropped, a vowel added: a
	 * transliteration may do that */
	cr_expect(!namesim_slip_is_keyboard_only("Mohammed", 8, "Mohamed", 7));
	cr_expect(!namesim_slip_is_keyboard_only("Mohamed", 7, "Mohammed", 8));
	cr_expect(!namesim_slip_is_keyboard_only("Dmitriy", 7, "Dmitry", 6));
}

Test(names, index_finds_near_misses_only)
{
	struct name_index *ix = name_index_new();
	uint32_t ids[4];
	size_t n;

	name_index_add(ix, "peskov");
	name_index_add(ix, "putin");
	name_index_add(ix, "tillerson");
	name_index_add(ix, "washington");
	cr_expect_eq(name_index_add(ix, "putin"), 1);
	n = name_index_near(ix, "pskov", ids, 4);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(name_index_key(ix, ids[0]), "peskov");
	n = name_index_near(ix, "tilersen", ids, 4);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(name_index_key(ix, ids[0]), "tillerson");
	cr_expect_eq(name_index_near(ix, "moscow", ids, 4), 0);
	cr_expect_eq(name_index_near(ix, "peskov", ids, 4), 0);
	name_index_free(ix);
}

/* Random keys over four letters, so that many are near one another;
 * lengths 4 to 40 (two deletions from 9 on). */
static void random_key(unsigned *seed, char *out)
{
	size_t n = 4 + (*seed = *seed * 1103515245u + 12345u) / 65536 % 37;

	for (size_t i = 0; i < n; i++)
		out[i] = "abcd"[(*seed = *seed * 1103515245u + 12345u) /
				65536 % 4];
	out[n] = 0;
}

Test(names, index_finds_every_near_miss_a_pairwise_search_finds)
{
	static char keys[300][48];
	struct name_index *ix = name_index_new();
	unsigned seed = 7;
	size_t found_some = 0;

	for (size_t i = 0; i < 300; i++) {
		random_key(&seed, keys[i]);
		name_index_add(ix, keys[i]);
	}
	for (size_t q = 0; q < 300; q++) {
		char query[48];
		uint32_t ids[16];
		size_t n, want = 0;

		if (q % 2)
			random_key(&seed, query);
		else /* a key with a byte changed */
			memcpy(query, keys[q], sizeof(query)),
				query[q % strlen(query)] = 'e';
		n = name_index_near(ix, query, ids, 16);
		for (uint32_t id = 0; id < name_index_count(ix); id++) {
			int d, hit = 0;
			double sc;

			if (!namesim_near_miss(query, name_index_key(ix, id),
					       &d, &sc))
				continue;
			want++;
			for (size_t k = 0; k < n; k++)
				hit |= ids[k] == id;
			cr_assert(hit || n == 16,
				  "'%s': near miss '%s' not found (%zu found)",
				  query, name_index_key(ix, id), n);
		}
		cr_assert(n == (want < 16 ? want : 16),
			  "'%s': %zu found, %zu near misses", query, n, want);
		found_some += n;
	}
	cr_assert_gt(found_some, 100, "only %zu near misses in all",
		     found_some);
	name_index_free(ix);
}
